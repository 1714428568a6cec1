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


def conv_macs(out_height, out_width, kernel_size, in_channels, filters):
    """Multiplicaciones-sumas (MAC) de una capa ``Conv2D``: ``H2·W2·K·K·C·F``.

    Cada una de las ``H2·W2·F`` salidas es una suma de ``K·K·C`` productos; el sesgo (una suma
    por salida) no se cuenta. Un GMAC son 10⁹ MAC.

    Examples
    --------
    >>> conv_macs(112, 112, 3, 64, 128)
    924844032
    """
    out_height = _check_int("out_height", out_height, 1)
    out_width = _check_int("out_width", out_width, 1)
    kernel_size = _check_int("kernel_size", kernel_size, 1)
    in_channels = _check_int("in_channels", in_channels, 1)
    filters = _check_int("filters", filters, 1)
    return out_height * out_width * kernel_size * kernel_size * in_channels * filters


def dilate_kernel(kernel, rate):
    """Núcleo dilatado: inserta ``rate − 1`` ceros entre cada dos pesos vecinos.

    Un núcleo ``K × K`` con dilatación ``d`` ocupa ``d(K − 1) + 1`` píxeles de lado pero sigue
    teniendo ``K·K`` pesos; correlacionar con él es lo que hace ``Conv2D(dilation_rate=d)``.

    Parameters
    ----------
    kernel : array_like
        Núcleo (K, K) o (K, K, C, F); se dilatan los dos primeros ejes.
    rate : int
        Dilatación ``d ≥ 1`` (1 devuelve una copia del núcleo).

    Examples
    --------
    >>> dilate_kernel(np.ones((2, 2)), 2)
    array([[1., 0., 1.],
           [0., 0., 0.],
           [1., 0., 1.]])
    """
    kernel = np.asarray(kernel, dtype=np.float64)
    if kernel.ndim not in (2, 4) or kernel.shape[0] != kernel.shape[1]:
        raise ValueError(f"dilate_kernel: se esperaba un núcleo (K, K) o (K, K, C, F); "
                         f"se recibió la forma {kernel.shape}.")
    rate = _check_int("rate", rate, 1)
    side = rate * (kernel.shape[0] - 1) + 1
    out = np.zeros((side, side) + kernel.shape[2:])
    out[::rate, ::rate] = kernel
    return out


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


# --- Pooling ---

POOL_MODES = ("max", "avg", "min")
_POOL_REDUCERS = {"max": np.max, "avg": np.mean, "min": np.min}


def _positive_int(value, name, where):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"{where}: {name} debe ser un entero positivo; se recibió {value!r}.")
    return int(value)


def pool_output_size(n, size, stride=None):
    """Lado de la salida de un pooling sin relleno (``padding="valid"`` de Keras).

    .. math:: n_\\text{salida} = \\left\\lfloor \\frac{n - F}{S} \\right\\rfloor + 1

    Las ventanas que no caben enteras se descartan.

    Parameters
    ----------
    n : int
        Lado de la entrada (alto o ancho).
    size : int
        Lado ``F`` de la ventana.
    stride : int, optional
        Paso ``S``; por defecto igual a ``size``, como en Keras.

    Returns
    -------
    int

    Examples
    --------
    >>> pool_output_size(4, 2, 2), pool_output_size(55, 3, 2), pool_output_size(7, 2, 2)
    (2, 27, 3)
    """
    n = _positive_int(n, "n", "pool_output_size")
    size = _positive_int(size, "size", "pool_output_size")
    stride = size if stride is None else _positive_int(stride, "stride", "pool_output_size")
    if size > n:
        raise ValueError(f"pool_output_size: la ventana ({size}) no cabe en una entrada de lado {n}.")
    return (n - size) // stride + 1


