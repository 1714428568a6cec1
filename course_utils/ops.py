"""Implementaciones de referencia, en NumPy, de las operaciones que explica el libro.

Son las versiones «de pizarra»: claras antes que rápidas, con las mismas convenciones que
Keras (imágenes (H, W, C), núcleos (K, K, C, F), correlación cruzada sin voltear el núcleo) para
poder comparar sus resultados con los de ``keras.layers.Conv2D`` y compañía.
"""
import numpy as np

# --- Convolución ---


def _check_int(name, value, minimum):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{name} debe ser un entero ≥ {minimum}; se recibió {value!r}.")
    return int(value)


def _as_float_array(name, array, ndim, shape_text):
    array = np.asarray(array)
    if array.ndim != ndim:
        raise ValueError(f"{name}: se esperaba un array {shape_text}; se recibió la forma {array.shape}.")
    if not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise ValueError(f"{name}: se esperaban números y se recibió dtype {array.dtype}.")
    return array.astype(np.float64)


def conv_output_size(n, kernel_size, padding=0, stride=1):
    """Lado de la salida de una convolución: ``(n − k + 2p) // s + 1``.

    Parameters
    ----------
    n : int
        Lado de la entrada (alto o ancho), en píxeles.
    kernel_size : int
        Lado del núcleo, ``k``.
    padding : int
        Ceros añadidos a cada lado, ``p``.
    stride : int
        Paso con el que se desliza el núcleo, ``s``.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        Si algún argumento no es un entero válido o si el núcleo no cabe en la entrada
        rellenada (``k > n + 2p``).

    Examples
    --------
    >>> conv_output_size(5, 3)
    3
    >>> conv_output_size(32, 3, padding=1, stride=2)
    16
    """
    n = _check_int("n", n, 1)
    kernel_size = _check_int("kernel_size", kernel_size, 1)
    padding = _check_int("padding", padding, 0)
    stride = _check_int("stride", stride, 1)
    if kernel_size > n + 2 * padding:
        raise ValueError(
            f"El núcleo de lado {kernel_size} no cabe en una entrada de lado {n} con padding={padding} "
            f"(lado rellenado {n + 2 * padding})."
        )
    return (n - kernel_size + 2 * padding) // stride + 1


def pad2d(image, padding):
    """Rellena con ``padding`` ceros los cuatro lados de una imagen (H, W) o (H, W, C).

    Los canales, si los hay, no se rellenan.

    Examples
    --------
    >>> pad2d(np.ones((2, 2)), 1).shape
    (4, 4)
    """
    padding = _check_int("padding", padding, 0)
    image = np.asarray(image)
    if image.ndim not in (2, 3):
        raise ValueError(f"pad2d: se esperaba una imagen (H, W) o (H, W, C); se recibió la forma {image.shape}.")
    widths = [(padding, padding), (padding, padding)] + [(0, 0)] * (image.ndim - 2)
    return np.pad(image, widths, mode="constant", constant_values=0)


def conv2d(image, kernel, stride=1, padding=0):
    """Convolución 2D de un solo canal, tal como la calculan las redes: correlación cruzada.

    ``out[i, j] = Σ_{m,n} kernel[m, n] · P[i·s + m, j·s + n]``, donde ``P`` es la imagen con
    ``padding`` ceros en cada lado. El núcleo **no** se voltea.

    Parameters
    ----------
    image : array_like
        Matriz (H, W).
    kernel : array_like
        Matriz (Kh, Kw), normalmente cuadrada (3×3, 5×5...).
    stride : int
        Paso del deslizamiento, el mismo en filas y columnas.
    padding : int
        Ceros añadidos a cada lado de la imagen.

    Returns
    -------
    numpy.ndarray
        ``float64`` de forma (H2, W2), con ``H2 = conv_output_size(H, Kh, padding, stride)``.

    Examples
    --------
    >>> conv2d(np.arange(16).reshape(4, 4), np.ones((3, 3))).tolist()
    [[45.0, 54.0], [81.0, 90.0]]
    """
    image = _as_float_array("conv2d (image)", image, 2, "(H, W)")
    kernel = _as_float_array("conv2d (kernel)", kernel, 2, "(Kh, Kw)")
    stride = _check_int("stride", stride, 1)
    height = conv_output_size(image.shape[0], kernel.shape[0], padding, stride)
    width = conv_output_size(image.shape[1], kernel.shape[1], padding, stride)
    padded = pad2d(image, padding)
    out = np.zeros((height, width))
    # One shifted, strided view of the image per kernel weight: K·K array operations, no pixel loop.
    for m in range(kernel.shape[0]):
        for n in range(kernel.shape[1]):
            window = padded[m:m + stride * (height - 1) + 1:stride, n:n + stride * (width - 1) + 1:stride]
            out += kernel[m, n] * window
    return out


