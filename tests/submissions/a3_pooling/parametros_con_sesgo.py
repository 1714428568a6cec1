"""Cuenta también los sesgos (C por capa), aunque se piden solo los pesos.

Debe fallar: test_stack_vs_single_params
"""
# %% stack_vs_single_params
def stack_vs_single_params(channels, kernel_size=3, num_layers=3):
    side = num_layers * (kernel_size - 1) + 1
    stack = num_layers * (kernel_size * kernel_size * channels * channels + channels)
    single = side * side * channels * channels + channels
    return stack, single
