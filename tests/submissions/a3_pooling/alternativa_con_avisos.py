"""Alternativa honesta: pooling con np.max/np.mean sobre cortes y un aviso en cada llamada.

Debe fallar: ninguna
"""
# %% max_pool2d
import warnings


def max_pool2d(x, size=2, stride=2):
    warnings.warn("max_pool2d: sin relleno", UserWarning, stacklevel=2)
    x = np.asarray(x)
    rows = range(0, x.shape[0] - size + 1, stride)
    cols = range(0, x.shape[1] - size + 1, stride)
    return np.array([[np.max(x[i:i + size, j:j + size], axis=(0, 1)) for j in cols] for i in rows], dtype=x.dtype)
# %% stack_vs_single_params
def stack_vs_single_params(channels, kernel_size=3, num_layers=3):
    side = 1 + num_layers * (kernel_size - 1)
    return num_layers * kernel_size ** 2 * channels ** 2, side ** 2 * channels ** 2
