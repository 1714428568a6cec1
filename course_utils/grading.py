"""Comprobaciones que usan las pruebas de las tareas, con mensajes en español.

Cada ``check_*`` lanza ``AssertionError`` con un mensaje que dice qué se esperaba y qué se
obtuvo, p. ej. «conv2d con stride=2: se esperaba forma (2, 2) y se obtuvo (4, 4)».

Defensas contra las trampas habituales:

* Las pruebas ocultas recargan este módulo (:func:`reloaded`), de modo que reasignar
  ``grading.check_array`` desde una celda de respuesta no sirve de nada, y al cargarse el
  módulo comprueba que las funciones de NumPy de las que depende son las auténticas.
* :func:`call_without` ejecuta la función del alumno vigilando qué funciones llama, y falla
  si usa una biblioteca que hace todo el trabajo (SciPy, TensorFlow, ``course_utils``...).
"""
import importlib
import inspect
import os
import sys

import numpy as np

_NUMPY_DIR = os.path.dirname(np.__file__)
# Every NumPy function this module relies on to decide whether an answer is right.
_NUMPY_USED = ("asarray", "array_equal", "isclose", "allclose", "abs", "argmax", "unravel_index",
               "isfinite", "all", "any", "issubdtype")
_ASSERTIONS_USED = ("assert_allclose", "assert_array_equal", "assert_equal")


def _is_genuine(function):
    """True if ``function`` comes from NumPy itself, not from a notebook cell."""
    if isinstance(function, np.ufunc) or inspect.isbuiltin(function):
        return True
    wrapped = inspect.unwrap(function)
    code = getattr(wrapped, "__code__", None)
    if code is None:  # C functions wrapped by NumPy's array-function dispatch
        return type(function).__module__.startswith("numpy") or inspect.isroutine(function)
    return os.path.abspath(code.co_filename).startswith(_NUMPY_DIR)


def verify_numpy():
    """Falla si una celda ha sustituido funciones de NumPy que la corrección necesita."""
    replaced = [f"numpy.{name}" for name in _NUMPY_USED if not _is_genuine(getattr(np, name))]
    replaced += [f"numpy.testing.{name}" for name in _ASSERTIONS_USED
                 if not _is_genuine(getattr(np.testing, name))]
    if replaced:
        raise AssertionError(
            "Se han modificado funciones de NumPy que usa la corrección: "
            + ", ".join(replaced) + ". Una celda de respuesta no debe reasignar funciones de bibliotecas."
        )


verify_numpy()


def reloaded():
    """Versión recién cargada de este módulo, inmune a parches hechos desde las respuestas."""
    return importlib.reload(sys.modules[__name__])


# --- Comparaciones ---------------------------------------------------------------------------

def _prefix(name):
    return f"{name}: " if name else ""


def check_type(name, got, expected_type):
    """Comprueba que ``got`` es de tipo ``expected_type`` (o una tupla de tipos)."""
    if not isinstance(got, expected_type):
        wanted = (" o ".join(t.__name__ for t in expected_type)
                  if isinstance(expected_type, tuple) else expected_type.__name__)
        raise AssertionError(f"{_prefix(name)}se esperaba un {wanted} y se obtuvo {type(got).__name__}.")


def check_equal(name, got, expected):
    """Comprueba la igualdad exacta de dos valores (enteros, tuplas, cadenas...)."""
    if got != expected:
        raise AssertionError(f"{_prefix(name)}se esperaba {expected!r} y se obtuvo {got!r}.")


def check_close(name, got, expected, atol=1e-6, rtol=1e-6):
    """Comprueba que un número real está cerca del esperado."""
    try:
        value = float(got)
    except (TypeError, ValueError):
        raise AssertionError(f"{_prefix(name)}se esperaba un número y se obtuvo {got!r}.") from None
    if not np.isclose(value, expected, atol=atol, rtol=rtol):
        raise AssertionError(f"{_prefix(name)}se esperaba {expected:.6g} y se obtuvo {value:.6g}.")


def check_array(name, got, expected, atol=1e-6, rtol=1e-6, dtype=None):
    """Comprueba tipo, forma, ``dtype`` (opcional) y valores de un array de NumPy.

    Parameters
    ----------
    name : str
        Qué se está comprobando, p. ej. ``"to_grayscale con una imagen 5×7"``.
    got : object
        Lo que devolvió la función del alumno.
    expected : array_like
        El resultado correcto.
    atol, rtol : float
        Tolerancias absoluta y relativa para valores reales.
    dtype : numpy.dtype or str, optional
        Si se da, el ``dtype`` exacto que debe tener ``got``.
    """
    expected = np.asarray(expected)
    check_type(name, got, np.ndarray)
    if got.shape != expected.shape:
        raise AssertionError(f"{_prefix(name)}se esperaba forma {expected.shape} y se obtuvo {got.shape}.")
    if dtype is not None and got.dtype != np.dtype(dtype):
        raise AssertionError(f"{_prefix(name)}se esperaba dtype {np.dtype(dtype)} y se obtuvo {got.dtype}.")
    if got.dtype == bool or np.issubdtype(expected.dtype, np.integer) and np.issubdtype(got.dtype, np.integer):
        wrong = got != expected
    else:
        if not np.issubdtype(got.dtype, np.number):
            raise AssertionError(f"{_prefix(name)}se esperaban números y se obtuvo dtype {got.dtype}.")
        wrong = ~np.isclose(got.astype(np.float64), expected.astype(np.float64), atol=atol, rtol=rtol)
    if np.any(wrong):
        where = np.unravel_index(np.argmax(wrong), wrong.shape) if wrong.ndim else ()
        raise AssertionError(
            f"{_prefix(name)}{int(wrong.sum())} de {wrong.size} valores no coinciden; "
            f"el primero, en la posición {tuple(int(i) for i in where)}: se esperaba "
            f"{_show(expected[where])} y se obtuvo {_show(got[where])}."
        )


