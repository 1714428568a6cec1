"""Tareas de transferencia del capítulo 9: tf_flowers y, sin conexión, los dígitos 0–4 y 5–9."""
import numpy as np

from ._common import load_or_stand_in, stratified_split, tfds_load
from .digits import load_digits_images


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
        (x_train, y_train), (x_test, y_test) = stratified_split(images[keep], labels[keep] - first, test_fraction, seed)
        tasks.append(TransferTask(x_train, y_train, x_test, y_test,
                                  [str(d) for d in range(first, first + 5)], name))
    return tuple(tasks)


def _flowers_from_tfds(image_size, test_fraction, seed):
    import tensorflow as tf

    dataset, info = tfds_load("tf_flowers", split="train", as_supervised=True, with_info=True)  # one split
    images, labels = [], []
    for image, label in dataset:
        resized = tf.image.resize(image, (image_size, image_size))  # bilinear, float32
        images.append(np.round(resized.numpy()).clip(0, 255).astype(np.uint8))
        labels.append(int(label))
    (x_train, y_train), (x_test, y_test) = stratified_split(np.stack(images), np.array(labels, dtype=np.int64),
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
    return load_or_stand_in(
        lambda: _flowers_from_tfds(int(image_size), test_fraction, seed),
        lambda: load_digit_halves(test_fraction=0.5, seed=seed)[1],
        what="tf_flowers con tensorflow_datasets",
        instead="los dígitos 5–9 de scikit-learn (32×32, en gris), la tarea de destino del laboratorio",
    )
