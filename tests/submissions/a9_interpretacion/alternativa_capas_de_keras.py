"""Alternativa honesta: aumento con capas de Keras (la misma semilla en las dos, vecino más próximo en la máscara); predict_on_batch.

Debe fallar: ninguna
"""
# %% occlusion_map
def occlusion_map(model, image, label, patch=4, stride=2, fill=0.0):
    image = np.asarray(image, dtype="float32")
    rows = (image.shape[0] - patch) // stride + 1
    cols = (image.shape[1] - patch) // stride + 1
    masks = np.ones((rows, cols) + image.shape, dtype="float32")
    for i in range(rows):
        for j in range(cols):
            masks[i, j, i * stride:i * stride + patch, j * stride:j * stride + patch, :] = 0.0
    occluded = image * masks + fill * (1.0 - masks)
    batch = np.concatenate([image[None], occluded.reshape((-1,) + image.shape)])
    p = np.asarray(model.predict_on_batch(batch))[:, label]
    return (p[0] - p[1:]).reshape(rows, cols)
# %% augment_pair
def augment_pair(image, mask, seed):
    image = np.asarray(image, dtype="float32")[None]
    mask = np.asarray(mask)
    labels = mask[None, ..., None].astype("float32")
    # Two copies of each layer with the SAME seed draw the same flip and the same shift.
    flip_image, flip_mask = (layers.RandomFlip("horizontal", seed=seed) for _ in range(2))
    move_image = layers.RandomTranslation(0.1, 0.1, fill_mode="constant", interpolation="bilinear", seed=seed + 1)
    move_mask = layers.RandomTranslation(0.1, 0.1, fill_mode="constant", interpolation="nearest", seed=seed + 1)
    out_image = move_image(flip_image(image, training=True), training=True)
    out_mask = move_mask(flip_mask(labels, training=True), training=True)
    return np.asarray(out_image)[0], np.asarray(out_mask)[0, ..., 0].astype(mask.dtype)
