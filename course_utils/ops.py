"""Implementaciones de referencia en NumPy de las operaciones que explica el libro.

Son deliberadamente sencillas y legibles: sirven para entender qué calcula una capa de
Keras y para comprobar que coincide. No pretenden ser rápidas. Cada sección corresponde a
un capítulo (convolución, pooling, fórmulas de tamaño de salida, campo receptivo...).
"""
import numpy as np

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
    """Campo receptivo de una pila cualquiera de capas (convoluciones o poolings).

    Recorre las capas de la entrada a la salida llevando el *salto* ``j`` (distancia en
    píxeles de entrada entre dos neuronas vecinas de la capa actual):
    :math:`r \\leftarrow r + (k - 1)\\,j` y después :math:`j \\leftarrow j\\,s`.

    Parameters
    ----------
    layers : sequence of (int, int)
        ``(kernel_size, stride)`` de cada capa, en orden; un pooling 2×2 es ``(2, 2)``.

    Returns
    -------
    int
        Lado de la zona de la entrada que ve una neurona de la última capa.

    Examples
    --------
    >>> stacked_receptive_field([(3, 1), (3, 1), (3, 1)])
    7
    >>> stacked_receptive_field([(3, 1), (2, 2), (3, 1)])  # conv, pool, conv
    8
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
    return field


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