def pool2d(x, size=2, stride=None, mode="max"):
    """Pooling 2D (máximo, media o mínimo) de un mapa (H, W) o de cada canal de (H, W, C).

    Cada canal se reduce por separado; las ventanas de ``size × size`` se colocan cada
    ``stride`` píxeles y las que no caben enteras se descartan (``padding="valid"``), como
    hacen ``keras.layers.MaxPooling2D`` y ``AveragePooling2D``.

    Parameters
    ----------
    x : array_like
        Mapa de características (H, W) o volumen (H, W, C).
    size : int
        Lado ``F`` de la ventana.
    stride : int, optional
        Paso ``S``; por defecto igual a ``size``.
    mode : {"max", "avg", "min"}
        Reducción dentro de cada ventana.

    Returns
    -------
    numpy.ndarray
        (H2, W2) o (H2, W2, C), con H2 = ⌊(H − F)/S⌋ + 1 y lo mismo para W2. El máximo y el
        mínimo conservan el ``dtype`` de la entrada; la media es real.

    Examples
    --------
    >>> x = np.array([[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]])
    >>> pool2d(x, 2, 2, "max")
    array([[6, 8],
           [3, 4]])
    """
    x = np.asarray(x)
    if x.ndim not in (2, 3):
        raise ValueError(f"pool2d: se esperaba un mapa (H, W) o un volumen (H, W, C); "
                         f"se recibió un array de forma {x.shape}.")
    if not np.issubdtype(x.dtype, np.number) or np.issubdtype(x.dtype, np.complexfloating):
        raise ValueError(f"pool2d: se esperaban números reales; se recibió dtype {x.dtype}.")
    if mode not in POOL_MODES:
        raise ValueError(f"pool2d: mode debe ser uno de {POOL_MODES}; se recibió {mode!r}.")
    size = _positive_int(size, "size", "pool2d")
    stride = size if stride is None else _positive_int(stride, "stride", "pool2d")
    height, width = x.shape[:2]
    if size > min(height, width):
        raise ValueError(f"pool2d: la ventana {size}×{size} no cabe en un mapa {height}×{width}.")
    windows = np.lib.stride_tricks.sliding_window_view(x, (size, size), axis=(0, 1))
    windows = windows[::stride, ::stride]  # (H2, W2[, C], F, F)
    return _POOL_REDUCERS[mode](windows, axis=(-2, -1))


def global_average_pool(x):
    """Media de cada canal sobre todo el mapa: (H, W, C) → (C,), como ``GlobalAveragePooling2D``.

    Parameters
    ----------
    x : array_like
        Volumen (H, W, C).

    Returns
    -------
    numpy.ndarray
        Vector (C,) con la media de cada canal.
    """
    x = np.asarray(x)
    if x.ndim != 3:
        raise ValueError(f"global_average_pool: se esperaba un volumen (H, W, C); "
                         f"se recibió la forma {x.shape}.")
    return x.mean(axis=(0, 1))


def receptive_field(num_layers, kernel_size=3):
    """Campo receptivo (lado) de ``num_layers`` convoluciones ``k × k`` apiladas con paso 1.

    Cada capa añade ``k − 1`` píxeles al lado de lo que ve la anterior:
    :math:`r_L = L\\,(k - 1) + 1`. Tres 3×3 ven 7×7.

    Parameters
    ----------
    num_layers : int
        Número de convoluciones apiladas ``L`` (0 da 1: un píxel se ve a sí mismo).
    kernel_size : int
        Lado ``k`` de cada filtro.

    Returns
    -------
    int

    Examples
    --------
    >>> [receptive_field(n) for n in (1, 2, 3)]
    [3, 5, 7]
    """
    if isinstance(num_layers, bool) or not isinstance(num_layers, (int, np.integer)) or num_layers < 0:
        raise ValueError(f"receptive_field: num_layers debe ser un entero ≥ 0; se recibió {num_layers!r}.")
    kernel_size = _positive_int(kernel_size, "kernel_size", "receptive_field")
    return int(num_layers) * (kernel_size - 1) + 1


