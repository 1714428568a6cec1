"""No recorta: 1.2 → 306 da la vuelta a 50 en uint8, y -0.1 se convierte en 230.

Debe fallar: test_to_uint8
"""
# %% to_uint8
def to_uint8(image):
    return np.round(np.asarray(image) * 255).astype(np.int64).astype(np.uint8)
