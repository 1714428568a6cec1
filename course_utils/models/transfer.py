"""Bases preentrenadas y clasificadores de transfer learning (capítulo 9)."""
from ._checks import check_input_shape
from .training import compile_classifier


APPLICATIONS = ("VGG16", "ResNet50", "InceptionV3", "MobileNetV2", "EfficientNetB0")


def build_pretrained_backbone(name="MobileNetV2", input_shape=(160, 160, 3), weights="imagenet"):
    """Base convolucional de ``keras.applications`` sin su cabeza de 1000 clases.

    Con ``weights="imagenet"`` busca primero el archivo de pesos en la réplica local
    (``$COURSE_DATA_DIR/keras/models``, con el nombre de archivo de Keras: ver
    :func:`course_utils.mirror.keras_weights_filename`); si no está, Keras lo descarga una vez
    y lo guarda en ``~/.keras/models``. Si la descarga falla (sin red), avisa con un
    ``OfflineDataWarning`` y construye la misma arquitectura con pesos aleatorios
    (``weights=None``): sirve para ver la arquitectura y contar parámetros, no para transferir.

    Parameters
    ----------
    name : str
        Una de :data:`APPLICATIONS` (``"VGG16"``, ``"ResNet50"``, ``"InceptionV3"``,
        ``"MobileNetV2"``, ``"EfficientNetB0"``).
    input_shape : tuple of int
        (alto, ancho, 3). Los pesos de ImageNet exigen tres canales.
    weights : str or None
        ``"imagenet"`` o ``None``.

    Returns
    -------
    keras.Model
        La base (``include_top=False``): devuelve mapas de características (N, h, w, C).

    Examples
    --------
    >>> base = build_pretrained_backbone("MobileNetV2", (96, 96, 3), weights=None)
    >>> base.output_shape
    (None, 3, 3, 1280)
    """
    import warnings

    import keras

    from .. import mirror
    from ..data import OfflineDataWarning

    if name not in APPLICATIONS:
        raise ValueError(f"build_pretrained_backbone: name debe ser una de {', '.join(APPLICATIONS)}; "
                         f"se recibió {name!r}.")
    shape = check_input_shape(input_shape, "build_pretrained_backbone")
    if shape[-1] != 3:
        raise ValueError("build_pretrained_backbone: las redes de keras.applications esperan imágenes "
                         f"RGB (alto, ancho, 3); se recibió input_shape={input_shape!r}.")
    if weights not in ("imagenet", None):
        raise ValueError(f"build_pretrained_backbone: weights debe ser 'imagenet' o None; se recibió {weights!r}.")
    constructor = getattr(keras.applications, name)
    local = mirror.keras_weights(name, shape) if weights == "imagenet" else None
    if local is not None:  # the local mirror first: no network needed
        try:
            return constructor(include_top=False, weights=str(local), input_shape=shape)
        except Exception as error:  # a damaged file must not pass unnoticed
            raise mirror.MirrorError(
                f"La réplica local tiene un archivo de pesos dañado o que no corresponde a {name} "
                f"con entrada {shape}: {local} ({type(error).__name__}: {error}). Vuelva a copiarlo "
                "o ejecute `make data`.") from error
    try:
        return constructor(include_top=False, weights=weights, input_shape=shape)
    except Exception as error:  # no network: URL fetch failure, DNS, truncated file
        if weights is None:
            raise
        warnings.warn(
            f"No se pudieron cargar los pesos de ImageNet de {name} ({type(error).__name__}: {error}). "
            "Se usa la misma arquitectura con pesos aleatorios (weights=None): no transferirá nada.",
            OfflineDataWarning, stacklevel=2)
        return constructor(include_top=False, weights=None, input_shape=shape)


def build_small_backbone(input_shape=(32, 32, 1), filters=(16, 32, 64), name="backbone"):
    """Una base convolucional pequeña, con la forma de las de ``keras.applications``.

    Cada bloque ``i`` es ``Conv2D(f, 3×3, same, sin sesgo)`` → ``BatchNormalization``
    (``momentum=0.9``, para que sus medias móviles se asienten en pocos pasos) →
    ``ReLU`` y, salvo en el último, ``MaxPooling2D(2)``. Las capas se llaman
    ``block{i}_conv``, ``block{i}_bn``, ``block{i}_relu`` y ``block{i}_pool``. No tiene cabeza:
    devuelve el mapa de características del último bloque, como ``include_top=False``.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales).
    filters : sequence of int
        Filtros de cada bloque.
    name : str
        Nombre del modelo.

    Returns
    -------
    keras.Model
        Modelo funcional sin compilar, de (N, alto, ancho, canales) a (N, h, w, filters[-1]).

    Examples
    --------
    >>> build_small_backbone((32, 32, 1), (16, 32, 64)).output_shape
    (None, 8, 8, 64)
    """
    import keras
    from keras import layers

    shape = check_input_shape(input_shape, "build_small_backbone")
    filters = tuple(filters)
    if not filters or not all(isinstance(f, int) and f > 0 for f in filters):
        raise ValueError(f"build_small_backbone: filters debe ser una lista de enteros positivos; "
                         f"se recibió {filters!r}.")
    inputs = keras.Input(shape=shape)
    x = inputs
    for i, f in enumerate(filters, start=1):
        x = layers.Conv2D(f, 3, padding="same", use_bias=False, name=f"block{i}_conv")(x)
        # momentum 0.9: the moving statistics settle within the few hundred steps we train
        x = layers.BatchNormalization(momentum=0.9, name=f"block{i}_bn")(x)
        x = layers.ReLU(name=f"block{i}_relu")(x)
        if i < len(filters):
            x = layers.MaxPooling2D(2, name=f"block{i}_pool")(x)
    return keras.Model(inputs, x, name=name)


