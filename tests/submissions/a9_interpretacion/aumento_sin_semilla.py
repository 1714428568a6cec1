"""Aumento que ignora la semilla (usa el generador global): la misma semilla no repite el resultado.

Debe fallar: test_augment_pair
"""
# %% augment_pair
def augment_pair(image, mask, seed):
    image = np.asarray(image, dtype="float32")
    mask = np.asarray(mask)
    height, width = mask.shape[:2]
    if np.random.random() < 0.5:
        image, mask = image[:, ::-1], mask[:, ::-1]
    dy = int(np.random.randint(-int(0.1 * height), int(0.1 * height) + 1))
    dx = int(np.random.randint(-int(0.1 * width), int(0.1 * width) + 1))
    return np.roll(image, (dy, dx), axis=(0, 1)), np.roll(mask, (dy, dx), axis=(0, 1))
