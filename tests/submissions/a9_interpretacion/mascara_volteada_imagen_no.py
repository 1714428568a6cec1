"""Voltea la máscara pero se olvida de voltear la imagen.

Debe fallar: test_augment_pair
"""
# %% augment_pair
def augment_pair(image, mask, seed):
    image = np.asarray(image, dtype="float32")
    mask = np.asarray(mask)
    rng = np.random.default_rng(seed)
    height, width = mask.shape[:2]
    if rng.random() < 0.5:
        mask = mask[:, ::-1]
    dy = int(rng.integers(-int(0.1 * height), int(0.1 * height) + 1))
    dx = int(rng.integers(-int(0.1 * width), int(0.1 * width) + 1))
    return np.roll(image, (dy, dx), axis=(0, 1)), np.roll(mask, (dy, dx), axis=(0, 1))
