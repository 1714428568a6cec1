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


def _compile_classifier(model, learning_rate=1e-3):
    """Compila un clasificador como todos los del libro: Adam, entropía cruzada dispersa, exactitud."""
    import keras

    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


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
    return _compile_classifier(model, learning_rate)


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


# --- Capítulo 4 ---------------------------------------------------------------------------

def _check_classes(num_classes, name):
    if not isinstance(num_classes, int) or isinstance(num_classes, bool) or num_classes < 2:
        raise ValueError(f"{name}: num_classes debe ser un entero ≥ 2; se recibió {num_classes!r}.")
    return num_classes


def _check_positive_ints(values, name, what):
    values = tuple(values)
    if not values or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in values):
        raise ValueError(f"{name}: {what} debe ser una secuencia de enteros positivos; se recibió {values!r}.")
    return values


def set_bn_momentum(model, momentum):
    """Cambia el momento de las medias móviles de todas las capas ``BatchNormalization``.

    Durante el entrenamiento, cada ``BatchNormalization`` normaliza con la media y la varianza
    del lote y va guardando una media móvil exponencial de ambas,
    ``media ← momentum · media + (1 − momentum) · media_del_lote``, que es la que usa al
    evaluar. Con el valor por defecto de Keras (0.99) esa media «recuerda» unos 100 pasos: un
    entrenamiento de pocos cientos de pasos evalúa con estadísticas que aún arrastran los
    valores iniciales (media 0, varianza 1). Un momento menor (0.9) las pone al día en unas
    decenas de pasos. Hay que llamarla antes de ``fit``.

    Parameters
    ----------
    model : keras.Model
        Modelo (también los anidados) cuyas capas ``BatchNormalization`` se ajustan.
    momentum : float
        Nuevo momento, en (0, 1).

    Returns
    -------
    int
        Cuántas capas ``BatchNormalization`` se han cambiado.
    """
    import keras

    if not isinstance(model, keras.Model):
        raise ValueError(f"set_bn_momentum: se esperaba un keras.Model; se recibió {type(model).__name__}.")
    if not isinstance(momentum, (int, float)) or not 0.0 < float(momentum) < 1.0:
        raise ValueError(f"set_bn_momentum: momentum debe ser un número en (0, 1); se recibió {momentum!r}.")
    changed = 0
    for layer in model._flatten_layers(include_self=False, recursive=True):
        if isinstance(layer, keras.layers.BatchNormalization):
            layer.momentum = float(momentum)
            changed += 1
    return changed


def build_dense_baseline(input_shape=(28, 28, 1), num_classes=10, hidden_units=(512,),
                         dropout=0.25, learning_rate=1e-3):
    """Red densa de referencia: ``Flatten`` → (``Dense`` ReLU → ``Dropout``)… → ``Dense`` softmax.

    Sirve para comparar con la CNN del capítulo 4 en los mismos datos: ve la imagen como un
    vector de píxeles, sin ninguna noción de vecindad. Con ``hidden_units=(512,)`` y entradas
    de 28×28 tiene 407 050 parámetros, del orden de los de :func:`build_cnn`.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales) de las imágenes.
    num_classes : int
        Número de clases.
    hidden_units : sequence of int
        Neuronas de cada capa oculta.
    dropout : float
        Fracción que apaga cada ``Dropout``, en [0, 1).
    learning_rate : float or keras.optimizers.schedules.LearningRateSchedule
        Tasa de aprendizaje de Adam.

    Returns
    -------
    keras.Model
        Compilado con Adam, entropía cruzada categórica dispersa y exactitud.
    """
    import keras
    from keras import layers

    shape = _check_input_shape(input_shape, "build_dense_baseline")
    _check_classes(num_classes, "build_dense_baseline")
    hidden_units = _check_positive_ints(hidden_units, "build_dense_baseline", "hidden_units")
    if not isinstance(dropout, (int, float)) or not 0.0 <= dropout < 1.0:
        raise ValueError(f"build_dense_baseline: dropout debe estar en [0, 1); se recibió {dropout!r}.")
    model = keras.Sequential(name="densa")
    model.add(keras.Input(shape=shape))
    model.add(layers.Flatten())
    for units in hidden_units:
        model.add(layers.Dense(units, activation="relu"))
        if dropout:
            model.add(layers.Dropout(dropout))
    model.add(layers.Dense(num_classes, activation="softmax"))
    return _compile_classifier(model, learning_rate)


