"""Trampa: devuelve a mano los resultados de los ejemplos visibles, sin calcular nada.

Debe fallar: test_max_pool2d_backward, test_relu_backward
"""
# %% max_pool2d_backward
def max_pool2d_backward(d_out, x, size=2, stride=2):
    x = np.asarray(x, dtype=float)
    if x.shape == (4, 4) and np.asarray(d_out).shape == (2, 2) and x[1, 1] == 6:
        return np.array([[0, 0, 0, 0], [0, 10, 0, 20], [30, 0, 0, 0], [0, 0, 0, 40]], dtype=float)
    if x.shape == (2, 2):
        return np.array([[8.0, 0.0], [0.0, 0.0]])
    if x.shape == (5, 5) and size == 3:
        out = np.zeros((5, 5))
        out[2, 2] = 10.0
        return out
    if x.ndim == 3:
        return np.stack([np.zeros((4, 4)), np.array([[10, 0, 20, 0], [0, 0, 0, 0], [0, 0, 0, 40], [30, 0, 0, 0]])], axis=-1)
    return np.zeros(x.shape)
# %% relu_backward
def relu_backward(d_out, x):
    x = np.asarray(x, dtype=float)
    if x.shape == (5,):
        return np.array([0.0, 0.0, 0.0, 4.0, 5.0])
    return np.array([[-3.0, 0.0], [0.0, -3.0]])
