"""La U-Net del capítulo 8."""
from ._checks import check_input_shape
from .training import compile_classifier


def build_unet(input_shape=(128, 128, 3), num_classes=3, depth=3, base_filters=16,
               learning_rate=1e-3, skip_connections=True):
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
    skip_connections : bool
        ``False`` quita las conexiones de salto (la ablación del capítulo 8): el decodificador
        solo recibe lo que sube del cuello de botella.

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

    shape = check_input_shape(input_shape, "build_unet")
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
        if skip_connections:
            x = layers.Concatenate(name=f"dec{level + 1}_skip")([x, skips[level]])
        x = two_convs(x, filters, f"dec{level + 1}")
    outputs = layers.Conv2D(num_classes, 1, activation="softmax", name="mascara")(x)
    name = f"unet_{depth}_niveles" if skip_connections else f"codificador_decodificador_{depth}_niveles"
    model = keras.Model(inputs, outputs, name=name)
    return compile_classifier(model, learning_rate)


# Capas de MobileNetV2 cuyas salidas usa el tutorial de segmentación de TensorFlow como saltos:
# resoluciones 1/2, 1/4, 1/8 y 1/16 de la entrada, y 1/32 como cuello de botella.
MOBILENET_SKIPS = ("block_1_expand_relu", "block_3_expand_relu", "block_6_expand_relu",
                   "block_13_expand_relu", "block_16_project")


def build_mobilenet_unet(input_shape=(128, 128, 3), num_classes=3, weights="imagenet",
                         trainable_encoder=False, learning_rate=1e-3):
    """Una U-Net con el codificador de MobileNetV2 preentrenada, como el tutorial de TensorFlow.

    El codificador son las capas :data:`MOBILENET_SKIPS` de ``keras.applications.MobileNetV2``
    (sin cabeza), congeladas salvo que ``trainable_encoder=True``. El decodificador sube de 1/32
    a 1/2 de la resolución con ``Conv2DTranspose(f, 3×3, strides=2)`` → ``BatchNormalization`` →
    ``ReLU`` (f = 512, 256, 128, 64), concatenando en cada paso la salida del codificador de la
    misma resolución, y una última ``Conv2DTranspose(num_classes, 3×3, strides=2)`` con softmax
    devuelve el tamaño de la entrada.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, 3), alto y ancho múltiplos de 32. Las imágenes deben llegar preprocesadas
        como espera MobileNetV2 (``mobilenet_v2.preprocess_input``: de [0, 255] a [-1, 1]).
    num_classes : int
        Clases por píxel.
    weights : str or None
        ``"imagenet"`` (se descarga una vez) o ``None`` (pesos aleatorios, sin red).
    trainable_encoder : bool
        Entrenar también el codificador.
    learning_rate : float
        Tasa de aprendizaje de Adam.

    Returns
    -------
    keras.Model
        Compilado con Adam y entropía cruzada categórica dispersa.

    Examples
    --------
    >>> build_mobilenet_unet((64, 64, 3), num_classes=2, weights=None).output_shape
    (None, 64, 64, 2)
    """
    import keras
    from keras import layers

    shape = check_input_shape(input_shape, "build_mobilenet_unet")
    if shape[-1] != 3 or shape[0] % 32 or shape[1] % 32:
        raise ValueError("build_mobilenet_unet: input_shape debe ser (alto, ancho, 3) con alto y ancho "
                         f"múltiplos de 32; se recibió {input_shape!r}.")
    if isinstance(num_classes, bool) or not isinstance(num_classes, int) or num_classes < 2:
        raise ValueError(f"build_mobilenet_unet: num_classes debe ser un entero ≥ 2; se recibió {num_classes!r}.")
    if weights not in ("imagenet", None):
        raise ValueError(f"build_mobilenet_unet: weights debe ser 'imagenet' o None; se recibió {weights!r}.")
    backbone = keras.applications.MobileNetV2(input_shape=shape, include_top=False, weights=weights)
    encoder = keras.Model(backbone.input, [backbone.get_layer(name).output for name in MOBILENET_SKIPS],
                          name="codificador_mobilenetv2")
    encoder.trainable = trainable_encoder

    inputs = keras.Input(shape=shape, name="imagen")
    *skips, x = encoder(inputs, training=False) if not trainable_encoder else encoder(inputs)
    for filters, skip in zip((512, 256, 128, 64), reversed(skips)):
        x = layers.Conv2DTranspose(filters, 3, strides=2, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization()(x)
        x = layers.ReLU()(x)
        x = layers.Concatenate()([x, skip])
    outputs = layers.Conv2DTranspose(num_classes, 3, strides=2, padding="same", activation="softmax",
                                     name="mascara")(x)
    model = keras.Model(inputs, outputs, name="unet_mobilenetv2")
    return compile_classifier(model, learning_rate)


def dice_loss(y_true, y_pred, smooth=1.0):
    """Pérdida de Dice suave para máscaras de enteros y salidas softmax (V-Net, Milletari et al., 2016).

    ``1 − Dice medio`` sobre las clases, con probabilidades en lugar de máscaras binarias:
    :math:`1 - \\frac{1}{K}\\sum_k \\frac{2 \\sum p_k y_k + s}{\\sum p_k + \\sum y_k + s}`,
    sumando sobre los píxeles del lote. ``smooth`` evita dividir por cero si una clase no aparece.
    Se usa como ``model.compile(loss=dice_loss)``, sola o sumada a la entropía cruzada.

    Parameters
    ----------
    y_true : tensor
        Máscaras de enteros (N, H, W) o (N, H, W, 1).
    y_pred : tensor
        Probabilidades (N, H, W, K).
    smooth : float
        Término que suaviza el cociente.

    Returns
    -------
    tensor
        Un escalar: 0 si la predicción coincide con la máscara con probabilidad 1.
    """
    from keras import ops

    num_classes = y_pred.shape[-1]
    y_true = ops.cast(y_true, "int32")
    if len(y_true.shape) == len(y_pred.shape):
        y_true = ops.squeeze(y_true, axis=-1)
    one_hot = ops.one_hot(y_true, num_classes, dtype=y_pred.dtype)
    axes = tuple(range(len(y_pred.shape) - 1))
    intersection = ops.sum(one_hot * y_pred, axis=axes)
    totals = ops.sum(one_hot, axis=axes) + ops.sum(y_pred, axis=axes)
    return 1.0 - ops.mean((2.0 * intersection + smooth) / (totals + smooth))
