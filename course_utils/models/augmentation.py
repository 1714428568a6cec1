"""Aumento de datos: el bloque de capas aleatorias de Keras y las perturbaciones de prueba del
capítulo 5, y el aumento conjunto de una imagen y su máscara del capítulo 8."""
from ..tfdata import without_autotune

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


# --- Perturbaciones de prueba que el bloque de aumento no contiene -------------------------

def elastic_distortion(images, alpha=34.0, sigma=4.0, seed=0):
    """Distorsión elástica de Simard, Steinkraus y Platt (2003), una imagen distinta cada vez.

    Cada píxel se desplaza según un campo aleatorio uniforme en [−1, 1], suavizado con una
    gaussiana de desviación ``sigma`` píxeles y multiplicado por ``alpha`` píxeles; la imagen se
    vuelve a muestrear con interpolación bilineal y el exterior se rellena con negro. Los valores
    por defecto son los del artículo para MNIST (desplazamientos de un píxel y medio de media
    cuadrática). Deforma
    el trazo localmente (lo ondula), algo que ningún giro, zoom o traslación global produce.

    Parameters
    ----------
    images : array_like
        Lote (N, H, W) o (N, H, W, C) de imágenes reales.
    alpha, sigma : float
        Intensidad y suavidad del campo de desplazamientos, en píxeles.
    seed : int
        Semilla: la misma semilla da las mismas deformaciones.

    Returns
    -------
    numpy.ndarray
        float32 con la forma de ``images``.
    """
    import numpy as np
    from scipy.ndimage import gaussian_filter, map_coordinates

    batch = np.asarray(images, dtype=np.float32)
    if batch.ndim not in (3, 4):
        raise ValueError(f"elastic_distortion: se esperaba un lote (N, H, W) o (N, H, W, C); se recibió {batch.shape}.")
    if alpha < 0 or sigma <= 0:
        raise ValueError(f"elastic_distortion: alpha ≥ 0 y sigma > 0; se recibió alpha={alpha!r}, sigma={sigma!r}.")
    rng = np.random.default_rng(seed)
    height, width = batch.shape[1:3]
    rows, cols = np.meshgrid(np.arange(height), np.arange(width), indexing="ij")
    out = np.empty_like(batch)
    for k in range(len(batch)):
        dy = gaussian_filter(rng.uniform(-1, 1, (height, width)), sigma, mode="constant") * alpha
        dx = gaussian_filter(rng.uniform(-1, 1, (height, width)), sigma, mode="constant") * alpha
        coords = [rows + dy, cols + dx]
        if batch.ndim == 3:
            out[k] = map_coordinates(batch[k], coords, order=1, mode="constant")
        else:
            for c in range(batch.shape[-1]):
                out[k, ..., c] = map_coordinates(batch[k, ..., c], coords, order=1, mode="constant")
    return out


def shift_images(images, dy, dx):
    """Desplaza un lote (N, H, W[, C]) ``dy`` filas y ``dx`` columnas, rellenando con ceros.

    Un desplazamiento entero y exacto, sin interpolar: lo que «tolera» o no una red con
    *max pooling* y cabeza ``Flatten`` (capítulos 4 y 5).
    """
    import numpy as np

    batch = np.asarray(images)
    if batch.ndim < 3:
        raise ValueError(f"shift_images: se esperaba un lote (N, H, W[, C]); se recibió {batch.shape}.")
    height, width = batch.shape[1:3]
    if abs(dy) >= height or abs(dx) >= width:
        raise ValueError(f"shift_images: el desplazamiento ({dy}, {dx}) no cabe en {height}×{width}.")
    out = np.zeros_like(batch)
    src_r = slice(max(0, -dy), height - max(0, dy))
    dst_r = slice(max(0, dy), height - max(0, -dy))
    src_c = slice(max(0, -dx), width - max(0, dx))
    dst_c = slice(max(0, dx), width - max(0, -dx))
    out[:, dst_r, dst_c] = batch[:, src_r, src_c]
    return out


# --- Aumento conjunto de una imagen y su máscara (capítulo 8) ---------------------------------

