"""Alternativa honesta: desplazamiento subpíxel con scipy.ndimage.shift (order=1 en la imagen, order=0 en la máscara).

Debe fallar: ninguna
"""
# %% augment_pair
from scipy import ndimage

def augment_pair(image, mask, seed):
    rng = np.random.default_rng(seed)
    image = np.asarray(image, dtype="float32")
    mask = np.asarray(mask)
    flip = rng.integers(2) == 1
    dy, dx = rng.uniform(-0.1, 0.1) * mask.shape[0], rng.uniform(-0.1, 0.1) * mask.shape[1]
    if flip:
        image, mask = np.flip(image, axis=1), np.flip(mask, axis=1)
    moved = ndimage.shift(image, (dy, dx, 0), order=1, mode="constant", cval=0.0)
    moved_mask = ndimage.shift(mask, (dy, dx), order=0, mode="constant", cval=0)
    return moved, moved_mask
