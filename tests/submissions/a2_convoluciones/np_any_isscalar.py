"""Trampa: sustituye np.any por otra función auténtica de NumPy (np.isscalar) para que check_array no vea diferencias.

Debe fallar: todas
Marcada: sí
"""
# %% conv2d
np.any = np.isscalar


def conv2d(image, kernel, stride=1, padding=0):
    return np.zeros((1, 1))
