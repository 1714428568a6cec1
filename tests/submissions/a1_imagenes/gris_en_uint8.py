"""Devuelve el gris redondeado a uint8 en lugar de float64.

Debe fallar: test_to_grayscale
"""
# %% to_grayscale
def to_grayscale(image):
    image = np.asarray(image, dtype=np.float64)
    return np.round(0.299 * image[..., 0] + 0.587 * image[..., 1] + 0.114 * image[..., 2]).astype(np.uint8)