def _show(value):
    return repr(value.item() if isinstance(value, np.generic) else value)


def check_raises(name, exception, function, *args, **kwargs):
    """Comprueba que ``function(*args, **kwargs)`` lanza ``exception`` y devuelve su mensaje."""
    try:
        function(*args, **kwargs)
    except exception as error:
        return str(error)
    except Exception as error:
        raise AssertionError(
            f"{_prefix(name)}se esperaba {exception.__name__} y se lanzó {type(error).__name__}: {error}"
        ) from None
    raise AssertionError(f"{_prefix(name)}se esperaba que lanzara {exception.__name__} y no lanzó nada.")


class Checks:
    """Crédito parcial: cada comprobación independiente de una celda de prueba vale lo mismo.

    Uso, en una celda de prueba de ``points`` puntos::

        checks = grading.Checks()
        with checks:
            grading.check_layers("build_cnn()", model, CNN_LAYERS)
        with checks:
            grading.check_equal("forma de la salida", model.output_shape, (None, 10))
        checks.score(4)   # última línea de la celda

    :meth:`score` imprime el mensaje de cada comprobación fallida y devuelve los puntos
    obtenidos (nbgrader toma ese número como la nota de la celda); si no pasó ninguna, lanza
    ``AssertionError`` con todos los mensajes.
    """

    def __init__(self):
        self.passed, self.failures = 0, []

    def __enter__(self):
        return self

    def __exit__(self, kind, error, traceback):
        if kind is None:
            self.passed += 1
            return False
        if issubclass(kind, AssertionError):
            self.failures.append(str(error))
            return True  # sigue con la siguiente comprobación
        return False

    def score(self, points):
        """Puntos obtenidos: ``points`` por la fracción de comprobaciones superadas."""
        total = self.passed + len(self.failures)
        if not self.failures:
            return float(points)
        if not self.passed:
            raise AssertionError(" ".join(self.failures))
        for message in self.failures:
            print(f"Falla: {message}")
        return round(points * self.passed / total, 2)


# --- Funciones prohibidas --------------------------------------------------------------------

# What setup() hooks into the libraries a student may call (Keras's data adapters): it computes
# nothing that is graded, so forbidding "course_utils" must not catch it.
_HOOKED_BY_SETUP = ("course_utils.tfdata",)

class _CallWatcher:
    """Perfilador que anota los módulos prohibidos a los que se llama.

    Corre en cada llamada de Python y de C mientras dura ``call_without``: construir un modelo de
    Keras son cientos de miles. Por eso descarta lo antes posible lo que no puede importar: los
    eventos de retorno y los módulos que no empiezan por la raíz de ningún prefijo vigilado."""

    def __init__(self, forbidden):
        self.forbidden = tuple(forbidden)
        self.seen = set()
        # Una llamada solo cuenta si su módulo empieza por una de estas raíces (sin puntos).
        self._roots = tuple({prefix.split(".")[0] for prefix in self.forbidden} | {"numpy"})

    def __call__(self, frame, event, arg):
        if event == "call":
            module = frame.f_globals.get("__name__") or ""
            if not module.startswith(self._roots):
                return
        elif event == "c_call":
            module = getattr(arg, "__module__", None)
            if module is None and getattr(arg, "__self__", None) is not None:
                module = type(arg.__self__).__module__
            if not module or not module.startswith(self._roots):
                return
            module = f"{module}.{getattr(arg, '__name__', '')}"
        else:
            return
        self._note(module, frame, event)

    def _note(self, module, frame, event):
        if module.startswith(_HOOKED_BY_SETUP):
            return
        if module.startswith(self.forbidden):
            self.seen.add(".".join(module.split(".")[:2]))
        elif module.startswith("numpy."):  # numpy.convolve lives in numpy._core.numeric: check its public name
            public = "numpy." + (frame.f_code.co_name if event == "call" else module.rsplit(".", 1)[-1])
            self.seen.update(prefix for prefix in self.forbidden if public.startswith(prefix))


