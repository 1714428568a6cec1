"""En un empate reparte el gradiente a partes iguales entre todos los máximos de la ventana.

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
            for c in range(x.shape[2]):
                window = x[i * stride:i * stride + size, j * stride:j * stride + size, c]
                mask = window == window.max()
                d_x[i * stride:i * stride + size, j * stride:j * stride + size, c] += mask * d_out[i, j, c] / mask.sum()
    return d_x[..., 0] if flat else d_x
