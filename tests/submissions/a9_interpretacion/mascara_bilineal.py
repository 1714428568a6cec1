"""Aumento con capas de Keras que interpolan también la máscara de forma bilineal (inventa etiquetas).

Debe fallar: test_augment_pair
"""
# %% augment_pair
def augment_pair(image, mask, seed):
    image = np.asarray(image, dtype="float32")
    mask = np.asarray(mask)
    stacked = np.concatenate([image, mask[..., None].astype("float32")], axis=-1)[None]
    flip = layers.RandomFlip("horizontal", seed=seed)
    shift = layers.RandomTranslation(0.1, 0.1, fill_mode="constant", interpolation="bilinear", seed=seed)
    out = np.asarray(shift(flip(stacked, training=True), training=True))[0]
    return out[..., :-1], np.round(out[..., -1]).astype(mask.dtype)
