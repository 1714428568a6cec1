"""Alternativa honesta: el error de reconstrucción muestra a muestra, con np.square y reshape.

Debe fallar: ninguna
"""
# %% reconstruction_errors
def reconstruction_errors(model, x):
    x = np.asarray(x, dtype=np.float64)
    reconstructed = np.asarray(model.predict(x, verbose=0), dtype=np.float64)
    flat = np.square(x - reconstructed).reshape(len(x), -1)
    return np.array([row.mean() for row in flat])
