"""Los conjuntos de datos del libro: un cargador por conjunto.

Cada cargador mira primero en la réplica local (la carpeta ``COURSE_DATA_DIR``, ver
:mod:`course_utils.mirror`), después en la fuente real (``keras.datasets``,
``tensorflow_datasets``), que descarga y guarda en caché la primera vez. Sin conexión, cae en un sustituto que viene
dentro de una dependencia (``sklearn.datasets.load_digits``, imágenes de ``skimage.data``...)
y lo avisa con un ``OfflineDataWarning`` visible, en español.

Un módulo por familia de datos: :mod:`.images` (imágenes de ejemplo), :mod:`.digits` (MNIST),
:mod:`.fashion` (Fashion-MNIST), :mod:`.transfer` (capítulo 9), :mod:`.segmentation`
(capítulo 8) y :mod:`.cifar` (CIFAR-10); :mod:`._common`, lo que comparten.
"""
from ._common import OfflineDataWarning
from .cifar import CIFAR10_CLASSES, load_cifar10
from .digits import MNIST_SIZE, load_digits_images, load_digits_split, load_mnist
from .fashion import FASHION_MNIST_CLASSES, SHAPES_CLASSES, load_fashion_mnist, load_shapes_split
from .images import SAMPLE_IMAGES, list_sample_images, load_sample_image
from .segmentation import (PET_CLASSES, SHAPE_CLASSES, elastic_deformation, load_oxford_pets, load_shapes,
                           shapes_to_trimap)
from .transfer import TransferTask, load_digit_halves, load_flowers, take_per_class

__all__ = [
    "OfflineDataWarning", "SAMPLE_IMAGES", "list_sample_images", "load_sample_image",
    "MNIST_SIZE", "load_digits_images", "load_digits_split", "load_mnist",
    "FASHION_MNIST_CLASSES", "SHAPES_CLASSES", "load_fashion_mnist", "load_shapes_split",
    "TransferTask", "take_per_class", "load_digit_halves", "load_flowers",
    "SHAPE_CLASSES", "PET_CLASSES", "load_shapes", "shapes_to_trimap", "load_oxford_pets",
    "elastic_deformation", "CIFAR10_CLASSES", "load_cifar10",
]
