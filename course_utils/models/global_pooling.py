"""Una CNN con *global average pooling* (GAP) en lugar de ``Flatten`` (capítulos 5 y 6)."""
from ._checks import check_input_shape, check_classes
from .training import compile_classifier


def build_gap_cnn(input_shape=(28, 28, 1), num_classes=10, filters=(32, 64, 128), learning_rate=1e-3):
    """Bloques ``Conv2D`` → ``BatchNormalization`` → ``ReLU`` y una cabeza GAP → ``Dense`` softmax.

    Los bloques son los de :func:`course_utils.models.classification.build_cnn` (con
    ``MaxPooling2D(2)`` y ``Dropout(0.25)`` tras cada uno, salvo el último). La cabeza promedia
    cada mapa de la última convolución en un solo número (``GlobalAveragePooling2D``) y una capa
    densa los combina: la puntuación de la clase es una suma ponderada de medias espaciales, la
    arquitectura de CAM (Zhou et al., 2016) y la del ejemplo de Grad-CAM de Keras. A diferencia
    de ``Flatten``, la cabeza no sabe en qué posición apareció cada rasgo.

    Returns
    -------
    keras.Model
        ``keras.Sequential`` compilado (Adam, entropía cruzada dispersa, exactitud). La salida de
        la última ReLU se llama ``"last_conv"``.
    """
    import keras
    from keras import layers

    shape = check_input_shape(input_shape, "build_gap_cnn")
    check_classes(num_classes, "build_gap_cnn")
    filters = list(filters)
    if not filters or any(not isinstance(f, int) or f < 1 for f in filters):
        raise ValueError(f"build_gap_cnn: filters debe ser una lista de enteros positivos; se recibió {filters!r}.")
    model = keras.Sequential(name="cnn_gap")
    model.add(keras.Input(shape=shape))
    for k, f in enumerate(filters):
        model.add(layers.Conv2D(f, 3, padding="same", use_bias=False))
        model.add(layers.BatchNormalization())
        last = k == len(filters) - 1
        model.add(layers.ReLU(name="last_conv" if last else None))
        if not last:
            model.add(layers.MaxPooling2D(2))
            model.add(layers.Dropout(0.25))
    model.add(layers.GlobalAveragePooling2D())
    model.add(layers.Dropout(0.25))
    model.add(layers.Dense(num_classes, activation="softmax"))
    return compile_classifier(model, learning_rate)
