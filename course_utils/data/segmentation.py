"""Segmentación (capítulo 8): figuras sintéticas con su máscara, Oxford-IIIT Pet y la
deformación elástica de la U-Net."""
import numpy as np

from ._common import fail_fast_without_network, load_or_stand_in, tfds_load

SHAPE_CLASSES = ("fondo", "rectángulo", "círculo", "triángulo")
PET_CLASSES = ("mascota", "fondo", "borde")  # the trimap of Oxford-IIIT Pet, values 1, 2, 3 minus 1
_SHAPE_KINDS = ("rectangle", "circle", "triangle")  # skimage names, in the order of SHAPE_CLASSES[1:]
_PETS_HOST = "thor.robots.ox.ac.uk"  # where tensorflow_datasets downloads Oxford-IIIT Pet from


def _int_at_least(value, name, minimum=1):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{name} debe ser un entero ≥ {minimum}; se recibió {value!r}.")
    return int(value)


def _smooth_background(rng, size, channels):
    """Fondo oscuro que varía suavemente (un gradiente al azar), para que el fondo no sea plano."""
    ramp = np.linspace(0.0, 1.0, size)
    rows, cols = np.meshgrid(ramp, ramp, indexing="ij")
    low = rng.uniform(0, 50, size=channels)
    slope_r, slope_c = rng.uniform(-40, 40, size=(2, channels))
    return low + rows[..., None] * slope_r.clip(0) + cols[..., None] * slope_c.clip(0)


def _draw_one_shape(rng, size, channels, min_size, max_size):
    """Una figura al azar en su propio lienzo: devuelve (clase 1..3, píxeles que ocupa, color)."""
    from skimage.draw import random_shapes

    intensity = (110, 254) if channels == 1 else ((110, 254),) * channels  # skimage's two formats
    for _ in range(20):  # a triangle can come out with no pixels; try again
        kind = int(rng.integers(len(_SHAPE_KINDS)))
        canvas, labels = random_shapes(
            (size, size), max_shapes=1, min_shapes=1, min_size=min_size, max_size=max_size,
            num_channels=channels, shape=_SHAPE_KINDS[kind], intensity_range=intensity,
            rng=int(rng.integers(2**31)))
        drawn = (canvas != 255).any(axis=-1)  # skimage paints on white; colours stay ≤ 254
        if labels and drawn.any():
            colour = canvas[drawn][0].astype(np.float64)
            return kind + 1, drawn, colour
    raise RuntimeError("No se pudo dibujar ninguna figura; pruebe con un size mayor.")