def build_lenet5(input_shape=(32, 32, 1), num_classes=10):
    """LeNet-5 (LeCun et al., 1998), capa a capa, con las activaciones tanh del artículo.

    C1 ``Conv2D(6, 5×5, tanh)`` → S2 ``AveragePooling2D(2)`` → C3 ``Conv2D(16, 5×5, tanh)`` →
    S4 ``AveragePooling2D(2)`` → ``Flatten`` → C5 ``Dense(120, tanh)`` → F6 ``Dense(84, tanh)``
    → ``Dense(num_classes, softmax)``. Con los valores por defecto tiene 61 706 parámetros.

    Tres simplificaciones modernas, las habituales: las submuestras S2 y S4 son promedios sin
    coeficiente ni sesgo entrenables, C3 conecta con los 6 mapas de S2 (el original usaba una
    tabla de conexiones parcial) y la salida es softmax en lugar de unidades RBF. En el
    artículo C5 es una convolución 5×5 sobre mapas de 5×5, lo mismo que una capa densa.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales); al menos 28×28 para que C5 reciba mapas no vacíos.
    num_classes : int
        Número de clases.

    Returns
    -------
    keras.Model
        Compilado con Adam, entropía cruzada categórica dispersa y exactitud.
    """
    import keras
    from keras import layers

    shape = _check_input_shape(input_shape, "build_lenet5")
    _check_classes(num_classes, "build_lenet5")
    if min(shape[:2]) < 12:
        raise ValueError(f"build_lenet5: la imagen debe medir al menos 12×12; se recibió {shape[:2]}.")
    model = keras.Sequential([
        keras.Input(shape=shape),
        layers.Conv2D(6, 5, activation="tanh", name="C1"),
        layers.AveragePooling2D(2, name="S2"),
        layers.Conv2D(16, 5, activation="tanh", name="C3"),
        layers.AveragePooling2D(2, name="S4"),
        layers.Flatten(),
        layers.Dense(120, activation="tanh", name="C5"),
        layers.Dense(84, activation="tanh", name="F6"),
        layers.Dense(num_classes, activation="softmax", name="salida"),
    ], name="lenet5")
    return _compile_classifier(model)


def residual_block(x, filters, stride=1):
    """Bloque residual básico de ResNet (He et al., 2016): ``salida = ReLU(F(x) + atajo(x))``.

    ``F`` es ``Conv2D(3×3, stride)`` → ``BatchNormalization`` → ``ReLU`` → ``Conv2D(3×3)`` →
    ``BatchNormalization``. El atajo es la identidad si la forma no cambia; si cambia (otro
    número de filtros o ``stride=2``), una convolución 1×1 con ese paso y su
    ``BatchNormalization`` (la opción B del artículo).

    Parameters
    ----------
    x : KerasTensor
        Entrada (lote, alto, ancho, canales) de la API funcional.
    filters : int
        Filtros de las dos convoluciones.
    stride : int
        1 o 2; con 2 el bloque reduce a la mitad el alto y el ancho.

    Returns
    -------
    KerasTensor
        La salida del bloque.
    """
    from keras import layers

    if not isinstance(filters, int) or isinstance(filters, bool) or filters < 1:
        raise ValueError(f"residual_block: filters debe ser un entero positivo; se recibió {filters!r}.")
    if stride not in (1, 2):
        raise ValueError(f"residual_block: stride debe ser 1 o 2; se recibió {stride!r}.")
    if len(getattr(x, "shape", ())) != 4:
        raise ValueError("residual_block: x debe ser un tensor (lote, alto, ancho, canales) de la API "
                         f"funcional; se recibió forma {getattr(x, 'shape', None)}.")
    shortcut = x
    y = layers.Conv2D(filters, 3, strides=stride, padding="same", use_bias=False)(x)
    y = layers.BatchNormalization()(y)
    y = layers.ReLU()(y)
    y = layers.Conv2D(filters, 3, padding="same", use_bias=False)(y)
    y = layers.BatchNormalization()(y)
    if stride != 1 or x.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=stride, use_bias=False)(x)
        shortcut = layers.BatchNormalization()(shortcut)
    return layers.ReLU()(layers.Add()([y, shortcut]))


