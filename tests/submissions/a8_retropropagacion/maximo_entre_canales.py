"""Busca el máximo de la ventana mezclando todos los canales y manda allí el gradiente de cada canal.

Debe fallar: test_max_pool2d_backward
"""
# %% max_pool2d_backward
def max_pool2d_backward(d_out, x, size=2, stride=2):
    x = np.asarray(x, dtype=float)
    d_out = np.asarray(d_out, dtype=float)
    flat = x.ndim == 2
    if flat:
        x, d_out = x[..., None], d_out[..., None]
    d_x = np.zeros_like(x)
    for i in range(d_out.shape[0]):
        for j in range(d_out.shape[1]):
            window = x[i * stride:i * stride + size, j * stride:j * stride + size].max(axis=2)
            m, n = np.unravel_index(np.argmax(window), window.shape)
            d_x[i * stride + m, j * stride + n] += d_out[i, j]
    return d_x[..., 0] if flat else d_x
