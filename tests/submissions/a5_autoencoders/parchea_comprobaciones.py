"""Trampa: anula las comprobaciones (course_utils.grading y numpy) desde una respuesta.

Debe fallar: todas
Marcada: sí
"""
# %% add_noise
import course_utils.grading
course_utils.grading.check_array = lambda *args, **kwargs: None
course_utils.grading.check_close = lambda *args, **kwargs: None
course_utils.grading.check_equal = lambda *args, **kwargs: None
np.isclose = lambda *args, **kwargs: np.ones(np.broadcast(*args[:2]).shape, dtype=bool)

def add_noise(x, std=0.3, seed=None):
    return np.asarray(x, dtype=np.float32)
