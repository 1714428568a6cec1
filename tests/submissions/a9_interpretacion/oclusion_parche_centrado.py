"""Oclusión con el parche centrado en (i·stride, j·stride) en lugar de tener ahí su esquina.

Debe fallar: test_occlusion_map
"""
# %% occlusion_map
def occlusion_map(model, image, label, patch=4, stride=2, fill=0.0):
    image = np.asarray(image, dtype="float32")
    height, width = image.shape[:2]
    rows = (height - patch) // stride + 1
    cols = (width - patch) // stride + 1
    batch = []
    for i in range(rows):
        for j in range(cols):
            covered = image.copy()
            top, left = max(i * stride - patch // 2, 0), max(j * stride - patch // 2, 0)
            covered[top:i * stride + patch - patch // 2, left:j * stride + patch - patch // 2] = fill
            batch.append(covered)
    base = model.predict(image[None], verbose=0)[0, label]
    return base - model.predict(np.stack(batch), verbose=0)[:, label].reshape(rows, cols)
