"""Grad-CAM sin la ReLU: las zonas que restan evidencia a la clase quedan con valores negativos.

Debe fallar: test_grad_cam
"""
# %% grad_cam
def grad_cam(model, image, label, layer_name):
    head = model.layers[-1]
    both = keras.Model(model.inputs, [model.get_layer(layer_name).output, head.input])
    x = tf.convert_to_tensor(np.asarray(image, dtype="float32")[None])
    with tf.GradientTape() as tape:
        maps, features = both(x)
        score = (features @ head.kernel + head.bias)[0, label]
    gradient = tape.gradient(score, maps)[0].numpy()
    cam = (maps[0].numpy() * gradient.mean(axis=(0, 1))).sum(axis=-1)
    peak = cam.max()
    return cam / peak if peak > 0 else cam
