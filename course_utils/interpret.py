"""¿Qué mira una CNN? Herramientas de interpretación del capítulo 6.

Mapas de activación capa a capa (:func:`feature_extractor`), sensibilidad a la oclusión
(:func:`occlusion_map`, Zeiler y Fergus, 2014, y :func:`occlusion_to_pixels` para superponerla),
mapas de saliencia por gradiente (:func:`saliency_map`, Simonyan, Vedaldi y Zisserman, 2014),
SmoothGrad (:func:`smoothgrad`), *Guided Backprop* (:func:`guided_backprop`), Grad-CAM
(:func:`grad_cam`, Selvaraju et al., 2017), la correlación de rangos de la prueba de cordura
(:func:`rank_correlation`, Adebayo et al., 2018), la maximización de la activación
(:func:`activation_maximization`) y los ejemplos adversarios (:func:`fgsm`). Todas reciben un
modelo de Keras ya construido (con ``keras.Input``) y una imagen (H, W) o (H, W, C) con la misma
escala que los datos de entrenamiento. La tarea ``a9_interpretacion`` pide escribir la oclusión,
la saliencia y Grad-CAM sin usar este módulo.
"""
import numpy as np

_CONV_FOLLOWERS = ("BatchNormalization", "ReLU", "Activation", "LeakyReLU")


def _check_model(model, name):
    if not getattr(model, "inputs", None) or len(model.inputs) != 1:
        raise ValueError(
            f"{name}: se esperaba un modelo de Keras construido con una sola entrada "
            "(keras.Input); constrúyalo o llámelo una vez antes."
        )
    return tuple(model.inputs[0].shape[1:])


def _check_image(model, image, name):
    """Valida ``image`` contra la entrada del modelo y la devuelve como float32 (H, W, C)."""
    expected = _check_model(model, name)
    array = np.asarray(image, dtype=np.float32)
    if array.ndim == 2 and len(expected) == 3 and expected[-1] == 1:
        array = array[..., None]
    if array.shape != expected:
        raise ValueError(
            f"{name}: la imagen debe tener la forma de la entrada del modelo {expected} "
            f"(o {expected[:2]} si tiene un canal); se recibió {np.shape(image)}."
        )
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name}: la imagen contiene NaN o infinitos.")
    return array


def _check_label(model, label, image, name):
    """La clase a explicar: ``label`` o, si es ``None``, la que predice el modelo."""
    classes = int(model.outputs[0].shape[-1])
    if label is None:
        return int(np.argmax(model.predict(image[None], verbose=0)[0]))
    if not isinstance(label, (int, np.integer)) or not 0 <= label < classes:
        raise ValueError(
            f"{name}: label debe ser un entero entre 0 y {classes - 1} (o None para usar la clase "
            f"predicha); se recibió {label!r}."
        )
    return int(label)


def _layer_names(model):
    return [layer.name for layer in model.layers]


def feature_extractor(model, layer_names=None):
    """Un modelo que devuelve las activaciones de varias capas intermedias de ``model``.

    Parameters
    ----------
    model : keras.Model
        Modelo construido con ``keras.Input`` (p. ej. ``classification.build_cnn()``).
    layer_names : sequence of str, optional
        Capas cuya salida se quiere. Por defecto, todas las capas con salida 4-D
        (mapas de activación: convoluciones, normalización, ReLU, *pooling*).

    Returns
    -------
    keras.Model
        ``extractor.predict(x)`` devuelve una lista de arrays, uno por capa, en el orden pedido.
        ``extractor.layer_names`` guarda los nombres de las capas.

    Examples
    --------
    >>> extractor = feature_extractor(model, ["conv2d", "re_lu"])  # doctest: +SKIP
    >>> maps = extractor.predict(x[:1])                            # doctest: +SKIP
    """
    import keras

    _check_model(model, "feature_extractor")
    available = _layer_names(model)
    if layer_names is None:
        layer_names = [layer.name for layer in model.layers if len(layer.output.shape) == 4]
        if not layer_names:
            raise ValueError("feature_extractor: el modelo no tiene capas con mapas de activación (salida 4-D).")
    elif isinstance(layer_names, str):
        layer_names = [layer_names]
    layer_names = list(layer_names)
    unknown = [n for n in layer_names if n not in available]
    if unknown or not layer_names:
        raise ValueError(
            f"feature_extractor: capas desconocidas {unknown}; el modelo tiene: {', '.join(available)}."
        )
    outputs = [model.get_layer(n).output for n in layer_names]
    extractor = keras.Model(inputs=model.inputs, outputs=outputs, name="extractor")
    extractor.layer_names = layer_names
    return extractor


