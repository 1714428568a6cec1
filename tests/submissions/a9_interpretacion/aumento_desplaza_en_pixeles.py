"""Aumento que desplaza hasta 10 píxeles en lugar de hasta el 10 % del lado.

Debe fallar: test_augment_pair
"""
# %% augment_pair
def augment_pair(image, mask, seed):
    image = np.asarray(image, dtype="float32")
    mask = np.asarray(mask)
    rng = np.random.default_rng(seed)
    if rng.random() < 0.5:
        image, mask = image[:, ::-1], mask[:, ::-1]
    dy, dx = (int(v) for v in rng.integers(-10, 11, size=2))
    return np.roll(image, (dy, dx), axis=(0, 1)), np.roll(mask, (dy, dx), axis=(0, 1))
