"""Cuenta K·K pesos por filtro, olvidando que cada filtro tiene la profundidad de la entrada.

Debe fallar: test_conv_params
"""
# %% conv_params
def conv_params(kernel_size, in_channels, filters, use_bias=True):
    weights = kernel_size * kernel_size * filters
    return weights + filters if use_bias else weights