def conv2d_multichannel(x, kernels, bias=None, stride=1, padding=0):
    """Capa convolucional completa: varios canales de entrada, varios filtros y sesgo.

    ``out[i, j, f] = Σ_{m,n,c} kernels[m, n, c, f] · P[i·s + m, j·s + n, c] + bias[f]``:
    cada filtro tiene la profundidad de la entrada, suma sobre todos sus canales y produce
    un canal de salida. Es lo que calcula ``keras.layers.Conv2D`` con ``padding="valid"``
    sobre la entrada rellenada.

    Parameters
    ----------
    x : array_like
        Entrada (H, W, C).
    kernels : array_like
        Filtros (K, K, C, F), en el orden de ``Conv2D.kernel`` de Keras.
    bias : array_like or None
        Sesgos (F,); ``None`` equivale a ceros.
    stride, padding : int
        Como en :func:`conv2d`.

    Returns
    -------
    numpy.ndarray
        ``float64`` de forma (H2, W2, F).
    """
    x = _as_float_array("conv2d_multichannel (x)", x, 3, "(H, W, C)")
    kernels = _as_float_array("conv2d_multichannel (kernels)", kernels, 4, "(K, K, C, F)")
    if kernels.shape[2] != x.shape[2]:
        raise ValueError(
            f"conv2d_multichannel: la entrada tiene {x.shape[2]} canales pero los filtros tienen "
            f"profundidad {kernels.shape[2]}; cada filtro debe tener tantos canales como la entrada."
        )
    filters = kernels.shape[3]
    bias = np.zeros(filters) if bias is None else _as_float_array("conv2d_multichannel (bias)", bias, 1, "(F,)")
    if bias.shape != (filters,):
        raise ValueError(f"conv2d_multichannel: se esperaba un sesgo por filtro, forma ({filters},); "
                         f"se recibió {bias.shape}.")
    stride = _check_int("stride", stride, 1)
    height = conv_output_size(x.shape[0], kernels.shape[0], padding, stride)
    width = conv_output_size(x.shape[1], kernels.shape[1], padding, stride)
    padded = pad2d(x, padding)
    out = np.zeros((height, width, filters))
    for m in range(kernels.shape[0]):
        for n in range(kernels.shape[1]):
            window = padded[m:m + stride * (height - 1) + 1:stride, n:n + stride * (width - 1) + 1:stride]
            out += window @ kernels[m, n]  # (H2, W2, C) @ (C, F): sums over the input channels
    return out + bias


def conv_params(kernel_size, in_channels, filters, use_bias=True):
    """Parámetros entrenables de una capa ``Conv2D``: ``K·K·C·F`` pesos más ``F`` sesgos.

    Examples
    --------
    >>> conv_params(3, 3, 32)
    896
    """
    kernel_size = _check_int("kernel_size", kernel_size, 1)
    in_channels = _check_int("in_channels", in_channels, 1)
    filters = _check_int("filters", filters, 1)
    return kernel_size * kernel_size * in_channels * filters + (filters if use_bias else 0)


def receptive_window(row, col, kernel_size, stride=1, padding=0):
    """Píxeles de la entrada que ve la salida ``(row, col)``: filas y columnas, como ``range``.

    Los índices son los de la imagen **sin** rellenar, así que pueden ser negativos o pasar del
    borde: esas posiciones son ceros del padding.

    Examples
    --------
    >>> receptive_window(1, 2, kernel_size=3, stride=2, padding=1)
    (range(1, 4), range(3, 6))
    """
    row, col = _check_int("row", row, 0), _check_int("col", col, 0)
    kernel_size = _check_int("kernel_size", kernel_size, 1)
    stride, padding = _check_int("stride", stride, 1), _check_int("padding", padding, 0)
    top, left = row * stride - padding, col * stride - padding
    return range(top, top + kernel_size), range(left, left + kernel_size)


def relu(x):
    """Unidad lineal rectificada, ``max(0, x)`` elemento a elemento."""
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)


# Filtros clásicos diseñados a mano (nombre -> núcleo 3×3), en la convención de correlación.
KERNELS = {
    "identidad": np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=float),
    "desenfoque": np.full((3, 3), 1 / 9),
    "realce": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=float),
    "Sobel X": np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=float),
    "Sobel Y": np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=float),
    "Prewitt X": np.array([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]], dtype=float),
    "Prewitt Y": np.array([[-1, -1, -1], [0, 0, 0], [1, 1, 1]], dtype=float),
    "Laplaciano": np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=float),
}


def named_kernel(name):
    """Copia del núcleo ``name`` de :data:`KERNELS` (``"Sobel X"``, ``"desenfoque"``...)."""
    if name not in KERNELS:
        raise ValueError(f"No hay ningún filtro llamado {name!r}; se esperaba uno de: {', '.join(KERNELS)}.")
    return KERNELS[name].copy()
