"""Los conjuntos de datos del libro: un cargador por conjunto.

Cada cargador mira primero en la réplica local (la carpeta ``COURSE_DATA_DIR``, ver
:mod:`course_utils.mirror`), después en la fuente real (``keras.datasets``,
``tensorflow_datasets``), que descarga y guarda en caché la primera vez. Sin conexión, cae en un sustituto que viene
dentro de una dependencia (``sklearn.datasets.load_digits``, imágenes de ``skimage.data``...)
y lo avisa con un ``OfflineDataWarning`` visible, en español.
"""
import warnings

import numpy as np

MNIST_SIZE = 28
_MNIST_DIGIT_BOX = 20  # MNIST centres each digit in a 20x20 box inside the 28x28 image


class OfflineDataWarning(UserWarning):
    """Aviso de que se usa un sustituto local porque la fuente real no está disponible."""


warnings.simplefilter("always", OfflineDataWarning)


def _load_or_stand_in(real_loader, stand_in, what, instead):
    """Llama a ``real_loader``; si falla (sin red, sin caché), avisa y usa ``stand_in``."""
    from .mirror import MirrorError

    try:
        return real_loader()
    except MirrorError:  # a damaged local mirror must not pass unnoticed
        raise
    except Exception as error:  # the download fails in many ways: DNS, HTTP, truncated file
        warnings.warn(
            f"No se pudo cargar {what} ({type(error).__name__}: {error}). "
            f"Se usa en su lugar {instead}. Las cifras no serán comparables con las del libro.",
            OfflineDataWarning,
            stacklevel=3,
        )
        return stand_in()


def _mirror_then(name, network_loader):
    """Un cargador que lee ``name`` de la réplica local si la hay y, si no, llama a ``network_loader``."""
    def load():
        from .mirror import load_idx_dataset

        found = load_idx_dataset(name)
        return found if found is not None else network_loader()
    return load


# --- Imágenes de ejemplo -------------------------------------------------------------------

def _skimage(name):
    def load():
        import skimage.data

        return getattr(skimage.data, name)()
    return load


def _sklearn(filename):
    def load():
        from sklearn.datasets import load_sample_image as sklearn_sample

        return sklearn_sample(filename)
    return load


# name -> (loader, description shown in the explorer)
SAMPLE_IMAGES = {
    "astronaut": (_skimage("astronaut"), "Eileen Collins, astronauta de la NASA (RGB, 512×512)"),
    "camera": (_skimage("camera"), "Fotógrafo con cámara (gris, 512×512)"),
    "coffee": (_skimage("coffee"), "Taza de café (RGB, 400×600)"),
    "chelsea": (_skimage("chelsea"), "La gata Chelsea (RGB, 300×451)"),
    "coins": (_skimage("coins"), "Monedas griegas (gris, 303×384)"),
    "rocket": (_skimage("rocket"), "Lanzamiento de un cohete (RGB, 427×640)"),
    "china": (_sklearn("china.jpg"), "Templo en China (RGB, 427×640)"),
    "flower": (_sklearn("flower.jpg"), "Flor (RGB, 427×640)"),
}


def list_sample_images():
    """Nombres de las imágenes de ejemplo disponibles sin conexión."""
    return list(SAMPLE_IMAGES)


def load_sample_image(name):
    """Carga una imagen de ejemplo de scikit-image o scikit-learn.

    Parameters
    ----------
    name : str
        Uno de :func:`list_sample_images` (``"astronaut"``, ``"camera"``, ``"china"``...).

    Returns
    -------
    numpy.ndarray
        ``uint8`` de forma (H, W) si es en gris o (H, W, 3) si es en color.

    Examples
    --------
    >>> load_sample_image("camera").shape
    (512, 512)
    """
    if name not in SAMPLE_IMAGES:
        raise ValueError(
            f"No hay ninguna imagen de ejemplo llamada {name!r}; "
            f"se esperaba una de: {', '.join(SAMPLE_IMAGES)}."
        )
    loader, _ = SAMPLE_IMAGES[name]
    return np.asarray(loader(), dtype=np.uint8)


# --- Dígitos ---------------------------------------------------------------------------------

def _fit_in_box(images, size):
    """Escala dígitos de 8×8 para que ocupen una caja centrada, como en MNIST."""
    from skimage.transform import resize

    box = max(1, round(size * _MNIST_DIGIT_BOX / MNIST_SIZE))
    margin = (size - box) // 2
    out = np.zeros((len(images), size, size), dtype=np.float64)
    for i, image in enumerate(images):
        out[i, margin:margin + box, margin:margin + box] = resize(
            image, (box, box), order=1, anti_aliasing=False)
    return out