def build_alexnet(input_shape=(227, 227, 3), num_classes=1000, two_gpus=True):
    """AlexNet (Krizhevsky, Sutskever y Hinton, 2012), para contar sus parámetros.

    Cinco convoluciones (96@11×11 con paso 4, 256@5×5, 384@3×3, 384@3×3, 256@3×3, todas
    con ReLU), tres *max pooling* 3×3 con paso 2 (solapados) y tres capas densas
    (4096, 4096, ``num_classes``) con *dropout* 0.5 en las dos primeras. La entrada es de
    227×227 para que las cuentas cuadren (el artículo dice 224). Se omite la normalización
    local de respuesta (LRN), que no tiene parámetros.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales) de las imágenes.
    num_classes : int
        Número de clases (1000 en ImageNet).
    two_gpus : bool
        ``True`` reproduce el reparto en dos GPU del artículo: las capas 2, 4 y 5 solo ven los
        mapas de su propia GPU (``groups=2``), lo que ahorra parámetros. ``False`` da la versión
        de una sola torre.

    Returns
    -------
    keras.Model
        Sin compilar.
    """
    import keras
    from keras import layers

    shape = _check_input_shape(input_shape, "build_alexnet")
    _check_classes(num_classes, "build_alexnet")
    if min(shape[:2]) < 195:
        raise ValueError(f"build_alexnet: la imagen debe medir al menos 195×195; se recibió {shape[:2]}.")
    groups = 2 if two_gpus else 1
    return keras.Sequential([
        keras.Input(shape=shape),
        layers.Conv2D(96, 11, strides=4, activation="relu", name="conv1"),
        layers.MaxPooling2D(3, strides=2),
        layers.Conv2D(256, 5, padding="same", groups=groups, activation="relu", name="conv2"),
        layers.MaxPooling2D(3, strides=2),
        layers.Conv2D(384, 3, padding="same", activation="relu", name="conv3"),
        layers.Conv2D(384, 3, padding="same", groups=groups, activation="relu", name="conv4"),
        layers.Conv2D(256, 3, padding="same", groups=groups, activation="relu", name="conv5"),
        layers.MaxPooling2D(3, strides=2),
        layers.Flatten(),
        layers.Dense(4096, activation="relu", name="fc6"),
        layers.Dropout(0.5),
        layers.Dense(4096, activation="relu", name="fc7"),
        layers.Dropout(0.5),
        layers.Dense(num_classes, activation="softmax", name="fc8"),
    ], name="alexnet")


def inception_module(x, f1, f3_reduce, f3, f5_reduce, f5, pool_proj):
    """Módulo Inception de GoogLeNet (Szegedy et al., 2015): cuatro ramas en paralelo, concatenadas.

    Ramas: ``1×1``; ``1×1`` (reducción) → ``3×3``; ``1×1`` (reducción) → ``5×5``;
    ``max pooling 3×3`` → ``1×1`` (proyección). Todas con ReLU y relleno ``same``, así que
    conservan alto y ancho; la salida tiene ``f1 + f3 + f5 + pool_proj`` canales. Las 1×1 de
    reducción son las que abaratan las convoluciones grandes.

    Parameters
    ----------
    x : KerasTensor
        Entrada (lote, alto, ancho, canales).
    f1, f3_reduce, f3, f5_reduce, f5, pool_proj : int
        Filtros de cada convolución, con los nombres de la tabla 1 del artículo.

    Returns
    -------
    KerasTensor
    """
    from keras import layers

    _check_positive_ints((f1, f3_reduce, f3, f5_reduce, f5, pool_proj), "inception_module", "los filtros")

    def conv(t, filters, size):
        return layers.Conv2D(filters, size, padding="same", activation="relu")(t)

    branch1 = conv(x, f1, 1)
    branch3 = conv(conv(x, f3_reduce, 1), f3, 3)
    branch5 = conv(conv(x, f5_reduce, 1), f5, 5)
    branch_pool = conv(layers.MaxPooling2D(3, strides=1, padding="same")(x), pool_proj, 1)
    return layers.Concatenate()([branch1, branch3, branch5, branch_pool])


# Table 1 of Szegedy et al. (2015): #1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5, pool proj.
GOOGLENET_INCEPTIONS = {
    "3a": (64, 96, 128, 16, 32, 32), "3b": (128, 128, 192, 32, 96, 64),
    "4a": (192, 96, 208, 16, 48, 64), "4b": (160, 112, 224, 24, 64, 64),
    "4c": (128, 128, 256, 24, 64, 64), "4d": (112, 144, 288, 32, 64, 64),
    "4e": (256, 160, 320, 32, 128, 128), "5a": (256, 160, 320, 32, 128, 128),
    "5b": (384, 192, 384, 48, 128, 128),
}


