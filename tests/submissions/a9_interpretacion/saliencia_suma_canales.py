"""Saliencia: suma el valor absoluto del gradiente sobre los canales en lugar de tomar el máximo.

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
    return np.abs(tape.gradient(score, x)[0].numpy()).sum(axis=-1)
