"""Oclusión con el signo cambiado: p(tapada) − p(original).

Debe fallar: test_occlusion_map
"""
# %% occlusion_map
def occlusion_map(model, image, label, patch=4, stride=2, fill=0.0):
    image = np.asarray(image, dtype="float32")
    height, width = image.shape[:2]
    rows = (height - patch) // stride + 1
    cols = (width - patch) // stride + 1
    occluded = np.repeat(image[None], rows * cols, axis=0)
    for k in range(rows * cols):
        top, left = (k // cols) * stride, (k % cols) * stride
        occluded[k, top:top + patch, left:left + patch, :] = fill
    base = model.predict(image[None], verbose=0)[0, label]
    return model.predict(occluded, verbose=0)[:, label].reshape(rows, cols) - base