def build_googlenet(input_shape=(224, 224, 3), num_classes=1000):
    """GoogLeNet (Szegedy et al., 2015) según la tabla 1 del artículo, para contar sus parámetros.

    Tallo convolucional (7×7/2, *max pool*, 1×1, 3×3, *max pool*), nueve módulos Inception
    (:func:`inception_module`, filtros de :data:`GOOGLENET_INCEPTIONS`), *average pooling*
    global, *dropout* 0.4 y una capa densa softmax. Sin los dos clasificadores auxiliares,
    que solo se usaban al entrenar, y sin LRN.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales) de las imágenes.
    num_classes : int
        Número de clases.

    Returns
    -------
    keras.Model
        Sin compilar.
    """
    import keras
    from keras import layers

    shape = _check_input_shape(input_shape, "build_googlenet")
    _check_classes(num_classes, "build_googlenet")
    if min(shape[:2]) < 32:
        raise ValueError(f"build_googlenet: la imagen debe medir al menos 32×32; se recibió {shape[:2]}.")
    inputs = keras.Input(shape=shape)
    x = layers.Conv2D(64, 7, strides=2, padding="same", activation="relu")(inputs)
    x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
    x = layers.Conv2D(64, 1, activation="relu")(x)
    x = layers.Conv2D(192, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
    for name, filters in GOOGLENET_INCEPTIONS.items():
        if name in ("4a", "5a"):
            x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
        x = inception_module(x, *filters)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.4)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="googlenet")


# --- Capítulo 9: transfer learning ---

# The families of keras.applications the chapter compares, in historical order.
APPLICATIONS = ("VGG16", "ResNet50", "InceptionV3", "MobileNetV2", "EfficientNetB0")


def build_pretrained_backbone(name="MobileNetV2", input_shape=(160, 160, 3), weights="imagenet"):
    """Base convolucional de ``keras.applications`` sin su cabeza de 1000 clases.

    Intenta cargar los pesos preentrenados (``weights="imagenet"``), que Keras descarga una
    vez y guarda en ``~/.keras/models``. Si la descarga falla (sin red), avisa con un
    ``OfflineDataWarning`` y construye la misma arquitectura con pesos aleatorios
    (``weights=None``): sirve para ver la arquitectura y contar parámetros, no para transferir.

    Parameters
    ----------
    name : str
        Una de :data:`APPLICATIONS` (``"VGG16"``, ``"ResNet50"``, ``"InceptionV3"``,
        ``"MobileNetV2"``, ``"EfficientNetB0"``).
    input_shape : tuple of int
        (alto, ancho, 3). Los pesos de ImageNet exigen tres canales.
    weights : str or None
        ``"imagenet"`` o ``None``.

    Returns
    -------
    keras.Model
        La base (``include_top=False``): devuelve mapas de características (N, h, w, C).

    Examples
    --------
    >>> base = build_pretrained_backbone("MobileNetV2", (96, 96, 3), weights=None)
    >>> base.output_shape
    (None, 3, 3, 1280)
    """
    import warnings

    import keras

    from .data import OfflineDataWarning

    if name not in APPLICATIONS:
        raise ValueError(f"build_pretrained_backbone: name debe ser una de {', '.join(APPLICATIONS)}; "
                         f"se recibió {name!r}.")
    shape = _check_input_shape(input_shape, "build_pretrained_backbone")
    if shape[-1] != 3:
        raise ValueError("build_pretrained_backbone: las redes de keras.applications esperan imágenes "
                         f"RGB (alto, ancho, 3); se recibió input_shape={input_shape!r}.")
    if weights not in ("imagenet", None):
        raise ValueError(f"build_pretrained_backbone: weights debe ser 'imagenet' o None; se recibió {weights!r}.")
    constructor = getattr(keras.applications, name)
    try:
        return constructor(include_top=False, weights=weights, input_shape=shape)
    except Exception as error:  # no network: URL fetch failure, DNS, truncated file
        if weights is None:
            raise
        warnings.warn(
            f"No se pudieron cargar los pesos de ImageNet de {name} ({type(error).__name__}: {error}). "
            "Se usa la misma arquitectura con pesos aleatorios (weights=None): no transferirá nada.",
            OfflineDataWarning, stacklevel=2)
        return constructor(include_top=False, weights=None, input_shape=shape)


