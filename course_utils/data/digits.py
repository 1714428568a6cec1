"""Dígitos manuscritos: MNIST y, como sustituto sin conexión, los 8×8 de scikit-learn escalados."""
import numpy as np

from ._common import load_or_stand_in, mirror_then, stratified_split

MNIST_SIZE = 28
_MNIST_DIGIT_BOX = 20  # MNIST centres each digit in a 20x20 box inside the 28x28 image


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


def load_digits_split(size=MNIST_SIZE, test_fraction=0.2, seed=0):
    """Los dígitos de scikit-learn, ya divididos en entrenamiento y prueba (estratificado).

    Returns
    -------
    tuple
        ``(x_train, y_train), (x_test, y_test)``, con el formato de ``keras.datasets.mnist``.
    """
    images, labels = load_digits_images(size=size)
    return stratified_split(images, labels, test_fraction, seed)


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

    return load_or_stand_in(
        mirror_then("mnist", keras.datasets.mnist.load_data),
        load_digits_split,
        what="MNIST con keras.datasets.mnist",
        instead="los 1797 dígitos de scikit-learn (load_digits) escalados a 28×28",
    )