def load_digits_images(size=None):
    """Los 1797 dígitos manuscritos de scikit-learn como imágenes ``uint8``.

    Parameters
    ----------
    size : int or None
        ``None`` deja las imágenes originales de 8×8. Un entero (p. ej. 28) las escala y
        centra como en MNIST: el dígito ocupa una caja de 20/28 del lado, con margen negro.

    Returns
    -------
    images : numpy.ndarray
        ``uint8`` en [0, 255], forma (1797, size, size).
    labels : numpy.ndarray
        Enteros 0–9, forma (1797,).

    Examples
    --------
    >>> images, labels = load_digits_images(size=28)
    >>> images.shape, images.dtype
    ((1797, 28, 28), dtype('uint8'))
    """
    from sklearn.datasets import load_digits

    if size is not None and (not isinstance(size, (int, np.integer)) or size < 8):
        raise ValueError(f"size debe ser None o un entero ≥ 8; se recibió {size!r}.")
    digits = load_digits()
    images = digits.images / 16.0  # sklearn stores 0..16
    if size is not None:
        images = _fit_in_box(images, int(size))
    return np.round(images * 255).clip(0, 255).astype(np.uint8), digits.target.astype(np.int64)


def _split(images, labels, test_fraction, seed):
    from sklearn.model_selection import train_test_split

    x_train, x_test, y_train, y_test = train_test_split(
        images, labels, test_size=test_fraction, random_state=seed, stratify=labels)
    return (x_train, y_train), (x_test, y_test)


def load_digits_split(size=MNIST_SIZE, test_fraction=0.2, seed=0):
    """Los dígitos de scikit-learn, ya divididos en entrenamiento y prueba (estratificado).

    Returns
    -------
    tuple
        ``(x_train, y_train), (x_test, y_test)``, con el formato de ``keras.datasets.mnist``.
    """
    images, labels = load_digits_images(size=size)
    return _split(images, labels, test_fraction, seed)


def load_mnist():
    """MNIST (LeCun et al., 1998): 60 000 + 10 000 dígitos de 28×28 en gris.

    Lee los archivos IDX originales de la réplica local (``$COURSE_DATA_DIR/mnist``) si la hay;
    si no, ``keras.datasets.mnist.load_data()``, que descarga el archivo una vez y lo guarda
    en ``~/.keras/datasets``. Sin ninguna de las dos, avisa y devuelve en su lugar los 1797 dígitos
    de scikit-learn escalados a 28×28 (:func:`load_digits_split`), con el mismo formato.

    Returns
    -------
    tuple
        ``(x_train, y_train), (x_test, y_test)``: imágenes ``uint8`` (N, 28, 28) y
        etiquetas enteras (N,).
    """
    import keras

    return _load_or_stand_in(
        _mirror_then("mnist", keras.datasets.mnist.load_data),
        load_digits_split,
        what="MNIST con keras.datasets.mnist",
        instead="los 1797 dígitos de scikit-learn (load_digits) escalados a 28×28",
    )


# --- Capítulo 4 ---------------------------------------------------------------------------

FASHION_MNIST_CLASSES = ["camiseta", "pantalón", "jersey", "vestido", "abrigo",
                         "sandalia", "camisa", "zapatilla", "bolso", "botín"]
SHAPES_CLASSES = ["rectángulo", "círculo", "triángulo", "elipse"]
_SHAPE_NAMES = ("rectangle", "circle", "triangle", "ellipse")  # skimage.draw names, same order


