"""Normaliza dividiendo entre 256: el blanco queda en 0.996, no en 1.

Debe fallar: test_normalize
"""
# %% normalize
def normalize(image):
    return np.asarray(image).astype(np.float32) / 256