def build_small_backbone(input_shape=(32, 32, 1), filters=(16, 32, 64), name="backbone"):
    """Una base convolucional pequeña, con la forma de las de ``keras.applications``.

    Cada bloque ``i`` es ``Conv2D(f, 3×3, same, sin sesgo)`` → ``BatchNormalization``
    (``momentum=0.9``, para que sus medias móviles se asienten en pocos pasos) →
    ``ReLU`` y, salvo en el último, ``MaxPooling2D(2)``. Las capas se llaman
    ``block{i}_conv``, ``block{i}_bn``, ``block{i}_relu`` y ``block{i}_pool``. No tiene cabeza:
    devuelve el mapa de características del último bloque, como ``include_top=False``.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales).
    filters : sequence of int
        Filtros de cada bloque.
    name : str
        Nombre del modelo.

    Returns
    -------
    keras.Model
        Modelo funcional sin compilar, de (N, alto, ancho, canales) a (N, h, w, filters[-1]).

    Examples
    --------
    >>> build_small_backbone((32, 32, 1), (16, 32, 64)).output_shape
    (None, 8, 8, 64)
    """
    import keras
    from keras import layers

    shape = _check_input_shape(input_shape, "build_small_backbone")
    filters = tuple(filters)
    if not filters or not all(isinstance(f, int) and f > 0 for f in filters):
        raise ValueError(f"build_small_backbone: filters debe ser una lista de enteros positivos; "
                         f"se recibió {filters!r}.")
    inputs = keras.Input(shape=shape)
    x = inputs
    for i, f in enumerate(filters, start=1):
        x = layers.Conv2D(f, 3, padding="same", use_bias=False, name=f"block{i}_conv")(x)
        # momentum 0.9: the moving statistics settle within the few hundred steps we train
        x = layers.BatchNormalization(momentum=0.9, name=f"block{i}_bn")(x)
        x = layers.ReLU(name=f"block{i}_relu")(x)
        if i < len(filters):
            x = layers.MaxPooling2D(2, name=f"block{i}_pool")(x)
    return keras.Model(inputs, x, name=name)


def build_transfer_classifier(base_model, num_classes, dropout=0.2, learning_rate=1e-3, freeze=True):
    """Base → ``GlobalAveragePooling2D`` → ``Dropout`` → ``Dense(num_classes, softmax)``, compilado.

    Con ``freeze=True`` (extracción de características) congela la base
    (``base_model.trainable = False``) y la llama con ``training=False``, de modo que sus
    ``BatchNormalization`` se quedan en modo inferencia aunque luego se descongele. Con
    ``freeze=False`` (entrenar desde cero) la base entera se entrena y se llama normalmente.

    Parameters
    ----------
    base_model : keras.Model
        Base convolucional que devuelve mapas (N, h, w, C).
    num_classes : int
        Clases de la nueva tarea.
    dropout : float
        Fracción de *dropout* antes de la capa de salida.
    learning_rate : float
        Tasa de aprendizaje de Adam.
    freeze : bool
        Congelar la base (transferencia) o entrenarla entera (desde cero).

    Returns
    -------
    keras.Model
        Compilado con Adam, entropía cruzada categórica dispersa y exactitud.
    """
    import keras
    from keras import layers

    if not isinstance(base_model, keras.Model) or len(base_model.output_shape) != 4:
        raise ValueError("build_transfer_classifier: base_model debe ser un keras.Model que devuelva "
                         "mapas de características (N, h, w, C).")
    if not isinstance(num_classes, int) or num_classes < 2:
        raise ValueError(f"build_transfer_classifier: num_classes debe ser un entero ≥ 2; se recibió {num_classes!r}.")
    if not 0 <= dropout < 1:
        raise ValueError(f"build_transfer_classifier: dropout debe estar en [0, 1); se recibió {dropout!r}.")
    base_model.trainable = not freeze
    inputs = keras.Input(shape=base_model.input_shape[1:])
    x = base_model(inputs, training=False) if freeze else base_model(inputs)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(dropout)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs, name=f"{base_model.name}_transfer")
    return _compile_classifier(model, learning_rate)


def set_trainable_top(base_model, n):
    """Descongela las últimas ``n`` capas de una base, con las ``BatchNormalization`` congeladas.

    Deja ``base_model.trainable = True``, congela todas las capas salvo las ``n`` últimas y,
    entre esas, vuelve a congelar las de normalización por lotes: sus medias y varianzas
    aprendidas en el preentrenamiento no deben cambiar con los pocos datos de la nueva tarea.
    Después hay que volver a compilar el modelo para que el cambio surta efecto.

    Parameters
    ----------
    base_model : keras.Model
        La base (p. ej. la que devuelve :func:`build_pretrained_backbone`).
    n : int
        Número de capas finales que se descongelan (0 ≤ n ≤ número de capas).

    Returns
    -------
    int
        Número de capas que quedan entrenables.
    """
    import keras

    if not isinstance(n, int) or not 0 <= n <= len(base_model.layers):
        raise ValueError(f"set_trainable_top: n debe ser un entero entre 0 y {len(base_model.layers)} "
                         f"(las capas de la base); se recibió {n!r}.")
    base_model.trainable = True
    cut = len(base_model.layers) - n
    for index, layer in enumerate(base_model.layers):
        layer.trainable = index >= cut and not isinstance(layer, keras.layers.BatchNormalization)
    return sum(layer.trainable for layer in base_model.layers)


