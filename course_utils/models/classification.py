"""Clasificadores de imágenes: la CNN del capítulo 4, la red densa de referencia y las
arquitecturas históricas (LeNet-5, AlexNet, bloques residuales, Inception)."""
from ._checks import check_input_shape, check_classes, check_positive_ints
from .training import compile_classifier


def build_cnn(input_shape=(28, 28, 1), num_classes=10, filters=(32, 64), dense_units=128,
              learning_rate=1e-3, head="flatten", jit_compile="auto"):
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
        Neuronas de la capa oculta de la cabeza ``"flatten"``.
    learning_rate : float or keras.optimizers.schedules.LearningRateSchedule
        Tasa de aprendizaje de Adam, o su plan.
    head : {"flatten", "gap"}
        ``"flatten"`` (por defecto) es la cabeza descrita arriba. ``"gap"`` es la de *global
        average pooling* (Lin et al., 2013): el último bloque no reduce (sin ``MaxPooling2D`` ni
        ``Dropout``) y su ReLU se llama ``"last_conv"``; después, ``GlobalAveragePooling2D`` →
        ``Dropout(0.25)`` → ``Dense(num_classes, softmax)``. Cada clase puntúa una suma ponderada
        de las medias de los mapas de ``"last_conv"``: la arquitectura de CAM (Zhou et al., 2016)
        y la del ejemplo de Grad-CAM de Keras (capítulos 5 y 6), con muchos menos parámetros.
    jit_compile : bool or "auto"
        Se pasa a ``model.compile``: ``True`` compila el paso de entrenamiento con XLA.

    Returns
    -------
    keras.Model
        Compilado con Adam, entropía cruzada categórica dispersa (etiquetas enteras) y exactitud.
    """
    import keras
    from keras import layers

    shape = check_input_shape(input_shape, "build_cnn")
    if head not in ("flatten", "gap"):
        raise ValueError(f"build_cnn: head debe ser 'flatten' o 'gap'; se recibió {head!r}.")
    check_classes(num_classes, "build_cnn")
    filters = check_positive_ints(filters, "build_cnn", "filters")
    model = keras.Sequential(name="cnn" if head == "flatten" else "cnn_gap")
    model.add(keras.Input(shape=shape))
    for k, f in enumerate(filters):
        model.add(layers.Conv2D(f, 3, padding="same", use_bias=False))
        model.add(layers.BatchNormalization())
        if head == "gap" and k == len(filters) - 1:
            model.add(layers.ReLU(name="last_conv"))  # the maps the global average summarises
            break
        model.add(layers.ReLU())
        model.add(layers.MaxPooling2D(2))
        model.add(layers.Dropout(0.25))
    if head == "gap":
        model.add(layers.GlobalAveragePooling2D())
        model.add(layers.Dropout(0.25))
    else:
        model.add(layers.Flatten())
        model.add(layers.Dense(dense_units, use_bias=False))
        model.add(layers.BatchNormalization())
        model.add(layers.ReLU())
        model.add(layers.Dropout(0.5))
    model.add(layers.Dense(num_classes, activation="softmax"))
    return compile_classifier(model, learning_rate, jit_compile=jit_compile)



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

    shape = check_input_shape(input_shape, "build_dense_baseline")
    check_classes(num_classes, "build_dense_baseline")
    hidden_units = check_positive_ints(hidden_units, "build_dense_baseline", "hidden_units")
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
    return compile_classifier(model, learning_rate)


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

    shape = check_input_shape(input_shape, "build_lenet5")
    check_classes(num_classes, "build_lenet5")
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
    return compile_classifier(model)


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

    shape = check_input_shape(input_shape, "build_alexnet")
    check_classes(num_classes, "build_alexnet")
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

    check_positive_ints((f1, f3_reduce, f3, f5_reduce, f5, pool_proj), "inception_module", "los filtros")

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

    shape = check_input_shape(input_shape, "build_googlenet")
    check_classes(num_classes, "build_googlenet")
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