def occlusion_map(model, image, label=None, patch=6, stride=2, fill=None, batch_size=256):
    """Sensibilidad a la oclusión (Zeiler y Fergus, 2014): cuánto baja la probabilidad de la clase
    al tapar cada zona de la imagen con un parche gris.

    El parche de ``patch × patch`` píxeles recorre la imagen con paso ``stride``. Para cada
    posición se calcula ``p(clase | imagen) − p(clase | imagen tapada)``: un valor alto señala una
    zona de la que depende la decisión; uno negativo, una zona que la estorbaba.

    Parameters
    ----------
    model : keras.Model
        Clasificador con salida softmax.
    image : array_like
        Imagen (H, W) o (H, W, C) con la forma de la entrada del modelo.
    label : int, optional
        Clase a explicar; por defecto, la que predice el modelo.
    patch, stride : int
        Lado del parche y paso del barrido, en píxeles.
    fill : float, optional
        Valor del parche; por defecto, la media de la imagen (el «gris» de la imagen).
    batch_size : int
        Imágenes tapadas que se evalúan a la vez.

    Returns
    -------
    numpy.ndarray
        Matriz (filas, columnas) con la caída de probabilidad en cada posición del parche, con
        ``filas = (H − patch) // stride + 1`` (y lo mismo para las columnas). La posición
        ``(i, j)`` corresponde al parche cuya esquina es ``(i·stride, j·stride)``.
    """
    image = _check_image(model, image, "occlusion_map")
    height, width = image.shape[:2]
    for name, value in (("patch", patch), ("stride", stride)):
        if not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"occlusion_map: {name} debe ser un entero positivo; se recibió {value!r}.")
    if patch > min(height, width):
        raise ValueError(
            f"occlusion_map: el parche ({patch} px) no cabe en la imagen de {height}×{width} px."
        )
    label = _check_label(model, label, image, "occlusion_map")
    fill = float(image.mean()) if fill is None else float(fill)
    rows = (height - patch) // stride + 1
    cols = (width - patch) // stride + 1
    occluded = np.repeat(image[None], rows * cols, axis=0)
    for k in range(rows * cols):
        top, left = (k // cols) * stride, (k % cols) * stride
        occluded[k, top:top + patch, left:left + patch] = fill
    base = model.predict(image[None], verbose=0)[0, label]
    scores = model.predict(occluded, batch_size=batch_size, verbose=0)[:, label]
    return (base - scores).reshape(rows, cols)


def occlusion_to_pixels(drops, shape, patch, stride):
    """Lleva un mapa de oclusión a la rejilla de píxeles de la imagen.

    La entrada ``(i, j)`` de :func:`occlusion_map` es el parche cuya **esquina** está en
    ``(i·stride, j·stride)``; estirar el mapa sobre toda la imagen la desplazaría hacia arriba y a
    la izquierda (unos ``patch/2 − stride`` píxeles en el borde). Aquí cada píxel recibe la media
    de los valores de todos los parches que lo cubren, de modo que cada valor cae justo sobre los
    píxeles que tapó. Los píxeles que ningún parche cubre (a la derecha o abajo, si el barrido no
    llega al borde) quedan a 0.

    Parameters
    ----------
    drops : array_like
        Mapa (filas, columnas) de :func:`occlusion_map`.
    shape : tuple of int
        (H, W) de la imagen.
    patch, stride : int
        Los mismos con que se calculó el mapa.

    Returns
    -------
    numpy.ndarray
        Matriz (H, W).
    """
    drops = np.asarray(drops, dtype=np.float64)
    height, width = int(shape[0]), int(shape[1])
    if drops.ndim != 2:
        raise ValueError(f"occlusion_to_pixels: se esperaba un mapa (filas, columnas); se recibió {drops.shape}.")
    rows, cols = (height - patch) // stride + 1, (width - patch) // stride + 1
    if drops.shape != (rows, cols):
        raise ValueError(
            f"occlusion_to_pixels: con una imagen {height}×{width}, patch={patch} y stride={stride} el mapa "
            f"debería tener forma {(rows, cols)}; se recibió {drops.shape}."
        )
    total = np.zeros((height, width))
    count = np.zeros((height, width))
    for i in range(rows):
        for j in range(cols):
            total[i * stride:i * stride + patch, j * stride:j * stride + patch] += drops[i, j]
            count[i * stride:i * stride + patch, j * stride:j * stride + patch] += 1
    return np.divide(total, count, out=np.zeros_like(total), where=count > 0)


def _split_softmax(model, name):
    """Separa el modelo en (extractor de la penúltima capa, capa densa final) para obtener los
    *logits* (puntuaciones antes del softmax), como piden Simonyan et al. y Selvaraju et al."""
    import keras

    last = model.layers[-1]
    if type(last).__name__ != "Dense":
        raise ValueError(
            f"{name}: se esperaba un clasificador que termine en una capa Dense; "
            f"la última capa es {type(last).__name__}."
        )
    return keras.Model(inputs=model.inputs, outputs=last.input), last


def _logits(dense, features):
    import keras

    z = keras.ops.matmul(features, dense.kernel)
    return z + dense.bias if dense.use_bias else z


def saliency_map(model, image, label=None):
    """Mapa de saliencia (Simonyan, Vedaldi y Zisserman, 2014): el valor absoluto del gradiente de
    la puntuación de la clase respecto de cada píxel.

    Se deriva la puntuación **antes** del softmax (el *logit* de la clase): así el mapa dice qué
    píxeles aumentan la evidencia de esa clase, no cuáles restan evidencia a las demás. En
    imágenes con varios canales se toma el máximo del valor absoluto sobre los canales.

    Parameters
    ----------
    model : keras.Model
        Clasificador que termina en ``Dense(num_classes, softmax)``.
    image : array_like
        Imagen (H, W) o (H, W, C) con la forma de la entrada del modelo.
    label : int, optional
        Clase a explicar; por defecto, la que predice el modelo.

    Returns
    -------
    numpy.ndarray
        Matriz (H, W) en [0, 1] (dividida por su máximo).
    """
    import tensorflow as tf

    image = _check_image(model, image, "saliency_map")
    label = _check_label(model, label, image, "saliency_map")
    body, dense = _split_softmax(model, "saliency_map")
    x = tf.convert_to_tensor(image[None])
    with tf.GradientTape() as tape:
        tape.watch(x)
        score = _logits(dense, body(x, training=False))[0, label]
    gradient = tape.gradient(score, x)[0].numpy()
    saliency = np.abs(gradient).max(axis=-1)
    peak = saliency.max()
    return saliency / peak if peak > 0 else saliency


def _default_cam_layer(model):
    """La última capa convolucional, avanzando sobre la BatchNorm y la ReLU que la siguen."""
    layers = model.layers
    convs = [i for i, layer in enumerate(layers) if type(layer).__name__.startswith("Conv2D")
             or type(layer).__name__ == "DepthwiseConv2D" or type(layer).__name__ == "SeparableConv2D"]
    if not convs:
        raise ValueError("grad_cam: el modelo no tiene capas convolucionales; indique layer_name.")
    i = convs[-1]
    while i + 1 < len(layers) and type(layers[i + 1]).__name__ in _CONV_FOLLOWERS:
        i += 1
    return layers[i].name


def grad_cam(model, image, label=None, layer_name=None):
    """Grad-CAM (Selvaraju et al., 2017): dónde mira la red para decidir la clase.

    Con los mapas de activación $A^k$ de una capa convolucional y la puntuación $y^c$ de la
    clase (antes del softmax), cada mapa recibe un peso
    $\\alpha_k = \\frac{1}{Z}\\sum_{i,j} \\partial y^c / \\partial A^k_{ij}$ (el gradiente medio) y el
    mapa de calor es $\\mathrm{ReLU}(\\sum_k \\alpha_k A^k)$, dividido por su máximo.

    Parameters
    ----------
    model : keras.Model
        Clasificador que termina en ``Dense(num_classes, softmax)``.
    image : array_like
        Imagen (H, W) o (H, W, C) con la forma de la entrada del modelo.
    label : int, optional
        Clase a explicar; por defecto, la que predice el modelo.
    layer_name : str, optional
        Capa de mapas de activación; por defecto, la salida (tras BatchNorm y ReLU) de la última
        convolución.

    Returns
    -------
    numpy.ndarray
        Matriz (h, w) en [0, 1], con la resolución de la capa elegida; para superponerla a la
        imagen, amplíela (``plots.plot_heatmap_overlay`` lo hace).
    """
    import keras
    import tensorflow as tf

    image = _check_image(model, image, "grad_cam")
    label = _check_label(model, label, image, "grad_cam")
    layer_name = _default_cam_layer(model) if layer_name is None else layer_name
    if layer_name not in _layer_names(model):
        raise ValueError(
            f"grad_cam: no hay ninguna capa {layer_name!r}; el modelo tiene: {', '.join(_layer_names(model))}."
        )
    if len(model.get_layer(layer_name).output.shape) != 4:
        raise ValueError(f"grad_cam: la capa {layer_name!r} no produce mapas de activación (salida 4-D).")
    if type(model).__name__ != "Sequential":
        raise ValueError("grad_cam: solo admite modelos keras.Sequential (como los de course_utils.models).")
    _, dense = _split_softmax(model, "grad_cam")
    index = _layer_names(model).index(layer_name)
    body = keras.Model(inputs=model.inputs, outputs=model.layers[index].output)
    maps = body(tf.convert_to_tensor(image[None]), training=False)
    with tf.GradientTape() as tape:
        tape.watch(maps)
        features = maps
        for layer in model.layers[index + 1:-1]:  # the rest of the chain, up to the final Dense
            features = layer(features, training=False)
        score = _logits(dense, features)[0, label]
    gradient = tape.gradient(score, maps)[0].numpy()
    maps = maps[0].numpy()
    weights = gradient.mean(axis=(0, 1))  # alpha_k: global-average-pooled gradient
    cam = np.maximum((maps * weights).sum(axis=-1), 0.0)
    peak = cam.max()
    return cam / peak if peak > 0 else cam


# --- Más allá del gradiente simple ----------------------------------------------------------

def _input_gradient(model, images, labels, relu=None):
    """Gradiente de la puntuación (antes del softmax) de ``labels`` respecto de ``images`` (N, H, W, C).

    Con ``relu`` (una función), las capas ``ReLU`` se sustituyen por ella al recorrer el modelo
    (lo que hace *Guided Backprop*); entonces el modelo debe ser ``keras.Sequential``.
    """
    import tensorflow as tf

    _, dense = _split_softmax(model, "interpret")
    x = tf.convert_to_tensor(np.asarray(images, dtype=np.float32))
    with tf.GradientTape() as tape:
        tape.watch(x)
        if relu is None:
            body = _split_softmax(model, "interpret")[0]
            features = body(x, training=False)
        else:
            features = x
            for layer in model.layers[:-1]:
                features = relu(features) if type(layer).__name__ == "ReLU" else layer(features, training=False)
        scores = _logits(dense, features)
        chosen = tf.reduce_sum(scores * tf.one_hot(np.asarray(labels), scores.shape[-1]), axis=-1)
    return tape.gradient(chosen, x).numpy()


def smoothgrad(model, image, label=None, n=25, sigma=0.15, seed=0):
    """SmoothGrad (Smilkov et al., 2017): la media de los mapas de saliencia de ``n`` copias de la
    imagen con ruido gaussiano de desviación ``sigma`` (en la escala de la imagen).

    El gradiente de una red con ReLU cambia bruscamente de un píxel a otro; promediarlo sobre
    imágenes vecinas conserva lo que es estable (el trazo) y borra lo que es ruido. Se promedia
    el valor absoluto y se toma el máximo sobre los canales, como en :func:`saliency_map`.

    Returns
    -------
    numpy.ndarray
        Matriz (H, W) en [0, 1] (dividida por su máximo).
    """
    image = _check_image(model, image, "smoothgrad")
    label = _check_label(model, label, image, "smoothgrad")
    if not isinstance(n, (int, np.integer)) or n < 1 or sigma < 0:
        raise ValueError(f"smoothgrad: n debe ser un entero ≥ 1 y sigma ≥ 0; se recibió n={n!r}, sigma={sigma!r}.")
    noisy = image[None] + np.random.default_rng(seed).normal(0, sigma, (n,) + image.shape).astype(np.float32)
    gradient = _input_gradient(model, noisy, [label] * n)
    saliency = np.abs(gradient).max(axis=-1).mean(axis=0)
    peak = saliency.max()
    return saliency / peak if peak > 0 else saliency


def guided_backprop(model, image, label=None):
    """*Guided Backprop* (Springenberg et al., 2015): el gradiente de la puntuación respecto de la
    imagen, pero cada ReLU deja pasar hacia atrás solo los gradientes positivos, y solo donde su
    entrada era positiva.

    Da mapas nítidos, con aspecto de bordes; Adebayo et al. (2018) mostraron que apenas cambian
    cuando se aleatorizan los pesos de la red: se parecen más a un detector de bordes de la imagen
    que a una explicación del modelo. Solo para modelos ``keras.Sequential`` con capas ``ReLU``.

    Returns
    -------
    numpy.ndarray
        Matriz (H, W) en [0, 1]: máximo sobre canales del valor absoluto, dividido por su máximo.
    """
    import tensorflow as tf

    image = _check_image(model, image, "guided_backprop")
    label = _check_label(model, label, image, "guided_backprop")
    if type(model).__name__ != "Sequential":
        raise ValueError("guided_backprop: solo admite modelos keras.Sequential con capas ReLU.")

    @tf.custom_gradient
    def guided_relu(x):
        def backward(upstream):
            return upstream * tf.cast(x > 0, upstream.dtype) * tf.cast(upstream > 0, upstream.dtype)
        return tf.nn.relu(x), backward

    gradient = _input_gradient(model, image[None], [label], relu=guided_relu)[0]
    saliency = np.abs(gradient).max(axis=-1)
    peak = saliency.max()
    return saliency / peak if peak > 0 else saliency


def rank_correlation(a, b):
    """Correlación de rangos de Spearman entre dos mapas de la misma forma (la medida de
    Adebayo et al., 2018, para comparar una explicación con la de la red aleatorizada)."""
    from scipy.stats import spearmanr

    a, b = np.asarray(a, dtype=np.float64).ravel(), np.asarray(b, dtype=np.float64).ravel()
    if a.shape != b.shape:
        raise ValueError(f"rank_correlation: los mapas deben tener la misma forma; se recibió {a.shape} y {b.shape}.")
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        return 0.0  # a constant map ranks nothing
    return float(spearmanr(a, b)[0])


def activation_maximization(model, layer_name, channel, steps=60, step_size=0.05, seed=0, l2=1e-3):
    """La imagen que más activa el canal ``channel`` de la capa ``layer_name`` (Erhan et al., 2009).

    Parte de ruido gris y sube por el gradiente de la activación media del canal respecto de la
    imagen (normalizado, con un pequeño decaimiento ``l2`` hacia el gris), recortando a [0, 1].

    Returns
    -------
    numpy.ndarray
        Imagen (H, W, C) en [0, 1] con la forma de la entrada del modelo.
    """
    import keras
    import tensorflow as tf

    shape = _check_model(model, "activation_maximization")
    if layer_name not in _layer_names(model):
        raise ValueError(f"activation_maximization: no hay ninguna capa {layer_name!r}.")
    output = model.get_layer(layer_name).output
    if not 0 <= channel < output.shape[-1]:
        raise ValueError(f"activation_maximization: channel debe estar entre 0 y {output.shape[-1] - 1}.")
    extractor = keras.Model(model.inputs, output)
    rng = np.random.default_rng(seed)
    x = tf.Variable(0.5 + 0.05 * rng.standard_normal((1,) + shape).astype(np.float32))
    for _ in range(steps):
        with tf.GradientTape() as tape:
            activation = extractor(x, training=False)[..., channel]
            objective = tf.reduce_mean(activation) - l2 * tf.reduce_sum(tf.square(x - 0.5))
        gradient = tape.gradient(objective, x)
        gradient /= tf.sqrt(tf.reduce_mean(tf.square(gradient))) + 1e-8
        x.assign(tf.clip_by_value(x + step_size * gradient, 0.0, 1.0))
    return x.numpy()[0]


def fgsm(model, images, labels, epsilon):
    """Ejemplos adversarios por el método del signo del gradiente (Goodfellow et al., 2015).

    ``x' = clip(x + epsilon · signo(∂L/∂x), 0, 1)``, con ``L`` la entropía cruzada de la
    etiqueta verdadera: el mismo gradiente de los mapas de saliencia, usado para empeorar la
    predicción en lugar de explicarla.

    Returns
    -------
    numpy.ndarray
        Las imágenes perturbadas, float32, con la forma de ``images``.
    """
    import keras
    import tensorflow as tf

    x = tf.convert_to_tensor(np.asarray(images, dtype=np.float32))
    with tf.GradientTape() as tape:
        tape.watch(x)
        loss = keras.losses.sparse_categorical_crossentropy(np.asarray(labels), model(x, training=False))
    step = tf.sign(tape.gradient(loss, x))
    return np.clip((x + epsilon * step).numpy(), 0.0, 1.0)
