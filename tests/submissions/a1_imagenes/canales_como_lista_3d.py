"""np.dsplit devuelve una lista de arrays (H, W, 1), no una tupla de matrices (H, W).

Debe fallar: test_split_channels
"""
# %% split_channels
def split_channels(image):
    return np.dsplit(image, image.shape[-1])