# --- Capítulo 7: autoencoders ---

def _check_positive_int(value, what, name):
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name}: {what} debe ser un entero positivo; se recibió {value!r}.")


def build_dense_autoencoder(input_shape=(28, 28, 1), latent_dim=32, hidden_units=(256,),
                            learning_rate=1e-3, loss="mse"):
    """El autoencoder denso del capítulo 7: aplanar → capas densas → código → capas densas → imagen.

    El codificador es ``Flatten`` → ``Dense(h, relu)`` por cada ``h`` de ``hidden_units`` →
    ``Dense(latent_dim)`` lineal (el código). El decodificador recorre las mismas capas ocultas
    en orden inverso y termina en ``Dense(alto·ancho·canales, sigmoid)`` → ``Reshape``, de modo
    que la salida está en [0, 1] como las imágenes normalizadas.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales) de las imágenes.
    latent_dim : int
        Dimensión del espacio latente (el cuello de botella).
    hidden_units : sequence of int
        Neuronas de las capas ocultas del codificador (el decodificador las usa al revés).
    learning_rate : float
        Tasa de aprendizaje de Adam.
    loss : str or keras.losses.Loss
        Pérdida de reconstrucción: ``"mse"`` (error cuadrático medio) o
        ``"binary_crossentropy"`` (entropía cruzada por píxel, para imágenes en [0, 1]).

    Returns
    -------
    autoencoder, encoder, decoder : keras.Model
        ``autoencoder`` (compilado con Adam y ``loss``) es ``decoder(encoder(x))``; los tres
        comparten los pesos.

    Examples
    --------
    >>> autoencoder, encoder, decoder = build_dense_autoencoder(latent_dim=2)
    >>> encoder.output_shape, autoencoder.output_shape
    ((None, 2), (None, 28, 28, 1))
    """
    import keras
    from keras import layers

    shape = _check_input_shape(input_shape, "build_dense_autoencoder")
    _check_positive_int(latent_dim, "latent_dim", "build_dense_autoencoder")
    for units in hidden_units:
        _check_positive_int(units, "cada elemento de hidden_units", "build_dense_autoencoder")
    size = shape[0] * shape[1] * shape[2]

    image = keras.Input(shape=shape, name="imagen")
    h = layers.Flatten()(image)
    for units in hidden_units:
        h = layers.Dense(units, activation="relu")(h)
    code = layers.Dense(latent_dim, name="codigo")(h)
    encoder = keras.Model(image, code, name="codificador")

    code_in = keras.Input(shape=(latent_dim,), name="codigo")
    h = code_in
    for units in reversed(tuple(hidden_units)):
        h = layers.Dense(units, activation="relu")(h)
    h = layers.Dense(size, activation="sigmoid")(h)
    decoder = keras.Model(code_in, layers.Reshape(shape)(h), name="decodificador")

    autoencoder = keras.Model(image, decoder(encoder(image)), name="autoencoder_denso")
    autoencoder.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss)
    return autoencoder, encoder, decoder


