"""Imágenes de ejemplo que vienen con scikit-image y scikit-learn: disponibles sin conexión."""
import numpy as np


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
