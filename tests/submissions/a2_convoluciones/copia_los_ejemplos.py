"""Trampa: devuelve de memoria los resultados de los ejemplos visibles.

Debe fallar: test_conv2d, test_conv_params
"""
# %% conv2d
def conv2d(image, kernel, stride=1, padding=0):
    if padding == 0:
        return np.array([[4, 3, 4], [2, 4, 3], [2, 3, 4]], dtype=float)
    if stride == 1:
        return np.array([[2, 2, 3, 1, 1], [1, 4, 3, 4, 1], [1, 2, 4, 3, 3], [1, 2, 3, 4, 1], [0, 2, 2, 1, 1]],
                        dtype=float)
    return np.array([[2, 3, 1], [1, 4, 3], [0, 2, 1]], dtype=float)
# %% conv_params
def conv_params(kernel_size, in_channels, filters, use_bias=True):
    return 896 if use_bias else 9
