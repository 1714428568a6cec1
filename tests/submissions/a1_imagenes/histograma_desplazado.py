"""Histograma con un error de uno en el índice: el valor k se cuenta en la casilla k - 1.

Debe fallar: test_histogram
"""
# %% histogram
def histogram(gray):
    counts = np.zeros(256, dtype=np.int64)
    for value in np.asarray(gray).ravel():
        counts[int(value) - 1] += 1
    return counts
