"""Usa la diferencia de un solo lado, (f(x + ε) − f(x)) / ε, en lugar de la centrada.

Debe fallar: test_numerical_gradient
"""
# %% numerical_gradient
def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    base = f(x)
    for index in np.ndindex(x.shape):
        step = np.zeros(x.shape)
        step[index] = eps
        grad[index] = (f(x + step) - base) / eps
    return grad
