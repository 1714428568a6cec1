"""Grad-CAM quitando el softmax de la última capa y olvidando devolverlo: el modelo deja de dar probabilidades.

Debe fallar: test_grad_cam
"""
# %% grad_cam
def grad_cam(model, image, label, layer_name):
    model.layers[-1].activation = keras.activations.linear
    both = keras.Model(model.inputs, [model.get_layer(layer_name).output, model.outputs[0]])
    x = tf.convert_to_tensor(np.asarray(image, dtype="float32")[None])
    with tf.GradientTape() as tape:
        maps, scores = both(x)
        score = scores[0, label]
    gradient = tape.gradient(score, maps)[0].numpy()
    cam = np.maximum((maps[0].numpy() * gradient.mean(axis=(0, 1))).sum(axis=-1), 0)
    peak = cam.max()
    return cam / peak if peak > 0 else cam
