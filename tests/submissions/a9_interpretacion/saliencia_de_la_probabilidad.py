"""Saliencia de la probabilidad (la salida softmax) en lugar de la puntuación antes del softmax.

Debe fallar: test_saliency_map
"""
# %% saliency_map
def saliency_map(model, image, label):
    x = tf.convert_to_tensor(np.asarray(image, dtype="float32")[None])
    with tf.GradientTape() as tape:
        tape.watch(x)
        probability = model(x)[0, label]
    gradient = tape.gradient(probability, x)[0].numpy()
    return np.abs(gradient).max(axis=-1)
