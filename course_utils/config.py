"""Modo de ejecución (completo o rápido), semillas y dispositivo.

El modo rápido (variable de entorno ``COURSE_QUICK=1``) recorre los mismos pasos con
pocas épocas y muestras pequeñas, para que cada cuaderno se ejecute en una CPU modesta
en alrededor de un minuto. Es el que usan las pruebas.
"""
import contextlib
import os
import sys

from . import tfdata

QUICK_ENV = "COURSE_QUICK"
DEFAULT_SEED = 42
_TRUE = {"1", "true", "yes", "si", "sí", "on"}


def is_quick():
    """Indica si el libro se ejecuta en modo rápido (``COURSE_QUICK=1``)."""
    return os.environ.get(QUICK_ENV, "").strip().lower() in _TRUE


def budget(full, quick):
    """Devuelve ``quick`` en modo rápido y ``full`` en modo completo.

    Parameters
    ----------
    full : object
        Valor del modo completo (épocas, tamaño de muestra...).
    quick : object
        Valor del modo rápido.

    Examples
    --------
    >>> epochs = budget(full=15, quick=1)
    """
    return quick if is_quick() else full


def device_name():
    """Nombre legible del dispositivo que usará TensorFlow: la GPU o la CPU."""
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    if not gpus:
        return "CPU"
    details = tf.config.experimental.get_device_details(gpus[0])
    return f"GPU ({details.get('device_name', gpus[0].name)})"


@contextlib.contextmanager
def _quiet_native_stderr():
    """Silence the C++ start-up lines TensorFlow writes straight to file descriptor 2
    (oneDNN notices, "could not find cuda drivers") that no log level turns off."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no real descriptor 2 (some embedded consoles)
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def _plot_style():
    import matplotlib as mpl

    mpl.rcParams.update({
        "figure.figsize": (6.4, 4.0),
        "figure.dpi": 100,
        "image.cmap": "gray",
        "image.interpolation": "nearest",  # a pixel is a square, not a blur
        "axes.grid": False,
        "axes.titlesize": "medium",
    })


def enable_onednn():
    """Activa las operaciones oneDNN de TensorFlow en CPU, salvo que ``TF_ENABLE_ONEDNN_OPTS`` ya diga otra cosa.

    En Linux, TensorFlow solo las activa por defecto en CPUs con instrucciones para redes
    neuronales (AVX-512 VNNI o BF16, AVX-VNNI, AMX); en el resto (muchas AMD, Intel anteriores)
    convoluciones y pooling usan las rutinas genéricas de Eigen. En la CPU AMD EPYC de 2 núcleos
    del proyecto, un paso de entrenamiento de la CNN del capítulo 4 pasa de unos 105 ms a 60–77 ms
    (``scripts/benchmark_mnist_epoch.py``). Las sumas se hacen en otro orden, y
    un entrenamiento amplifica esa diferencia de redondeo: cada semilla da un resultado algo distinto,
    como al cambiar de semilla. Solo surte efecto antes de importar TensorFlow.
    """
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "1")


class StatusLine(str):
    """La línea de estado de :func:`setup`: un ``str`` que el cuaderno no vuelve a mostrar.

    ``setup()`` ya la escribe; si una celda termina en ``setup()``, IPython mostraría además el
    valor devuelto y la línea saldría dos veces. Con ``_ipython_display_`` vacío no se muestra.
    """

    def _ipython_display_(self):
        pass


def setup(seed=DEFAULT_SEED, verbose=True, tensorflow=True):
    """Prepara un cuaderno: semillas, registro de TensorFlow, estilo de las figuras.

    Fija las semillas de Python, NumPy y TensorFlow con
    ``keras.utils.set_random_seed``, baja el nivel de registro de TensorFlow, activa oneDNN en
    CPU (:func:`enable_onednn`), evita que Keras espere al cerrar cada época
    (:func:`course_utils.tfdata.patch_keras_datasets`) y escribe
    una línea con el dispositivo (GPU o CPU) y el modo de ejecución.

    Parameters
    ----------
    seed : int
        Semilla común para todos los generadores aleatorios.
    verbose : bool
        Si es ``True``, escribe la línea de dispositivo y modo.
    tensorflow : bool
        ``False`` en los cuadernos que solo usan NumPy: fija las semillas de Python y
        NumPy sin cargar TensorFlow, que tarda varios segundos en importarse.

    Returns
    -------
    StatusLine
        La línea de estado (un ``str``), p. ej.
        ``"Dispositivo: CPU · modo rápido (COURSE_QUICK=1) · semilla 42"``. El cuaderno no la muestra
        como resultado de la celda: ya se ha escrito una vez.
    """
    if not isinstance(seed, int) or seed < 0:
        raise ValueError(f"setup: la semilla debe ser un entero no negativo; se recibió {seed!r}.")
    _plot_style()
    mode = f"modo rápido ({QUICK_ENV}=1)" if is_quick() else "modo completo"
    if tensorflow:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # must be set before TensorFlow loads
        enable_onednn()
        with _quiet_native_stderr():
            import keras
            import tensorflow as tf

            device = device_name()
        tf.get_logger().setLevel("ERROR")
        tfdata.patch_keras_datasets()
        keras.utils.set_random_seed(seed)  # Python, NumPy and TensorFlow at once
    else:
        import random

        import numpy as np

        random.seed(seed)
        np.random.seed(seed)
        device = "solo NumPy (TensorFlow no se carga)"
    line = StatusLine(f"Dispositivo: {device} · {mode} · semilla {seed}")
    if verbose:
        print(line, file=sys.stdout)
    return line


# --- Formato de los números ----------------------------------------------------------------
# Una sola convención en todo el libro (la que recomienda la RAE): punto decimal y un espacio fino
# (U+202F, que no separa la línea) entre grupos de tres cifras, solo en números de más de cuatro
# cifras: 1516, 61 706, 0.25. El signo % va separado por el mismo espacio fino: 99.2 %.
THIN_SPACE = "\u202f"


def fmt_number(value, decimals=None):
    """Escribe ``value`` con la convención numérica del libro.

    Parameters
    ----------
    value : int or float
    decimals : int, optional
        Cifras decimales; por defecto, ninguna para enteros y las que haga falta para un real.

    Examples
    --------
    >>> fmt_number(61706)
    '61\\u202f706'
    >>> fmt_number(0.98765, 3)
    '0.988'
    """
    import numbers

    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"fmt_number: se esperaba un número; se recibió {value!r}.")
    if decimals is None:
        text = str(int(value)) if float(value).is_integer() and isinstance(value, numbers.Integral) else repr(float(value))
    else:
        if not isinstance(decimals, int) or decimals < 0:
            raise ValueError(f"fmt_number: decimals debe ser un entero ≥ 0; se recibió {decimals!r}.")
        text = f"{float(value):.{decimals}f}"
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, dot, fraction = text.partition(".")
    if len(whole) > 4:
        groups = []
        while whole:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = THIN_SPACE.join(groups)
    return sign + whole + dot + fraction


def fmt_percent(fraction, decimals=2):
    """Escribe una proporción (0.9921) como porcentaje del libro: ``'99.21 %'`` (espacio fino)."""
    return f"{fmt_number(100 * float(fraction), decimals)}{THIN_SPACE}%"
