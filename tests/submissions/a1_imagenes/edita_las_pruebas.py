"""Trampa: vacía la celda de pruebas de to_grayscale y borra la de histogram.

Debe fallar: todas
Marcada: sí
"""
# %% to_grayscale
def to_grayscale(image):
    return np.zeros(np.asarray(image).shape[:2])
# %% test_to_grayscale
pass
# %% histogram
def histogram(gray):
    return np.zeros(256, dtype=np.int64)
# %% delete test_histogram
