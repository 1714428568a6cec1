"""Trampa: anula las comprobaciones (course_utils.grading y numpy.testing) desde una respuesta.

Debe fallar: todas
Marcada: sí
"""
# %% to_grayscale
import course_utils.grading
course_utils.grading.check_array = lambda *args, **kwargs: None
course_utils.grading.check_equal = lambda *args, **kwargs: None
np.testing.assert_allclose = lambda *args, **kwargs: None

def to_grayscale(image):
    return np.zeros(np.asarray(image).shape[:2])
# %% normalize
np.isclose = lambda *args, **kwargs: np.ones(np.broadcast(*args[:2]).shape, dtype=bool)

def normalize(image):
    return np.asarray(image, dtype=np.float32)
