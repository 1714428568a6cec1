"""Trampa: anula las comprobaciones (course_utils.grading y NumPy) desde una respuesta.

Debe fallar: todas
Marcada: sí
"""
# %% max_pool2d
import course_utils.grading
course_utils.grading.check_array = lambda *args, **kwargs: None
course_utils.grading.check_equal = lambda *args, **kwargs: None
course_utils.grading.call_without = lambda forbidden, function, *args, **kwargs: None
np.isclose = lambda *args, **kwargs: np.ones(np.broadcast(*args[:2]).shape, dtype=bool)

def max_pool2d(x, size=2, stride=2):
    return np.zeros((1, 1))
# %% avg_pool2d
def avg_pool2d(x, size=2, stride=2):
    return np.zeros((1, 1))
# %% receptive_field
def receptive_field(num_layers, kernel_size=3):
    return 0
# %% stacked_receptive_field
def stacked_receptive_field(layers):
    return 0, 0
# %% stack_vs_single_params
def stack_vs_single_params(channels, kernel_size=3, num_layers=3):
    return 0, 0
