"""La U-Net del capítulo 8."""
from ._checks import check_input_shape
from .training import compile_classifier


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
        x = layers.Concatenate(name=f"dec{level + 1}_skip")([x, skips[level]])
        x = two_convs(x, filters, f"dec{level + 1}")
    outputs = layers.Conv2D(num_classes, 1, activation="softmax", name="mascara")(x)
    model = keras.Model(inputs, outputs, name=f"unet_{depth}_niveles")
    return compile_classifier(model, learning_rate)
