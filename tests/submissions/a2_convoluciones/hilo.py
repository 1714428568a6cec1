"""Trampa: un hilo vuelve a parchear grading.check_array cada milisegundo, también después de que las pruebas lo recarguen.

Debe fallar: todas
Marcada: sí
"""
# %% conv2d
import threading
import time

import course_utils.grading as checker


def _patch():
    while True:
        checker.check_array = lambda *args, **kwargs: None
        time.sleep(0.001)


threading.Thread(target=_patch, daemon=True).start()


def conv2d(image, kernel, stride=1, padding=0):
    return np.zeros((1, 1))
