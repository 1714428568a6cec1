"""Alternativa honesta: sliding_window_view para los dos poolings y fórmulas cerradas.

Debe fallar: ninguna
"""
# %% max_pool2d
from numpy.lib.stride_tricks import sliding_window_view


def max_pool2d(x, size=2, stride=2):
    windows = sliding_window_view(np.asarray(x), (size, size), axis=(0, 1))[::stride, ::stride]
    return windows.max(axis=(-2, -1))
# %% avg_pool2d
def avg_pool2d(x, size=2, stride=2):
    windows = sliding_window_view(np.asarray(x, dtype=np.float64), (size, size), axis=(0, 1))[::stride, ::stride]
    return windows.mean(axis=(-2, -1))
# %% receptive_field
def receptive_field(num_layers, kernel_size=3):
    side = 1
    for _ in range(num_layers):
        side += kernel_size - 1
    return side
