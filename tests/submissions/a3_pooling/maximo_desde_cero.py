"""Empieza la búsqueda del máximo en 0, así que falla con mapas de valores negativos.

Debe fallar: test_max_pool2d
"""
# %% max_pool2d
def max_pool2d(x, size=2, stride=2):
    x = np.asarray(x)
    out_h = (x.shape[0] - size) // stride + 1
    out_w = (x.shape[1] - size) // stride + 1
    out = np.zeros((out_h, out_w) + x.shape[2:], dtype=x.dtype)
    for i in range(out_h):
        for j in range(out_w):
            for m in range(size):
                for n in range(size):
                    out[i, j] = np.maximum(out[i, j], x[i * stride + m, j * stride + n])
    return out
