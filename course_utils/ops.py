"""Implementaciones de referencia en NumPy de las operaciones que explica el libro."""
import numpy as np


# --- Capítulo 7 ---

def psnr(reference, image, data_range=1.0):
    """Relación señal-ruido de pico (PSNR) en decibelios entre una imagen y su referencia.

    .. math:: \\mathrm{PSNR} = 10 \\log_{10} \\frac{R^2}{\\mathrm{MSE}}, \\qquad
              \\mathrm{MSE} = \\frac{1}{n} \\sum_i (x_i - \\hat x_i)^2

    donde :math:`R` es el rango de los datos (1 para imágenes en [0, 1], 255 para ``uint8``).
    Cuanto más alta, más se parece ``image`` a ``reference``; si son idénticas es infinita.

    Parameters
    ----------
    reference : array_like
        La imagen limpia (cualquier forma).
    image : array_like
        La imagen que se evalúa (ruidosa, reconstruida...), de la misma forma.
    data_range : float
        Diferencia entre el valor máximo y el mínimo posibles de un píxel.

    Returns
    -------
    float
        La PSNR en dB (``inf`` si las imágenes son iguales).

    Examples
    --------
    >>> round(psnr([0.0, 1.0], [0.1, 0.9]), 2)
    20.0
    """
    reference = np.asarray(reference, dtype=np.float64)
    image = np.asarray(image, dtype=np.float64)
    if reference.shape != image.shape:
        raise ValueError(
            f"psnr: las dos imágenes deben tener la misma forma; se recibieron {reference.shape} "
            f"y {image.shape}.")
    if reference.size == 0:
        raise ValueError("psnr: las imágenes están vacías.")
    if not np.isfinite(data_range) or data_range <= 0:
        raise ValueError(f"psnr: data_range debe ser un número positivo; se recibió {data_range!r}.")
    mse = np.mean((reference - image) ** 2)
    if mse == 0:
        return float("inf")
    return float(10 * np.log10(data_range ** 2 / mse))


def psnr_per_image(reference, images, data_range=1.0):
    """PSNR de cada imagen de un lote frente a su referencia: array (N,) en dB.

    Parameters
    ----------
    reference, images : array_like
        Lotes de la misma forma (N, ...): la primera dimensión recorre las imágenes.
    data_range : float
        Rango de los datos (1 para imágenes en [0, 1]).

    Returns
    -------
    numpy.ndarray
        ``float64`` de forma (N,).
    """
    reference = np.asarray(reference)
    images = np.asarray(images)
    if reference.shape != images.shape or reference.ndim < 2:
        raise ValueError(
            "psnr_per_image: se esperaban dos lotes (N, ...) de la misma forma; se recibieron "
            f"{reference.shape} y {images.shape}.")
    return np.array([psnr(r, x, data_range) for r, x in zip(reference, images)])
