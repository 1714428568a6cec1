"""Trunca en lugar de redondear: 0.999 · 255 = 254.7 se queda en 254.

Debe fallar: test_to_uint8
"""
# %% to_uint8
def to_uint8(image):
    return (np.clip(np.asarray(image), 0, 1) * 255).astype(np.uint8)
