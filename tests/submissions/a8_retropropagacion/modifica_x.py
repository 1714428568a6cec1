"""Mueve x en su sitio para evaluar f y no lo devuelve a su valor: x sale cambiado.

Debe fallar: test_numerical_gradient
"""
# %% numerical_gradient
def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    for index in np.ndindex(x.shape):
        x[index] += eps
        plus = f(x)
        x[index] -= 2 * eps
        minus = f(x)
        grad[index] = (plus - minus) / (2 * eps)
    return grad