def load_shapes(n=500, size=64, channels=3, min_shapes=1, max_shapes=3, seed=0, min_size=None,
                max_size=None):
    """Imágenes sintéticas de figuras con su máscara de clase por píxel.

    Cada imagen tiene un fondo oscuro con un gradiente suave y entre ``min_shapes`` y
    ``max_shapes`` figuras de color (rectángulos, círculos y triángulos de
    ``skimage.draw.random_shapes``), que pueden taparse unas a otras; se añade ruido
    gaussiano. La máscara dice, píxel a píxel, qué se ve en él: 0 = fondo, 1 = rectángulo,
    2 = círculo, 3 = triángulo (los nombres están en ``SHAPE_CLASSES``). La misma semilla
    da siempre las mismas imágenes.

    Parameters
    ----------
    n : int
        Número de imágenes.
    size : int
        Lado de las imágenes cuadradas (≥ 16).
    channels : int
        1 (gris) o 3 (RGB).
    min_shapes, max_shapes : int
        Número mínimo y máximo de figuras por imagen.
    seed : int
        Semilla del generador.
    min_size, max_size : int, optional
        Lado mínimo y máximo de cada figura, en píxeles; por defecto ``size // 6`` y
        ``size // 2``.

    Returns
    -------
    images : numpy.ndarray
        ``uint8`` de forma (n, size, size, channels).
    masks : numpy.ndarray
        ``uint8`` de forma (n, size, size) con valores en {0, 1, 2, 3}.

    Examples
    --------
    >>> images, masks = load_shapes(n=4, size=32, seed=1)
    >>> images.shape, masks.shape
    ((4, 32, 32, 3), (4, 32, 32))
    """
    n = _int_at_least(n, "load_shapes: n")
    size = _int_at_least(size, "load_shapes: size", minimum=16)
    if channels not in (1, 3):
        raise ValueError(f"load_shapes: channels debe ser 1 (gris) o 3 (RGB); se recibió {channels!r}.")
    min_shapes = _int_at_least(min_shapes, "load_shapes: min_shapes")
    max_shapes = _int_at_least(max_shapes, "load_shapes: max_shapes")
    if max_shapes < min_shapes:
        raise ValueError(f"load_shapes: max_shapes ({max_shapes}) no puede ser menor que "
                         f"min_shapes ({min_shapes}).")
    rng = np.random.default_rng(seed)
    images = np.empty((n, size, size, channels), dtype=np.uint8)
    masks = np.zeros((n, size, size), dtype=np.uint8)
    min_size = _int_at_least(min_size or max(4, size // 6), "load_shapes: min_size", minimum=2)
    max_size = _int_at_least(max_size or max(8, size // 2), "load_shapes: max_size", minimum=2)
    if not min_size <= max_size <= size:
        raise ValueError(f"load_shapes: se esperaba min_size ≤ max_size ≤ size; se recibió "
                         f"min_size={min_size}, max_size={max_size}, size={size}.")
    for i in range(n):
        image = _smooth_background(rng, size, channels)
        for _ in range(int(rng.integers(min_shapes, max_shapes + 1))):
            label, drawn, colour = _draw_one_shape(rng, size, channels, min_size, max_size)
            image[drawn] = colour  # a later shape covers the earlier ones, in the mask too
            masks[i][drawn] = label
        image += rng.normal(0, 8, size=image.shape)
        images[i] = np.round(image).clip(0, 255).astype(np.uint8)
    return images, masks


def shapes_to_trimap(masks, border=2):
    """Pasa máscaras de figuras al formato de Oxford-IIIT Pet: 0 = objeto, 1 = fondo, 2 = borde.

    El borde es una franja de unos ``border`` píxeles alrededor del contorno de los objetos,
    como la zona dudosa que marcan los trimapas de Oxford-IIIT Pet.

    Parameters
    ----------
    masks : array_like of int
        Máscaras (N, H, W) o (H, W) con 0 = fondo y >0 = alguna figura.
    border : int
        Grosor aproximado de la franja de borde, en píxeles.

    Returns
    -------
    numpy.ndarray
        ``uint8`` de la misma forma, con valores en {0, 1, 2} (nombres en ``PET_CLASSES``).
    """
    from scipy.ndimage import binary_dilation, binary_erosion

    masks = np.asarray(masks)
    if masks.ndim not in (2, 3):
        raise ValueError(f"shapes_to_trimap: se esperaban máscaras (H, W) o (N, H, W); "
                         f"se recibió la forma {masks.shape}.")
    border = _int_at_least(border, "shapes_to_trimap: border")
    objects = masks > 0
    structure = np.zeros((3,) * masks.ndim, dtype=bool)
    structure[(1,) * (masks.ndim - 2) + (slice(None), slice(None))] = True  # 2-D only, per image
    outer = binary_dilation(objects, structure, iterations=border // 2 + border % 2)
    inner = binary_erosion(objects, structure, iterations=border // 2, border_value=1)
    trimap = np.where(objects, 0, 1).astype(np.uint8)
    trimap[outer & ~inner] = 2
    return trimap


def _pets_stand_in(size, n_train, n_test, seed):
    def load():
        # one large shape per image, as a pet fills much of its photo
        images, masks = load_shapes(n=n_train + n_test, size=size, channels=3, min_shapes=1,
                                    max_shapes=1, seed=seed, min_size=size // 3,
                                    max_size=size * 3 // 4)
        trimaps = shapes_to_trimap(masks, border=max(2, size // 32))
        return ((images[:n_train], trimaps[:n_train]), (images[n_train:], trimaps[n_train:]))
    return load


def _pets_from_tfds(size, n_train, n_test, data_dir):
    def load():
        import tensorflow as tf

        splits = tfds_load("oxford_iiit_pet", data_dir, lambda: fail_fast_without_network(_PETS_HOST),
                            split=["train", "test"])

        def resize(example):
            image = tf.image.resize(example["image"], (size, size), antialias=True)
            mask = tf.image.resize(example["segmentation_mask"], (size, size), method="nearest")
            return (tf.cast(tf.clip_by_value(tf.round(image), 0, 255), tf.uint8),
                    tf.cast(mask[..., 0], tf.uint8) - 1)  # trimap 1, 2, 3 -> 0, 1, 2

        def to_arrays(dataset, n):
            dataset = dataset if n is None else dataset.take(n)
            pairs = list(dataset.map(resize).batch(256).as_numpy_iterator())
            return np.concatenate([p[0] for p in pairs]), np.concatenate([p[1] for p in pairs])
        return to_arrays(splits[0], n_train), to_arrays(splits[1], n_test)
    return load


def load_oxford_pets(size=128, n_train=None, n_test=None, seed=0, data_dir=None):
    """Oxford-IIIT Pet (Parkhi et al., 2012): fotos de perros y gatos con su trimapa por píxel.

    Usa ``tensorflow_datasets`` (``oxford_iiit_pet``: 3680 imágenes de entrenamiento y 3669
    de prueba), que descarga unos 800 MB la primera vez y los guarda en caché. Las imágenes
    se redimensionan a ``size``×``size`` y el trimapa (1 = mascota, 2 = fondo, 3 = borde) se
    pasa a 0 = mascota, 1 = fondo, 2 = borde (``PET_CLASSES``). Sin conexión, avisa y
    devuelve en su lugar figuras sintéticas (:func:`load_shapes`) con el mismo formato de
    trimapa (:func:`shapes_to_trimap`).

    Parameters
    ----------
    size : int
        Lado de las imágenes devueltas (≥ 16).
    n_train, n_test : int or None
        Cuántas imágenes tomar de cada parte; ``None`` las toma todas (el sustituto sin
        conexión genera entonces 1000 y 200).
    seed : int
        Semilla del sustituto sin conexión.
    data_dir : str, optional
        Carpeta de la caché de ``tensorflow_datasets``; por defecto, la de la réplica local
        (``$COURSE_DATA_DIR/tensorflow_datasets``) si la hay y, si no, la de TFDS
        (``~/tensorflow_datasets``).

    Returns
    -------
    tuple
        ``(x_train, y_train), (x_test, y_test)``: imágenes ``uint8`` (N, size, size, 3) y
        trimapas ``uint8`` (N, size, size) con valores en {0, 1, 2}.
    """
    size = _int_at_least(size, "load_oxford_pets: size", minimum=16)
    for name, value in (("n_train", n_train), ("n_test", n_test)):
        if value is not None:
            _int_at_least(value, f"load_oxford_pets: {name}")
    return load_or_stand_in(
        _pets_from_tfds(size, n_train, n_test, data_dir),
        _pets_stand_in(size, n_train or 1000, n_test or 200, seed),
        what="Oxford-IIIT Pet con tensorflow_datasets",
        instead=f"figuras sintéticas de skimage.draw.random_shapes ({size}×{size}) con trimapas "
                "objeto / fondo / borde",
    )


def elastic_deformation(image, mask, sigma=10.0, grid=3, seed=None):
    """Deformación elástica de una imagen y su máscara, como la aumentación de la U-Net.

    Sigue a Ronneberger et al. (2015): desplazamientos aleatorios en una rejilla gruesa de
    ``grid``×``grid`` puntos, tomados de una normal de desviación ``sigma`` píxeles e
    interpolados con splines cúbicos a cada píxel. La imagen se remuestrea con interpolación
    cúbica y la máscara con el vecino más cercano, para que siga teniendo solo clases enteras.
    Las dos reciben **el mismo** desplazamiento: si no, la máscara dejaría de describir la imagen.

    Parameters
    ----------
    image : array_like
        Imagen (H, W) o (H, W, C).
    mask : array_like of int
        Máscara (H, W) de clases.
    sigma : float
        Desviación típica de los desplazamientos, en píxeles (10 en el artículo, con imágenes
        de 512×512).
    grid : int
        Puntos por lado de la rejilla gruesa (≥ 2).
    seed : int, optional
        Semilla: la misma semilla da la misma deformación.

    Returns
    -------
    tuple
        ``(imagen deformada, máscara deformada)`` con las formas y ``dtype`` de la entrada; la
        imagen deformada no sale del rango de valores de la original.
    """
    from scipy.ndimage import map_coordinates, zoom

    image, mask = np.asarray(image), np.asarray(mask)
    if mask.ndim != 2 or image.shape[:2] != mask.shape or image.ndim not in (2, 3):
        raise ValueError(f"elastic_deformation: se esperaba una imagen (H, W) o (H, W, C) y una "
                         f"máscara (H, W) del mismo alto y ancho; se recibió {image.shape} y {mask.shape}.")
    grid = _int_at_least(grid, "elastic_deformation: grid", minimum=2)
    if sigma < 0:
        raise ValueError(f"elastic_deformation: sigma debe ser ≥ 0; se recibió {sigma!r}.")
    h, w = mask.shape
    coarse = np.random.default_rng(seed).normal(0, sigma, size=(2, grid, grid))
    shift = [zoom(c, (h / grid, w / grid), order=3)[:h, :w] for c in coarse]
    rows, cols = np.meshgrid(np.arange(h), np.arange(w), indexing="ij")
    coords = np.array([rows + shift[0], cols + shift[1]])
    planes = image[..., None] if image.ndim == 2 else image
    warped = np.stack([map_coordinates(planes[..., c].astype(np.float64), coords, order=3,
                                       mode="reflect") for c in range(planes.shape[-1])], axis=-1)
    warped = warped.clip(image.min(), image.max())  # cubic splines overshoot a little at edges
    if np.issubdtype(image.dtype, np.integer):
        warped = np.round(warped)
    warped = warped.astype(image.dtype).reshape(image.shape)
    warped_mask = map_coordinates(mask, coords, order=0, mode="reflect").astype(mask.dtype)
    return warped, warped_mask
