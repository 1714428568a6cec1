"""np.histogram con 256 casillas pero su rango por defecto (mínimo a máximo de la imagen).

Debe fallar: test_histogram
"""
# %% histogram
def histogram(gray):
    counts, _ = np.histogram(gray, bins=256)
    return counts
