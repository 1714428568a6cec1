"""Ignora el argumento stride: siempre avanza el tamaño de la ventana (sin solapamiento).

Debe fallar: test_avg_pool2d
"""
# %% avg_pool2d
def avg_pool2d(x, size=2, stride=2):
    x = np.asarray(x, dtype=np.float64)
    out_h = (x.shape[0] - size) // size + 1
    out_w = (x.shape[1] - size) // size + 1
    out = np.empty((out_h, out_w) + x.shape[2:])
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = x[i * size:i * size + size, j * size:j * size + size].mean(axis=(0, 1))
    return out
