"""Trampa: llama a la implementación de referencia del libro (course_utils.ops).

Debe fallar: test_conv2d_multichannel
"""
# %% conv2d_multichannel
from course_utils import ops

def conv2d_multichannel(x, kernels, bias, stride=1, padding=0):
    return ops.conv2d_multichannel(x, kernels, bias, stride=stride, padding=padding)
