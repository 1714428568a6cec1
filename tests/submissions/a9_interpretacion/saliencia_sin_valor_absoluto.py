"""Saliencia: el máximo del gradiente con signo, sin valor absoluto (los píxeles que restan desaparecen).

Debe fallar: test_saliency_map
"""
# %% saliency_map
def saliency_map(model, image, label):
    head = model.layers[-1]
    features = keras.Model(model.inputs, head.input)
    x = tf.convert_to_tensor(np.asarray(image, dtype="float32")[None])
    with tf.GradientTape() as tape:
        tape.watch(x)
        score = (features(x) @ head.kernel + head.bias)[0, label]
    return np.maximum(tape.gradient(score, x)[0].numpy().max(axis=-1), 0)
