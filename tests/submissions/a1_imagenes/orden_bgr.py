"""Orden BGR (el de OpenCV): el peso del rojo aplicado al azul y viceversa.

Debe fallar: test_to_grayscale
"""
# %% to_grayscale
def to_grayscale(image):
    image = np.asarray(image, dtype=np.float64)
    return 0.114 * image[..., 0] + 0.587 * image[..., 1] + 0.299 * image[..., 2]