def build_convolutional_autoencoder(input_shape=(28, 28, 1), filters=(16, 32), latent_channels=8,
                                    learning_rate=1e-3, loss="mse"):
    """El autoencoder convolucional del capítulo 7: convoluciones con paso 2 y traspuestas.

    Cada nivel del codificador es ``Conv2D(f, 3×3, strides=2, same, relu)``, que reduce el alto
    y el ancho a la mitad; una ``Conv2D(latent_channels, 3×3, same, relu)`` da el código, un
    volumen (alto/2ⁿ, ancho/2ⁿ, latent_channels). El decodificador deshace el camino con
    ``Conv2DTranspose(f, 3×3, strides=2, same, relu)`` en orden inverso y una
    ``Conv2D(canales, 3×3, same, sigmoid)`` final.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales); alto y ancho deben ser divisibles por ``2 ** len(filters)``.
    filters : sequence of int
        Filtros de cada nivel del codificador (uno por cada reducción a la mitad).
    latent_channels : int
        Canales del código.
    learning_rate : float
        Tasa de aprendizaje de Adam.
    loss : str or keras.losses.Loss
        Pérdida de reconstrucción: ``"mse"`` o ``"binary_crossentropy"``. Con salida sigmoide
        y MSE el entrenamiento puede quedarse atascado al principio en una salida casi negra
        (la sigmoide saturada anula el gradiente); la entropía cruzada no tiene ese problema.

    Returns
    -------
    autoencoder, encoder, decoder : keras.Model
        ``autoencoder`` (compilado con Adam y ``loss``) es ``decoder(encoder(x))``.

    Examples
    --------
    >>> autoencoder, encoder, decoder = build_convolutional_autoencoder()
    >>> encoder.output_shape
    (None, 7, 7, 8)
    """
    import keras
    from keras import layers

    shape = _check_input_shape(input_shape, "build_convolutional_autoencoder")
    _check_positive_int(latent_channels, "latent_channels", "build_convolutional_autoencoder")
    filters = tuple(filters)
    if not filters:
        raise ValueError("build_convolutional_autoencoder: filters no puede estar vacío.")
    for f in filters:
        _check_positive_int(f, "cada elemento de filters", "build_convolutional_autoencoder")
    factor = 2 ** len(filters)
    if shape[0] % factor or shape[1] % factor:
        raise ValueError(
            f"build_convolutional_autoencoder: con {len(filters)} reducciones a la mitad, alto y "
            f"ancho deben ser divisibles por {factor}; se recibió input_shape={shape}.")

    image = keras.Input(shape=shape, name="imagen")
    h = image
    for f in filters:
        h = layers.Conv2D(f, 3, strides=2, padding="same", activation="relu")(h)
    code = layers.Conv2D(latent_channels, 3, padding="same", name="codigo")(h)
    encoder = keras.Model(image, code, name="codificador")

    code_in = keras.Input(shape=tuple(code.shape[1:]), name="codigo")
    h = code_in
    for f in reversed(filters):
        h = layers.Conv2DTranspose(f, 3, strides=2, padding="same", activation="relu")(h)
    output = layers.Conv2D(shape[2], 3, padding="same", activation="sigmoid")(h)
    decoder = keras.Model(code_in, output, name="decodificador")

    autoencoder = keras.Model(image, decoder(encoder(image)), name="autoencoder_convolucional")
    autoencoder.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss)
    return autoencoder, encoder, decoder


# --- Capítulo 8: U-Net -----------------------------------------------------------------------

def build_unet(input_shape=(128, 128, 3), num_classes=3, depth=3, base_filters=16,
               learning_rate=1e-3):
    """La U-Net (Ronneberger, Fischer y Brox, 2015) con convoluciones 'same', compilada.

    Camino contractivo: ``depth`` niveles de dos ``Conv2D(f, 3×3, same, relu)`` seguidas de
    ``MaxPooling2D(2)``, con ``f = base_filters · 2**nivel``. Cuello de botella: dos
    convoluciones 3×3 con ``base_filters · 2**depth`` filtros. Camino expansivo: ``depth``
    niveles de ``Conv2DTranspose(f, 2×2, strides=2)`` (duplica el alto y el ancho),
    ``Concatenate`` con la salida del nivel del codificador de la misma resolución (la
    conexión de salto) y dos convoluciones 3×3. Cabeza: ``Conv2D(num_classes, 1×1)`` con
    softmax por píxel. A diferencia del artículo, las convoluciones usan relleno 'same', así
    que la salida tiene el alto y el ancho de la entrada y no hace falta recortar.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales); alto y ancho deben ser múltiplos de ``2**depth``.
    num_classes : int
        Número de clases por píxel (≥ 2).
    depth : int
        Niveles del codificador (y del decodificador).
    base_filters : int
        Filtros del primer nivel; se duplican en cada nivel.
    learning_rate : float
        Tasa de aprendizaje de Adam.

    Returns
    -------
    keras.Model
        Salida (alto, ancho, num_classes); compilado con Adam y entropía cruzada categórica
        dispersa (máscaras de enteros), con la exactitud por píxel como métrica.

    Examples
    --------
    >>> model = build_unet((64, 64, 1), num_classes=2, depth=2, base_filters=8)
    >>> model.output_shape
    (None, 64, 64, 2)
    """
    import keras
    from keras import layers

    shape = _check_input_shape(input_shape, "build_unet")
    for name, value, minimum in (("num_classes", num_classes, 2), ("depth", depth, 1),
                                 ("base_filters", base_filters, 1)):
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise ValueError(f"build_unet: {name} debe ser un entero ≥ {minimum}; se recibió {value!r}.")
    if shape[0] % 2**depth or shape[1] % 2**depth:
        raise ValueError(
            f"build_unet: con depth={depth} el alto y el ancho deben ser múltiplos de "
            f"2**{depth} = {2**depth} (cada nivel los divide entre 2); se recibió {shape[:2]}.")

    def two_convs(x, filters, prefix):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"{prefix}_conv1")(x)
        return layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"{prefix}_conv2")(x)

    inputs = keras.Input(shape=shape, name="imagen")
    x, skips = inputs, []
    for level in range(depth):
        x = two_convs(x, base_filters * 2**level, f"enc{level + 1}")
        skips.append(x)  # what the decoder will receive through the skip connection
        x = layers.MaxPooling2D(2, name=f"enc{level + 1}_pool")(x)
    x = two_convs(x, base_filters * 2**depth, "bottleneck")
    for level in reversed(range(depth)):
        filters = base_filters * 2**level
        x = layers.Conv2DTranspose(filters, 2, strides=2, name=f"dec{level + 1}_up")(x)
        x = layers.Concatenate(name=f"dec{level + 1}_skip")([x, skips[level]])
        x = two_convs(x, filters, f"dec{level + 1}")
    outputs = layers.Conv2D(num_classes, 1, activation="softmax", name="mascara")(x)
    model = keras.Model(inputs, outputs, name=f"unet_{depth}_niveles")
    return _compile_classifier(model, learning_rate)


