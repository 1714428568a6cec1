"""Devuelve un único error cuadrático medio para todo el lote en vez de uno por muestra.

Debe fallar: test_reconstruction_errors
"""
# %% reconstruction_errors
def reconstruction_errors(model, x):
    x = np.asarray(x, dtype=np.float64)
    reconstructed = np.asarray(model.predict(x, verbose=0), dtype=np.float64)
    return np.mean((x - reconstructed) ** 2)
