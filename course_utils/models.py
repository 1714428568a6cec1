"""Constructores de las arquitecturas que comparten los capítulos.

Un capítulo posterior reutiliza el modelo de uno anterior llamando a su constructor, en
lugar de volver a pegar las capas.
"""


def _check_input_shape(input_shape, name):
    shape = tuple(input_shape)
    if len(shape) != 3 or not all(isinstance(n, int) and n > 0 for n in shape):
        raise ValueError(
            f"{name}: input_shape debe ser (alto, ancho, canales) con enteros positivos, "
            f"p. ej. (28, 28, 1); se recibió {input_shape!r}."
        )
    return shape


def build_cnn(input_shape=(28, 28, 1), num_classes=10, filters=(32, 64), dense_units=128,
              learning_rate=1e-3):
    """La CNN del capítulo 4: bloques Conv → BatchNorm → ReLU → MaxPool → Dropout y una cabeza densa.

    Cada bloque es ``Conv2D(f, 3×3, same)`` → ``BatchNormalization`` → ``ReLU`` →
    ``MaxPooling2D(2)`` → ``Dropout(0.25)``, con ``f`` creciendo bloque a bloque. La cabeza es
    ``Flatten`` → ``Dense(dense_units)`` → ``BatchNormalization`` → ``ReLU`` → ``Dropout(0.5)``
    → ``Dense(num_classes, softmax)``. Las convoluciones y la capa densa no llevan sesgo: la
    normalización por lotes que las sigue ya aprende un desplazamiento.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales) de las imágenes.
    num_classes : int
        Número de clases.
    filters : sequence of int
        Filtros de cada bloque convolucional.
    dense_units : int
        Neuronas de la capa oculta de la cabeza.
    learning_rate : float
        Tasa de aprendizaje de Adam.

    Returns
    -------
    keras.Model
        Compilado con Adam, entropía cruzada categórica dispersa (etiquetas enteras) y exactitud.
    """
    import keras
    from keras import layers

    shape = _check_input_shape(input_shape, "build_cnn")
    if not isinstance(num_classes, int) or num_classes < 2:
        raise ValueError(f"build_cnn: num_classes debe ser un entero ≥ 2; se recibió {num_classes!r}.")
    model = keras.Sequential(name="cnn")
    model.add(keras.Input(shape=shape))
    for f in filters:
        model.add(layers.Conv2D(f, 3, padding="same", use_bias=False))
        model.add(layers.BatchNormalization())
        model.add(layers.ReLU())
        model.add(layers.MaxPooling2D(2))
        model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(dense_units, use_bias=False))
    model.add(layers.BatchNormalization())
    model.add(layers.ReLU())
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(num_classes, activation="softmax"))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


# --- Capítulos 5 y 6: aumento de datos y ajuste de BatchNorm ---

AUGMENTATIONS = ("flip", "rotation", "zoom", "translation", "contrast", "brightness")


def build_augmentation(flip=None, rotation=0.0, zoom=0.0, translation=0.0, contrast=0.0,
                       brightness=0.0, seed=None, name="aumento"):
    """Capas de aumento de datos de Keras en un ``keras.Sequential``, solo las que se piden.

    Las capas solo transforman en entrenamiento (``training=True``); en inferencia dejan pasar
    la imagen tal cual. Las imágenes deben estar en [0, 1].

    Parameters
    ----------
    flip : {None, "horizontal", "vertical", "horizontal_and_vertical"}
        Volteo aleatorio (``RandomFlip``).
    rotation : float
        Fracción de vuelta completa: 0.1 gira hasta ±36° (``RandomRotation``).
    zoom : float
        Fracción de acercamiento o alejamiento, p. ej. 0.1 = ±10 % (``RandomZoom``).
    translation : float
        Fracción del alto y del ancho que se desplaza como mucho (``RandomTranslation``).
    contrast : float
        El contraste se multiplica por un factor en [1 − c, 1 + c] (``RandomContrast``).
    brightness : float
        Se suma un brillo en [−b, b] (en la escala [0, 1]) (``RandomBrightness``).
    seed : int, optional
        Semilla de las capas, para repetir las mismas transformaciones.
    name : str
        Nombre del bloque.

    Returns
    -------
    keras.Sequential
        Un bloque que se puede poner al principio de un modelo o usar en un ``tf.data.Dataset``.
    """
    import keras
    from keras import layers

    flips = (None, "horizontal", "vertical", "horizontal_and_vertical")
    if flip not in flips:
        raise ValueError(f"build_augmentation: flip debe ser uno de {flips}; se recibió {flip!r}.")
    limits = dict(rotation=rotation, zoom=zoom, translation=translation, contrast=contrast,
                  brightness=brightness)
    for what, value in limits.items():
        if not isinstance(value, (int, float)) or not 0 <= value < 1:
            raise ValueError(
                f"build_augmentation: {what} debe ser un número en [0, 1); se recibió {value!r}."
            )
    block = []
    if flip:
        block.append(layers.RandomFlip(flip, seed=seed))
    if rotation:
        block.append(layers.RandomRotation(rotation, fill_mode="constant", seed=seed))
    if zoom:
        block.append(layers.RandomZoom(zoom, fill_mode="constant", seed=seed))
    if translation:
        block.append(layers.RandomTranslation(translation, translation, fill_mode="constant", seed=seed))
    if contrast:
        block.append(layers.RandomContrast(contrast, value_range=(0, 1), seed=seed))
    if brightness:
        block.append(layers.RandomBrightness(brightness, value_range=(0, 1), seed=seed))
    return keras.Sequential(block, name=name)


def set_batchnorm_momentum(model, momentum):
    """Cambia el ``momentum`` de todas las ``BatchNormalization`` de ``model`` (también anidadas).

    En inferencia, BatchNorm usa medias y varianzas móviles que se actualizan en cada paso:
    ``media ← momentum · media + (1 − momentum) · media_del_lote``. Con el valor por defecto de
    Keras (0.99) hacen falta cientos de pasos para que se asienten; en un entrenamiento corto
    (pocos datos, pocas épocas) conviene bajarlo a 0.9.

    Parameters
    ----------
    model : keras.Model
    momentum : float
        Nuevo valor, en (0, 1).

    Returns
    -------
    int
        Cuántas capas BatchNormalization se cambiaron.
    """
    if not isinstance(momentum, float) or not 0 < momentum < 1:
        raise ValueError(f"set_batchnorm_momentum: momentum debe ser un real en (0, 1); se recibió {momentum!r}.")
    changed = 0
    for layer in model.layers:
        if type(layer).__name__ == "BatchNormalization":
            layer.momentum = momentum
            changed += 1
        elif hasattr(layer, "layers"):
            changed += set_batchnorm_momentum(layer, momentum)
    return changed