def load_shapes_split(size=28, per_class=300, test_fraction=0.2, seed=0):
    """Formas geométricas sintéticas en gris: rectángulos, círculos, triángulos y elipses.

    Cada imagen tiene una sola forma blanca de tamaño, posición e intensidad aleatorios sobre
    fondo negro, más un poco de ruido gaussiano; se dibuja con
    ``skimage.draw.random_shapes``. Las clases son :data:`SHAPES_CLASSES`.

    Parameters
    ----------
    size : int
        Lado de las imágenes, ≥ 16.
    per_class : int
        Imágenes por clase (antes de dividir).
    test_fraction : float
        Fracción para prueba, en (0, 1).
    seed : int
        Semilla del generador.

    Returns
    -------
    tuple
        ``(x_train, y_train), (x_test, y_test)``: imágenes ``uint8`` (N, size, size) y
        etiquetas enteras 0–3, con el formato de ``keras.datasets``.
    """
    from skimage.draw import random_shapes

    if not isinstance(size, (int, np.integer)) or size < 16:
        raise ValueError(f"load_shapes_split: size debe ser un entero ≥ 16; se recibió {size!r}.")
    if not isinstance(per_class, (int, np.integer)) or per_class < 2:
        raise ValueError(f"load_shapes_split: per_class debe ser un entero ≥ 2; se recibió {per_class!r}.")
    if not 0.0 < test_fraction < 1.0:
        raise ValueError(f"load_shapes_split: test_fraction debe estar en (0, 1); se recibió {test_fraction!r}.")
    rng = np.random.default_rng(seed)
    images, labels = [], []
    for label, shape in enumerate(_SHAPE_NAMES):
        for _ in range(per_class):
            image, _ = random_shapes(
                (size, size), max_shapes=1, shape=shape, min_size=size // 3, max_size=size - 2,
                channel_axis=None, intensity_range=(0, 150), allow_overlap=False,
                rng=int(rng.integers(2**31)))
            inverted = 255.0 - image  # white shape on black, like MNIST
            inverted += rng.normal(0.0, 12.0, size=inverted.shape)
            images.append(np.clip(np.round(inverted), 0, 255).astype(np.uint8))
            labels.append(label)
    return _split(np.stack(images), np.asarray(labels, dtype=np.int64), test_fraction, seed)


def load_fashion_mnist():
    """Fashion-MNIST (Xiao, Rasul y Vollgraf, 2017): 60 000 + 10 000 prendas de 28×28 en gris.

    Diez clases (:data:`FASHION_MNIST_CLASSES`), mismo formato que MNIST y bastante más
    difícil. Lee los archivos originales de la réplica local (``$COURSE_DATA_DIR/fashion-mnist``)
    si la hay; si no, ``keras.datasets.fashion_mnist.load_data()``, que descarga el archivo una
    vez. Sin ninguna de las dos, avisa y devuelve en su lugar formas geométricas sintéticas de 28×28
    (:func:`load_shapes_split`, 4 clases, :data:`SHAPES_CLASSES`): el mismo formato, pero
    otro problema.

    Returns
    -------
    tuple
        ``(x_train, y_train), (x_test, y_test)``: imágenes ``uint8`` (N, 28, 28) y
        etiquetas enteras (N,).
    """
    import keras

    return _load_or_stand_in(
        _mirror_then("fashion-mnist", keras.datasets.fashion_mnist.load_data),
        load_shapes_split,
        what="Fashion-MNIST con keras.datasets.fashion_mnist",
        instead=("formas geométricas sintéticas de 28×28 (4 clases: rectángulo, círculo, "
                 "triángulo, elipse; skimage.draw.random_shapes), no prendas de ropa"),
    )


# --- Capítulo 9 ---

class TransferTask(tuple):
    """Una tarea de clasificación lista para transferir: ``(x_train, y_train, x_test, y_test)``.

    Se desempaqueta como una tupla de cuatro arrays y lleva además ``class_names`` (los
    nombres de las clases) y ``source`` (qué datos son: ``"tf_flowers"``, ``"dígitos 5–9"``...).
    Las imágenes son ``uint8`` (N, alto, ancho, canales); las etiquetas, enteros 0..K−1.
    """

    def __new__(cls, x_train, y_train, x_test, y_test, class_names, source):
        task = super().__new__(cls, (x_train, y_train, x_test, y_test))
        task.class_names, task.source = tuple(class_names), source
        return task

    x_train = property(lambda self: self[0])
    y_train = property(lambda self: self[1])
    x_test = property(lambda self: self[2])
    y_test = property(lambda self: self[3])


