"""El bloque de aumento de datos del capítulo 5 (capas aleatorias de Keras)."""

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
        Semilla del bloque, para repetir las mismas transformaciones. Cada capa recibe su propia
        semilla, derivada de esta con :class:`numpy.random.SeedSequence`: si todas compartieran la
        misma, sus generadores empezarían en el mismo estado y leerían los mismos números
        aleatorios (el ángulo y el zoom saldrían perfectamente correlacionados).
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
    seeds = layer_seeds(seed, len(AUGMENTATIONS))
    block = []
    if flip:
        block.append(layers.RandomFlip(flip, seed=seeds[0]))
    if rotation:
        block.append(layers.RandomRotation(rotation, fill_mode="constant", seed=seeds[1]))
    if zoom:
        block.append(layers.RandomZoom(zoom, fill_mode="constant", seed=seeds[2]))
    if translation:
        block.append(layers.RandomTranslation(translation, translation, fill_mode="constant", seed=seeds[3]))
    if contrast:
        block.append(layers.RandomContrast(contrast, value_range=(0, 1), seed=seeds[4]))
    if brightness:
        block.append(layers.RandomBrightness(brightness, value_range=(0, 1), seed=seeds[5]))
    return keras.Sequential(block, name=name)


def layer_seeds(seed, count):
    """``count`` semillas enteras distintas e independientes derivadas de una sola.

    Con ``seed=None`` devuelve ``None`` para cada capa (semillas al azar). La capa ``k`` recibe
    siempre la semilla ``k``, esté o no presente la anterior, de modo que añadir o quitar una
    transformación no cambia lo que sortean las demás.
    """
    import numpy as np

    if seed is None:
        return [None] * count
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"build_augmentation: seed debe ser un entero ≥ 0 o None; se recibió {seed!r}.")
    states = np.random.SeedSequence(int(seed)).generate_state(count, dtype=np.uint32)
    return [int(s) % (2**31 - 1) for s in states]
