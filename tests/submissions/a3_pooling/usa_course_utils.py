"""Trampa: llama a las funciones de referencia del libro (course_utils.ops) en vez de escribirlas.

Debe fallar: test_receptive_field, test_stacked_receptive_field, test_stack_vs_single_params
"""
# %% receptive_field
from course_utils import ops

def receptive_field(num_layers, kernel_size=3):
    return ops.receptive_field(num_layers, kernel_size)
# %% stacked_receptive_field
def stacked_receptive_field(layers):
    return ops.stacked_receptive_field(layers)
# %% stack_vs_single_params
def stack_vs_single_params(channels, kernel_size=3, num_layers=3):
    return ops.stack_vs_single_params(channels, kernel_size, num_layers)
