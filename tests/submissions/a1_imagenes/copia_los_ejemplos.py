"""Trampa: devuelve de memoria los resultados de los ejemplos visibles.

Debe fallar: test_to_grayscale, test_histogram
"""
# %% to_grayscale
def to_grayscale(image):
    image = np.asarray(image)
    if image.shape == (1, 3, 3):
        return np.array([[76.245, 149.685, 29.07]])
    return np.full(image.shape[:2], float(image.flat[0]))
# %% histogram
def histogram(gray):
    counts = np.zeros(256, dtype=np.int64)
    counts[0], counts[7], counts[255] = 2, 3, 1
    return counts
