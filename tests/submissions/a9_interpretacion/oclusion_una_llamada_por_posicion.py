"""Oclusión correcta pero con una llamada al modelo por cada posición del parche.

(Llama a model(...) y no a model.predict, que haría lo mismo unas diez veces más despacio: el
corpus se corrige en cada make test.)

Debe fallar: test_occlusion_map
"""
# %% occlusion_map
def occlusion_map(model, image, label, patch=4, stride=2, fill=0.0):
    image = np.asarray(image, dtype="float32")
    height, width = image.shape[:2]
    rows = (height - patch) // stride + 1
    cols = (width - patch) // stride + 1
    base = float(np.asarray(model(image[None]))[0, label])
    drops = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            covered = image.copy()
            covered[i * stride:i * stride + patch, j * stride:j * stride + patch] = fill
            drops[i, j] = base - float(np.asarray(model(covered[None]))[0, label])
    return drops
