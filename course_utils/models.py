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
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


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
