"""Conserva las ventanas que no caben enteras (NumPy recorta la porción sin avisar) en vez de descartarlas.

Debe fallar: test_max_pool2d
"""
# %% max_pool2d
def max_pool2d(x, size=2, stride=2):
    x = np.asarray(x)
    rows = range(0, x.shape[0], stride)
    cols = range(0, x.shape[1], stride)
    out = np.empty((len(rows), len(cols)) + x.shape[2:], dtype=x.dtype)
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            out[i, j] = x[r:r + size, c:c + size].max(axis=(0, 1))
    return out
