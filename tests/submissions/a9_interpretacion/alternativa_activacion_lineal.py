"""Alternativa honesta (como el ejemplo de Grad-CAM de Keras): quita un momento el softmax y lo devuelve; oclusión en trozos con model(...).

Debe fallar: ninguna
"""
# %% occlusion_map
def occlusion_map(model, image, label, patch=4, stride=2, fill=0.0):
    image = np.asarray(image, dtype="float32")
    tops = range(0, image.shape[0] - patch + 1, stride)
    lefts = range(0, image.shape[1] - patch + 1, stride)
    batch = []
    for top in tops:
        for left in lefts:
            covered = image.copy()
            covered[top:top + patch, left:left + patch, :] = fill
            batch.append(covered)
    batch = np.stack(batch)
    probabilities = np.concatenate([np.asarray(model(batch[k:k + 32]))[:, label] for k in range(0, len(batch), 32)])
    base = np.asarray(model(image[None]))[0, label]
    return (base - probabilities).reshape(len(tops), len(lefts))
# %% saliency_map
def _scores(model):
    head = model.layers[-1]
    saved = head.activation
    head.activation = keras.activations.linear
    return head, saved


def saliency_map(model, image, label):
    head, saved = _scores(model)
    try:
        x = tf.Variable(np.asarray(image, dtype="float32")[None])
        with tf.GradientTape() as tape:
            score = model(x)[:, label]
        gradient = tape.gradient(score, x)
    finally:
        head.activation = saved
    return tf.reduce_max(tf.abs(gradient[0]), axis=-1).numpy()
# %% grad_cam
def grad_cam(model, image, label, layer_name):
    head, saved = _scores(model)
    try:
        both = keras.Model(model.inputs, [model.get_layer(layer_name).output, model.outputs[0]])
        with tf.GradientTape() as tape:
            maps, scores = both(np.asarray(image, dtype="float32")[None])
            score = scores[:, label]
        gradient = tape.gradient(score, maps)
    finally:
        head.activation = saved
    alpha = tf.reduce_mean(gradient, axis=(1, 2))
    cam = tf.nn.relu(tf.reduce_sum(maps * alpha[:, None, None, :], axis=-1))[0].numpy()
    return cam / cam.max() if cam.max() > 0 else np.zeros_like(cam)