def take_per_class(x, y, per_class, seed=0):
    """Elige al azar ``per_class`` ejemplos de cada clase (para simular pocas etiquetas).

    Parameters
    ----------
    x, y : numpy.ndarray
        Ejemplos y etiquetas enteras, con la misma longitud.
    per_class : int or None
        Ejemplos por clase; ``None`` los deja todos.
    seed : int
        Semilla del sorteo.

    Returns
    -------
    tuple
        ``(x, y)`` con ``per_class`` ejemplos de cada clase, en orden aleatorio.
    """
    x, y = np.asarray(x), np.asarray(y)
    if len(x) != len(y):
        raise ValueError(f"take_per_class: x tiene {len(x)} ejemplos e y {len(y)} etiquetas; "
                         "se esperaba la misma longitud.")
    if per_class is None:
        return x, y
    counts = np.bincount(y)
    if not isinstance(per_class, (int, np.integer)) or per_class < 1 or per_class > counts[counts > 0].min():
        raise ValueError(f"take_per_class: per_class debe ser un entero entre 1 y {counts[counts > 0].min()} "
                         f"(la clase menos numerosa); se recibió {per_class!r}.")
    rng = np.random.default_rng(seed)
    chosen = np.concatenate([rng.choice(np.flatnonzero(y == c), per_class, replace=False)
                             for c in np.unique(y)])
    chosen = rng.permutation(chosen)
    return x[chosen], y[chosen]


def load_digit_halves(size=32, test_fraction=0.5, seed=0):
    """Los dígitos de scikit-learn partidos en dos tareas: 0–4 (origen) y 5–9 (destino).

    Es el laboratorio sin conexión del capítulo 9: una red se preentrena en los dígitos 0–4
    y se transfiere a los 5–9, que no ha visto nunca. Las etiquetas del destino se
    renumeran 5..9 → 0..4.

    Parameters
    ----------
    size : int
        Lado de las imágenes (el dígito se centra como en MNIST, :func:`load_digits_images`).
    test_fraction : float
        Fracción de cada tarea que se reserva para prueba (estratificada).
    seed : int
        Semilla de la partición.

    Returns
    -------
    source, target : TransferTask
        Imágenes ``uint8`` (N, size, size, 1) y etiquetas 0..4.
    """
    if not 0 < test_fraction < 1:
        raise ValueError(f"load_digit_halves: test_fraction debe estar en (0, 1); se recibió {test_fraction!r}.")
    images, labels = load_digits_images(size=size)
    images = images[..., np.newaxis]
    tasks = []
    for first, name in ((0, "dígitos 0–4"), (5, "dígitos 5–9")):
        keep = (labels >= first) & (labels < first + 5)
        (x_train, y_train), (x_test, y_test) = _split(images[keep], labels[keep] - first, test_fraction, seed)
        tasks.append(TransferTask(x_train, y_train, x_test, y_test,
                                  [str(d) for d in range(first, first + 5)], name))
    return tuple(tasks)


def _tfds_load(name, data_dir=None, before_download=None, **kwargs):
    """``tfds.load(name, **kwargs)``: primero de ``data_dir`` o de la réplica local
    (``$COURSE_DATA_DIR/tensorflow_datasets``) sin descargar nada; si no está preparado allí,
    de la red (tras ``before_download()``, que puede fallar pronto si no hay conexión)."""
    import tensorflow_datasets as tfds

    from .mirror import tfds_data_dir

    local = data_dir or tfds_data_dir()
    for folder in dict.fromkeys([local, None]):  # the mirror (or data_dir), then TFDS's own cache
        try:  # already downloaded and prepared: no network needed
            return tfds.load(name, data_dir=None if folder is None else str(folder), download=False, **kwargs)
        except Exception:
            continue
    if before_download is not None:
        before_download()
    return tfds.load(name, data_dir=None if data_dir is None else str(data_dir), download=True, **kwargs)


def _flowers_from_tfds(image_size, test_fraction, seed):
    import tensorflow as tf

    dataset, info = _tfds_load("tf_flowers", split="train", as_supervised=True, with_info=True)  # one split
    images, labels = [], []
    for image, label in dataset:
        resized = tf.image.resize(image, (image_size, image_size))  # bilinear, float32
        images.append(np.round(resized.numpy()).clip(0, 255).astype(np.uint8))
        labels.append(int(label))
    (x_train, y_train), (x_test, y_test) = _split(np.stack(images), np.array(labels, dtype=np.int64),
                                                  test_fraction, seed)
    return TransferTask(x_train, y_train, x_test, y_test, info.features["label"].names, "tf_flowers")