def build_transfer_classifier(base_model, num_classes, dropout=0.2, learning_rate=1e-3, freeze=True):
    """Base → ``GlobalAveragePooling2D`` → ``Dropout`` → ``Dense(num_classes, softmax)``, compilado.

    Con ``freeze=True`` (extracción de características) congela la base
    (``base_model.trainable = False``) y la llama con ``training=False``, como la guía de Keras.
    Ese ``training=False`` solo vale fuera de ``fit``: en Keras 3, ``fit`` llama al modelo con
    ``training=True`` y ese valor sustituye al escrito aquí en todas las capas de la base. Lo que
    mantiene las ``BatchNormalization`` en modo inferencia es que estén congeladas
    (``trainable=False``); los ``Dropout`` de la base (p. ej. la profundidad estocástica de
    EfficientNet) se activan igualmente durante ``fit``. Para descongelar sin ese efecto, use
    :func:`set_trainable_top` (descongela con las ``BatchNormalization`` congeladas) o
    :func:`always_inference` (la base siempre en modo inferencia). Con ``freeze=False`` (entrenar
    desde cero) la base entera se entrena y se llama normalmente.

    Parameters
    ----------
    base_model : keras.Model
        Base convolucional que devuelve mapas (N, h, w, C).
    num_classes : int
        Clases de la nueva tarea.
    dropout : float
        Fracción de *dropout* antes de la capa de salida.
    learning_rate : float
        Tasa de aprendizaje de Adam.
    freeze : bool
        Congelar la base (transferencia) o entrenarla entera (desde cero).

    Returns
    -------
    keras.Model
        Compilado con Adam, entropía cruzada categórica dispersa y exactitud.
    """
    import keras
    from keras import layers

    if not isinstance(base_model, keras.Model) or len(base_model.output_shape) != 4:
        raise ValueError("build_transfer_classifier: base_model debe ser un keras.Model que devuelva "
                         "mapas de características (N, h, w, C).")
    if not isinstance(num_classes, int) or num_classes < 2:
        raise ValueError(f"build_transfer_classifier: num_classes debe ser un entero ≥ 2; se recibió {num_classes!r}.")
    if not 0 <= dropout < 1:
        raise ValueError(f"build_transfer_classifier: dropout debe estar en [0, 1); se recibió {dropout!r}.")
    base_model.trainable = not freeze
    inputs = keras.Input(shape=base_model.input_shape[1:])
    x = base_model(inputs, training=False) if freeze else base_model(inputs)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(dropout)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs, name=f"{base_model.name}_transfer")
    return compile_classifier(model, learning_rate)


def set_trainable_top(base_model, n):
    """Descongela las últimas ``n`` capas de una base, con las ``BatchNormalization`` congeladas.

    Deja ``base_model.trainable = True``, congela todas las capas salvo las ``n`` últimas y,
    entre esas, vuelve a congelar las de normalización por lotes: sus medias y varianzas
    aprendidas en el preentrenamiento no deben cambiar con los pocos datos de la nueva tarea.
    Después hay que volver a compilar el modelo para que el cambio surta efecto.

    Parameters
    ----------
    base_model : keras.Model
        La base (p. ej. la que devuelve :func:`build_pretrained_backbone`).
    n : int
        Número de capas finales que se descongelan (0 ≤ n ≤ número de capas).

    Returns
    -------
    int
        Número de capas que quedan entrenables.
    """
    import keras

    if not isinstance(n, int) or not 0 <= n <= len(base_model.layers):
        raise ValueError(f"set_trainable_top: n debe ser un entero entre 0 y {len(base_model.layers)} "
                         f"(las capas de la base); se recibió {n!r}.")
    base_model.trainable = True
    cut = len(base_model.layers) - n
    for index, layer in enumerate(base_model.layers):
        layer.trainable = index >= cut and not isinstance(layer, keras.layers.BatchNormalization)
    return sum(layer.trainable for layer in base_model.layers)


def always_inference(base_model):
    """Envuelve una base en una capa que la llama **siempre** con ``training=False``.

    En Keras 3, ``fit`` llama al modelo con ``training=True`` y ese valor llega a todas las capas
    de una base llamada como ``base(x, training=False)`` dentro de un modelo funcional. Esta capa
    no tiene argumento ``training`` en su ``call``, así que ``fit`` no puede sustituirlo: las
    ``BatchNormalization`` usan sus medias móviles y los ``Dropout`` no actúan, aunque la base esté
    descongelada y sus pesos se ajusten.

    Parameters
    ----------
    base_model : keras.Model
        La base que se envuelve; sus pesos siguen siendo los del modelo envuelto.

    Returns
    -------
    keras.layers.Layer
        Una capa que se usa como la base: ``x = always_inference(base)(inputs)``.

    Examples
    --------
    >>> base = build_small_backbone((16, 16, 1), (4,))
    >>> always_inference(base).base is base
    True
    """
    import keras

    if not isinstance(base_model, keras.Model):
        raise ValueError("always_inference: base_model debe ser un keras.Model.")

    class AlwaysInference(keras.layers.Layer):
        """``base(x, training=False)`` en cualquier contexto, también dentro de ``fit``."""

        def __init__(self, base, **kwargs):
            super().__init__(**kwargs)
            self.base = base

        def call(self, inputs):
            return self.base(inputs, training=False)

        def compute_output_shape(self, input_shape):
            return self.base.compute_output_shape(input_shape)

    return AlwaysInference(base_model, name=f"{base_model.name}_inferencia")
