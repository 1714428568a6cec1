"""Fashion-MNIST y su sustituto sin conexión, formas geométricas en gris (capítulo 4)."""
import numpy as np

from ._common import load_or_stand_in, mirror_then, stratified_split

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
    return stratified_split(np.stack(images), np.asarray(labels, dtype=np.int64), test_fraction, seed)


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

    return load_or_stand_in(
        mirror_then("fashion-mnist", keras.datasets.fashion_mnist.load_data),
        load_shapes_split,
        what="Fashion-MNIST con keras.datasets.fashion_mnist",
        instead=("formas geométricas sintéticas de 28×28 (4 clases: rectángulo, círculo, "
                 "triángulo, elipse; skimage.draw.random_shapes), no prendas de ropa"),
    )
