"""CIFAR-10 (capítulo 5: aumento de color) y su sustituto sin conexión, dígitos coloreados."""
import numpy as np

from ._common import fail_fast_without_network, load_or_stand_in
from .digits import load_digits_images

_CIFAR_HOST = "www.cs.toronto.edu"
CIFAR10_CLASSES = ("avión", "automóvil", "pájaro", "gato", "ciervo", "perro", "rana", "caballo", "barco", "camión")


def _cifar10_from_keras():
    import os

    import keras

    cached = os.path.join(os.path.expanduser(os.environ.get("KERAS_HOME", "~/.keras")), "datasets",
                          "cifar-10-batches-py-target")  # where keras.datasets.cifar10 extracts it
    if not os.path.isdir(cached):  # not downloaded yet: fail in seconds without a network
        fail_fast_without_network(_CIFAR_HOST)
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
    return load_or_stand_in(_cifar10_from_keras, _cifar10_stand_in, "CIFAR-10",
                             "los dígitos de scikit-learn coloreados al azar (32×32×3)")
