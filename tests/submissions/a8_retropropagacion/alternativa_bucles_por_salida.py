"""Alternativa honesta: seis bucles anidados que recorren cada salida, peso y canal (lento pero
correcto), el max pooling comparando a mano con > y ReLU con np.maximum sobre la máscara; la
diferencia centrada modifica x y lo restaura con try/finally. Debe sacar todos los puntos.

Debe fallar: ninguna
"""
# %% conv2d_backward
def conv2d_backward(d_out, x, kernels, stride=1, padding=0):
    h, w, channels = np.shape(x)
    k, _, _, filters = np.shape(kernels)
    rows, cols = np.shape(d_out)[:2]
    d_x = np.zeros((h, w, channels))
    d_kernels = np.zeros((k, k, channels, filters))
    d_bias = np.zeros(filters)
    for i in range(rows):
        for j in range(cols):
            for f in range(filters):
                g = float(d_out[i][j][f])
                d_bias[f] += g
                for m in range(k):
                    for n in range(k):
                        p, q = i * stride + m - padding, j * stride + n - padding
                        if 0 <= p < h and 0 <= q < w:  # fuera de x es relleno: no es una entrada
                            for c in range(channels):
                                d_kernels[m, n, c, f] += g * x[p][q][c]
                                d_x[p, q, c] += g * kernels[m][n][c][f]
    return d_x, d_kernels, d_bias
# %% max_pool2d_backward
def max_pool2d_backward(d_out, x, size=2, stride=2):
    x = np.array(x, dtype=float)
    d_out = np.array(d_out, dtype=float)
    d_x = np.zeros(x.shape)
    for index in np.ndindex(d_out.shape):
        i, j, rest = index[0], index[1], index[2:]
        best_value, best_at = None, None
        for m in range(size):
            for n in range(size):
                value = x[(i * stride + m, j * stride + n) + rest]
                if best_value is None or value > best_value:
                    best_value, best_at = value, (i * stride + m, j * stride + n) + rest
        d_x[best_at] += d_out[index]
    return d_x
# %% relu_backward
def relu_backward(d_out, x):
    mask = np.maximum(np.sign(np.asarray(x, dtype=float)), 0.0)
    return mask * np.asarray(d_out, dtype=float)
# %% numerical_gradient
def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        index = it.multi_index
        saved = x[index]
        try:
            x[index] = saved + eps
            plus = f(x)
            x[index] = saved - eps
            minus = f(x)
        finally:
            x[index] = saved
        grad[index] = (plus - minus) / (2 * eps)
    return grad