def _binary_masks(y_true, y_pred, name):
    import numpy as np

    a, b = np.asarray(y_true), np.asarray(y_pred)
    if a.shape != b.shape:
        raise ValueError(f"{name}: las dos máscaras deben tener la misma forma; "
                         f"se recibió {a.shape} y {b.shape}.")
    for mask, which in ((a, "y_true"), (b, "y_pred")):
        if mask.size and not np.isin(mask, (0, 1)).all():
            raise ValueError(f"{name}: {which} debe ser una máscara binaria (0/1 o bool); "
                             f"tiene valores {np.unique(mask)[:5].tolist()}...")
    return a.astype(bool), b.astype(bool)


def iou_score(y_true, y_pred):
    """Intersección sobre unión (índice de Jaccard) de dos máscaras binarias.

    :math:`|A \\cap B| / |A \\cup B|`; si las dos máscaras están vacías, 1.0 (coinciden).

    Parameters
    ----------
    y_true, y_pred : array_like
        Máscaras de la misma forma con valores 0/1 o ``bool``.

    Returns
    -------
    float

    Examples
    --------
    >>> iou_score([1, 1, 0, 0], [1, 0, 1, 0])
    0.3333333333333333
    """
    a, b = _binary_masks(y_true, y_pred, "iou_score")
    union = int((a | b).sum())
    return 1.0 if union == 0 else int((a & b).sum()) / union


def dice_score(y_true, y_pred):
    """Coeficiente de Dice (F1 por píxel) de dos máscaras binarias.

    :math:`2|A \\cap B| / (|A| + |B|)`; si las dos máscaras están vacías, 1.0.

    Examples
    --------
    >>> dice_score([1, 1, 0, 0], [1, 0, 1, 0])
    0.5
    """
    a, b = _binary_masks(y_true, y_pred, "dice_score")
    total = int(a.sum()) + int(b.sum())
    return 1.0 if total == 0 else 2 * int((a & b).sum()) / total


def segmentation_report(y_true, y_pred, class_names):
    """IoU y Dice de cada clase (una contra el resto) y su media, más la exactitud por píxel.

    Parameters
    ----------
    y_true, y_pred : array_like of int
        Máscaras de clases (N, H, W) o (H, W), con valores en ``range(len(class_names))``.
    class_names : sequence of str
        Nombre de cada clase.

    Returns
    -------
    dict
        ``{"exactitud": float, "iou": {clase: float}, "dice": {clase: float},
        "iou_medio": float, "dice_medio": float}``.
    """
    import numpy as np

    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"segmentation_report: y_true tiene forma {y_true.shape} e y_pred "
                         f"{y_pred.shape}; se esperaba la misma.")
    n = len(class_names)
    for mask, which in ((y_true, "y_true"), (y_pred, "y_pred")):
        if mask.size and (mask.min() < 0 or mask.max() >= n):
            raise ValueError(f"segmentation_report: {which} tiene clases fuera de 0..{n - 1}.")
    iou = {name: iou_score(y_true == k, y_pred == k) for k, name in enumerate(class_names)}
    dice = {name: dice_score(y_true == k, y_pred == k) for k, name in enumerate(class_names)}
    return {"exactitud": float((y_true == y_pred).mean()), "iou": iou, "dice": dice,
            "iou_medio": float(np.mean(list(iou.values()))),
            "dice_medio": float(np.mean(list(dice.values())))}