def call_without(forbidden, function, *args, **kwargs):
    """Ejecuta ``function(*args, **kwargs)`` y falla si llama a algo de los módulos ``forbidden``.

    Parameters
    ----------
    forbidden : sequence of str
        Prefijos de módulos o funciones prohibidos, p. ej. ``("scipy", "tensorflow",
        "numpy.convolve")``.

    Returns
    -------
    object
        Lo que devuelve ``function``.
    """
    watcher = _CallWatcher(forbidden)
    previous = sys.getprofile()
    sys.setprofile(watcher)
    try:
        result = function(*args, **kwargs)
    finally:
        still_watching = sys.getprofile() is watcher
        sys.setprofile(previous)
    name = getattr(function, "__name__", "la función")
    if not still_watching:
        raise AssertionError(f"{name} ha desactivado la vigilancia de llamadas (sys.setprofile).")
    if watcher.seen:
        raise AssertionError(
            f"{name} usa {', '.join(sorted(watcher.seen))}: el ejercicio es escribirla con NumPy, "
            "sin delegar el trabajo en otra biblioteca."
        )
    return result


# --- Capítulo 4: modelos de Keras -----------------------------------------------------------

def _size(value):
    value = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    return "×".join(str(v) for v in value)


def _pool(layer):
    pool, strides = tuple(layer.pool_size), tuple(layer.strides or layer.pool_size)
    text = f"{type(layer).__name__}({pool[0] if pool[0] == pool[1] else _size(pool)}"
    if strides != pool:
        text += f", paso {_size(strides)}"
    if layer.padding != "valid":
        text += f", {layer.padding}"
    return text + ")"


def _activation_name(function):
    name = getattr(function, "__name__", str(function))
    return {"relu": "ReLU"}.get(name, name)


def describe_layers(model):
    """Lista legible de las capas de un modelo de Keras, con sus hiperparámetros esenciales.

    Cada capa da una o dos entradas: ``"Conv2D(32, 3×3, same)"``, ``"BatchNormalization"``,
    ``"ReLU"``, ``"MaxPooling2D(2)"``, ``"Dropout(0.25)"``, ``"Flatten"``, ``"Dense(128)"``,
    ``"softmax"``... Una activación dentro de ``Conv2D`` o ``Dense`` aparece como una entrada
    aparte, justo detrás de su capa, igual que una capa ``Activation`` o ``ReLU``: así dos
    formas equivalentes de escribir la misma red dan la misma lista.

    Parameters
    ----------
    model : keras.Model

    Returns
    -------
    list of str
    """
    import keras

    if not isinstance(model, keras.Model):
        raise AssertionError(f"se esperaba un modelo de Keras y se obtuvo {type(model).__name__}.")
    out = []
    for layer in model.layers:
        kind = type(layer).__name__
        if isinstance(layer, keras.layers.InputLayer):
            continue
        if isinstance(layer, keras.layers.Conv2D):
            text = f"Conv2D({layer.filters}, {_size(layer.kernel_size)}, {layer.padding}"
            if tuple(layer.strides) != (1, 1):
                text += f", paso {_size(layer.strides)}"
            out.append(text + ")")
        elif isinstance(layer, keras.layers.Dense):
            out.append(f"Dense({layer.units})")
        elif isinstance(layer, (keras.layers.MaxPooling2D, keras.layers.AveragePooling2D)):
            out.append(_pool(layer))
        elif isinstance(layer, keras.layers.Dropout):
            out.append(f"Dropout({float(layer.rate):g})")
        elif isinstance(layer, keras.layers.ReLU):
            plain = (layer.max_value is None and float(layer.negative_slope) == 0
                     and float(layer.threshold) == 0)
            out.append("ReLU" if plain else "ReLU modificada")
        elif isinstance(layer, keras.layers.Activation):
            out.append(_activation_name(layer.activation))
        elif isinstance(layer, keras.layers.Softmax):  # layers.Softmax() = activation="softmax"
            out.append("softmax")
        else:
            out.append(kind)
        activation = getattr(layer, "activation", None)
        if isinstance(layer, (keras.layers.Conv2D, keras.layers.Dense)) and activation is not None:
            name = _activation_name(activation)
            if name != "linear":
                out.append(name)
    return out


def check_layers(name, model, expected):
    """Comprueba que las capas de ``model`` (según :func:`describe_layers`) son ``expected``.

    El mensaje señala la primera capa distinta: «la capa 3 debería ser ReLU y es
    BatchNormalization», y lista la red completa obtenida.
    """
    got = describe_layers(model)
    expected = list(expected)
    if got == expected:
        return
    listing = " → ".join(got) or "(ninguna)"
    for i, (g, e) in enumerate(zip(got, expected)):
        if g != e:
            raise AssertionError(
                f"{_prefix(name)}la capa {i + 1} debería ser {e} y es {g}. Su red: {listing}.")
    if len(got) < len(expected):
        raise AssertionError(f"{_prefix(name)}faltan capas al final: {' → '.join(expected[len(got):])}. "
                             f"Su red: {listing}.")
    raise AssertionError(f"{_prefix(name)}sobran capas al final: {' → '.join(got[len(expected):])}. "
                         f"Su red: {listing}.")