def stacked_receptive_field(layers):
    """Campo receptivo y salto de una pila cualquiera de capas (convoluciones o poolings).

    Recorre las capas de la entrada a la salida llevando el *salto* ``j`` (distancia en
    píxeles de entrada entre dos neuronas vecinas de la capa actual):
    :math:`r \\leftarrow r + (K - 1)\\,j` y después :math:`j \\leftarrow j\\,S`, desde
    :math:`r = j = 1`. Es la misma función que pide la tarea 3.

    Parameters
    ----------
    layers : sequence of (int, int)
        ``(kernel_size, stride)`` de cada capa, en orden; un pooling 2×2 es ``(2, 2)``.

    Returns
    -------
    tuple of int
        ``(campo_receptivo, salto)``: el lado de la zona de la entrada que ve una neurona de la
        última capa y la distancia, en píxeles de entrada, entre dos neuronas vecinas de esa capa.

    Examples
    --------
    >>> stacked_receptive_field([(3, 1), (3, 1), (3, 1)])
    (7, 1)
    >>> stacked_receptive_field([(3, 1), (2, 2), (3, 1)])  # conv, pool, conv
    (8, 2)
    """
    field, jump = 1, 1
    for index, layer in enumerate(layers):
        try:
            kernel, stride = layer
        except (TypeError, ValueError):
            raise ValueError(f"stacked_receptive_field: la capa {index} debe ser un par "
                             f"(kernel_size, stride); se recibió {layer!r}.") from None
        kernel = _positive_int(kernel, f"kernel_size de la capa {index}", "stacked_receptive_field")
        stride = _positive_int(stride, f"stride de la capa {index}", "stacked_receptive_field")
        field += (kernel - 1) * jump
        jump *= stride
    return field, jump


def stack_vs_single_params(channels, kernel_size=3, num_layers=3):
    """Pesos (sin sesgo) de una pila de convoluciones frente a una sola con el mismo campo receptivo.

    Todas las capas tienen ``C`` canales de entrada y ``C`` de salida. La pila tiene
    :math:`L\\,k^2 C^2` pesos; la convolución única, de lado :math:`K = L(k - 1) + 1`, tiene
    :math:`K^2 C^2`. Con tres 3×3: :math:`27C^2` frente a :math:`49C^2` (una 7×7).

    Parameters
    ----------
    channels : int
        Canales ``C`` de entrada y de salida de cada capa.
    kernel_size : int
        Lado ``k`` de los filtros de la pila.
    num_layers : int
        Número ``L`` de capas de la pila.

    Returns
    -------
    tuple of int
        ``(pila, única)``.

    Examples
    --------
    >>> stack_vs_single_params(64)
    (110592, 200704)
    """
    channels = _positive_int(channels, "channels", "stack_vs_single_params")
    kernel_size = _positive_int(kernel_size, "kernel_size", "stack_vs_single_params")
    num_layers = _positive_int(num_layers, "num_layers", "stack_vs_single_params")
    single_side = receptive_field(num_layers, kernel_size)
    stack = num_layers * kernel_size ** 2 * channels ** 2
    single = single_side ** 2 * channels ** 2
    return stack, single


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

    Usa :func:`skimage.metrics.peak_signal_noise_ratio`, que calcula la fórmula de :func:`psnr`
    (la referencia que explica el capítulo 7) imagen por imagen.

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
    if not np.isfinite(data_range) or data_range <= 0:
        raise ValueError(
            f"psnr_per_image: data_range debe ser un número positivo; se recibió {data_range!r}.")
    from skimage.metrics import peak_signal_noise_ratio

    reference = reference.astype(np.float64)
    images = images.astype(np.float64)
    with np.errstate(divide="ignore"):  # imágenes idénticas: PSNR infinita, como psnr()
        return np.array([peak_signal_noise_ratio(r, x, data_range=data_range)
                         for r, x in zip(reference, images)])