def load_flowers(image_size=160, test_fraction=0.2, seed=0):
    """tf_flowers (TensorFlow Team, 2019): 3670 fotos de flores de 5 clases, en color.

    Usa ``tensorflow_datasets.load("tf_flowers")``: primero de la réplica local
    (``$COURSE_DATA_DIR/tensorflow_datasets``); si no está, descarga unos 220 MB una vez y los
    guarda en ``~/tensorflow_datasets``. Redimensiona cada foto a ``image_size`` ×
    ``image_size`` y reserva ``test_fraction`` para prueba (estratificado). Sin conexión,
    avisa y devuelve en su lugar la tarea de destino del laboratorio del capítulo: los
    dígitos 5–9 de scikit-learn (:func:`load_digit_halves`).

    Returns
    -------
    TransferTask
        ``x_train, y_train, x_test, y_test`` (imágenes ``uint8`` (N, alto, ancho, canales)),
        con ``class_names`` y ``source`` (``"tf_flowers"`` o ``"dígitos 5–9"``).
    """
    if not isinstance(image_size, (int, np.integer)) or image_size < 32:
        raise ValueError(f"load_flowers: image_size debe ser un entero ≥ 32; se recibió {image_size!r}.")
    return _load_or_stand_in(
        lambda: _flowers_from_tfds(int(image_size), test_fraction, seed),
        lambda: load_digit_halves(test_fraction=0.5, seed=seed)[1],
        what="tf_flowers con tensorflow_datasets",
        instead="los dígitos 5–9 de scikit-learn (32×32, en gris), la tarea de destino del laboratorio",
    )


# --- Capítulo 8: segmentación ----------------------------------------------------------------

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


def _fail_fast_without_network(host, timeout=3.0):
    """Falla en segundos si no hay red, en lugar de esperar a que la descarga se rinda."""
    import socket

    with socket.create_connection((host, 443), timeout=timeout):
        pass


def _pets_from_tfds(size, n_train, n_test, data_dir):
    def load():
        import tensorflow as tf

        splits = _tfds_load("oxford_iiit_pet", data_dir, lambda: _fail_fast_without_network(_PETS_HOST),
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
    return _load_or_stand_in(
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


# --- CIFAR-10 (capítulo 5: aumento de color) -----------------------------------------------

_CIFAR_HOST = "www.cs.toronto.edu"
CIFAR10_CLASSES = ("avión", "automóvil", "pájaro", "gato", "ciervo", "perro", "rana", "caballo", "barco", "camión")


def _cifar10_from_keras():
    import os

    import keras

    cached = os.path.join(os.path.expanduser(os.environ.get("KERAS_HOME", "~/.keras")), "datasets",
                          "cifar-10-batches-py-target")  # where keras.datasets.cifar10 extracts it
    if not os.path.isdir(cached):  # not downloaded yet: fail in seconds without a network
        _fail_fast_without_network(_CIFAR_HOST)
    (x_train, y_train), (x_test, y_test) = keras.datasets.cifar10.load_data()
    return (x_train, y_train.reshape(-1).astype(np.int64)), (x_test, y_test.reshape(-1).astype(np.int64))


def _cifar10_stand_in(seed=0):
    """Los dígitos de scikit-learn a 32×32, cada uno con un color de trazo y de fondo al azar."""
    digits, labels = load_digits_images(size=32)
    rng = np.random.default_rng(seed)
    ink = rng.uniform(0, 255, size=(len(digits), 1, 1, 3))
    paper = rng.uniform(0, 255, size=(len(digits), 1, 1, 3))
    alpha = (np.asarray(digits, dtype=np.float64) / 255.0)[..., None]
    images = np.clip(alpha * ink + (1 - alpha) * paper, 0, 255).astype(np.uint8)
    order = rng.permutation(len(images))
    images, labels = images[order], np.asarray(labels)[order].astype(np.int64)
    cut = int(0.8 * len(images))
    return (images[:cut], labels[:cut]), (images[cut:], labels[cut:])


def load_cifar10():
    """CIFAR-10 (Krizhevsky, 2009): 50 000 fotos de entrenamiento y 10 000 de prueba, 32×32×3, 10 clases.

    Usa ``keras.datasets.cifar10`` (que descarga y guarda en caché la primera vez). Sin conexión
    y sin caché avisa con ``OfflineDataWarning`` y usa un sustituto: los dígitos de scikit-learn a
    32×32, cada uno con un color de trazo y de fondo al azar (1437 y 360 imágenes; la clase es el
    dígito, no el color). Las cifras con el sustituto no son comparables con las de CIFAR-10.

    Returns
    -------
    tuple
        ``(x_train, y_train), (x_test, y_test)``: imágenes ``uint8`` (N, 32, 32, 3) y etiquetas
        enteras (N,); los nombres de las clases están en ``CIFAR10_CLASSES``.
    """
    return _load_or_stand_in(_cifar10_from_keras, _cifar10_stand_in, "CIFAR-10",
                             "los dígitos de scikit-learn coloreados al azar (32×32×3)")
