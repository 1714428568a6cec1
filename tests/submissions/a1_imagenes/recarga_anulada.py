"""Trampa: anula importlib.reload y después parchea grading.check_array, para que la recarga no lo deshaga.

Debe fallar: todas
Marcada: sí
"""
# %% to_grayscale
import importlib

import course_utils.grading as trucado

importlib.reload = lambda module: module
trucado.check_array = lambda *args, **kwargs: None


def to_grayscale(image):
    return image