def augment_image_and_mask(image, mask, seed, max_shift=0.1):
    """Voltea y desplaza una imagen y su máscara con las **mismas** decisiones aleatorias.

    La máscara viaja como un canal más de la imagen: se concatena, se transforma el conjunto y se
    separa. Volteo y recorte mueven píxeles sin interpolar, así que la máscara solo contiene
    etiquetas que ya tenía y sigue alineada con la imagen. El desplazamiento rellena por reflexión
    (imagen y máscara a la vez), de modo que tampoco el borde inventa etiquetas.

    Usa operaciones sin estado: la misma ``seed`` da siempre el mismo resultado. El volteo y el
    desplazamiento reciben semillas distintas, partidas de ``seed``, para que no lean los mismos
    números aleatorios.

    Parameters
    ----------
    image : array_like o tf.Tensor
        Imagen real (H, W, C).
    mask : array_like o tf.Tensor
        Máscara de enteros (H, W), una clase por píxel.
    seed : array_like o tf.Tensor
        Semilla sin estado: dos enteros.
    max_shift : float
        Desplazamiento máximo, como fracción del alto (en vertical) y del ancho (en horizontal).

    Returns
    -------
    (tf.Tensor, tf.Tensor)
        La imagen (float32) y la máscara (con su tipo), con las formas de la entrada.
    """
    import tensorflow as tf

    image = tf.convert_to_tensor(image, tf.float32)
    mask = tf.convert_to_tensor(mask)
    _check_pair(image, mask, max_shift)
    height, width, channels = image.shape
    pad_y, pad_x = int(round(max_shift * height)), int(round(max_shift * width))
    flip_seed, shift_seed = tf.unstack(tf.random.experimental.stateless_split(tf.cast(seed, tf.int64), 2))
    pair = tf.concat([image, tf.cast(mask[..., None], tf.float32)], axis=-1)
    pair = tf.image.stateless_random_flip_left_right(pair, seed=flip_seed)
    pair = tf.pad(pair, [[pad_y, pad_y], [pad_x, pad_x], [0, 0]], mode="REFLECT")
    pair = tf.image.stateless_random_crop(pair, [height, width, channels + 1], seed=shift_seed)
    return pair[..., :channels], tf.cast(tf.round(pair[..., channels]), mask.dtype)


def _check_pair(image, mask, max_shift):
    where = "augment_image_and_mask"
    if image.shape.rank != 3 or None in image.shape:
        raise ValueError(f"{where}: se esperaba una imagen (H, W, C) de forma conocida; se recibió {image.shape}.")
    if mask.shape.rank != 2 or tuple(mask.shape) != tuple(image.shape[:2]):
        raise ValueError(f"{where}: se esperaba una máscara (H, W) = {tuple(image.shape[:2])}, como la imagen; "
                         f"se recibió {mask.shape}.")
    if not mask.dtype.is_integer:
        raise ValueError(f"{where}: la máscara debe ser de enteros (una clase por píxel); es {mask.dtype.name}.")
    if not 0 <= max_shift < 0.5:
        raise ValueError(f"{where}: max_shift debe estar en [0, 0.5); se recibió {max_shift!r}.")


def segmentation_pipeline(images, masks, batch_size, seed=0, augment=True):
    """Un ``tf.data.Dataset`` de lotes (imágenes, máscaras) para entrenar un segmentador.

    Baraja en cada época y, con ``augment``, aplica :func:`augment_image_and_mask` a cada pareja con
    su propia semilla sin estado. Las semillas salen de ``tf.data.Dataset.random(seed)`` y cambian
    en cada época (``rerandomize_each_iteration``): cada época ve desplazamientos y volteos nuevos,
    y dos ejecuciones con la misma semilla global ven los mismos.
    """
    import numpy as np
    import tensorflow as tf

    images, masks = np.asarray(images, dtype=np.float32), np.asarray(masks)
    if images.ndim != 4 or masks.shape != images.shape[:3]:
        raise ValueError("segmentation_pipeline: se esperaban imágenes (N, H, W, C) y máscaras (N, H, W) "
                         f"del mismo N, H y W; se recibió {images.shape} y {masks.shape}.")
    dataset = tf.data.Dataset.from_tensor_slices((images, masks))
    dataset = dataset.shuffle(len(images), seed=seed, reshuffle_each_iteration=True)
    if augment:
        seeds = tf.data.Dataset.random(seed=seed, rerandomize_each_iteration=True).batch(2)
        dataset = tf.data.Dataset.zip(dataset, seeds).map(
            lambda pair, pair_seed: augment_image_and_mask(pair[0], pair[1], pair_seed),
            num_parallel_calls=tf.data.AUTOTUNE)
    return without_autotune(dataset.batch(batch_size).prefetch(tf.data.AUTOTUNE))
