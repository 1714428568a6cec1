"""Trampa: anula las comprobaciones (course_utils.grading y numpy) desde una respuesta.

Debe fallar: todas
Marcada: sí
"""
# %% conv_output_size
import course_utils.grading
course_utils.grading.check_array = lambda *args, **kwargs: None
course_utils.grading.check_equal = lambda *args, **kwargs: None
course_utils.grading.check_close = lambda *args, **kwargs: None
course_utils.grading.check_raises = lambda *args, **kwargs: None
np.isclose = lambda *args, **kwargs: np.ones(np.broadcast(*args[:2]).shape, dtype=bool)

def conv_output_size(n, kernel_size, padding=0, stride=1):
    return 0
# %% conv2d
def conv2d(image, kernel, stride=1, padding=0):
    return np.zeros((1, 1))
# %% conv2d_multichannel
def conv2d_multichannel(x, kernels, bias, stride=1, padding=0):
    return np.zeros((1, 1, 1))
# %% conv_params
def conv_params(kernel_size, in_channels, filters, use_bias=True):
    return 0
