"""El average pooling devuelve la suma de cada ventana, sin dividir entre F².

Debe fallar: test_avg_pool2d
"""
# %% avg_pool2d
def avg_pool2d(x, size=2, stride=2):
    x = np.asarray(x, dtype=np.float64)
    out_h = (x.shape[0] - size) // stride + 1
    out_w = (x.shape[1] - size) // stride + 1
    out = np.empty((out_h, out_w) + x.shape[2:])
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = x[i * stride:i * stride + size, j * stride:j * stride + size].sum(axis=(0, 1))
    return out
