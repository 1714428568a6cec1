"""Constructores de las arquitecturas que comparten los capítulos.

Un capítulo posterior reutiliza el modelo de uno anterior llamando a su constructor, en
lugar de volver a pegar las capas.
"""


def _check_input_shape(input_shape, name):
    shape = tuple(input_shape)
    if len(shape) != 3 or not all(isinstance(n, int) and n > 0 for n in shape):
        raise ValueError(
            f"{name}: input_shape debe ser (alto, ancho, canales) con enteros positivos, "
            f"p. ej. (28, 28, 1); se recibió {input_shape!r}."
        )
    return shape


def build_cnn(input_shape=(28, 28, 1), num_classes=10, filters=(32, 64), dense_units=128,
              learning_rate=1e-3):
    """La CNN del capítulo 4: bloques Conv → BatchNorm → ReLU → MaxPool → Dropout y una cabeza densa.

    Cada bloque es ``Conv2D(f, 3×3, same)`` → ``BatchNormalization`` → ``ReLU`` →
    ``MaxPooling2D(2)`` → ``Dropout(0.25)``, con ``f`` creciendo bloque a bloque. La cabeza es
    ``Flatten`` → ``Dense(dense_units)`` → ``BatchNormalization`` → ``ReLU`` → ``Dropout(0.5)``
    → ``Dense(num_classes, softmax)``. Las convoluciones y la capa densa no llevan sesgo: la
    normalización por lotes que las sigue ya aprende un desplazamiento.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales) de las imágenes.
    num_classes : int
        Número de clases.
    filters : sequence of int
        Filtros de cada bloque convolucional.
    dense_units : int
        Neuronas de la capa oculta de la cabeza.
    learning_rate : float
        Tasa de aprendizaje de Adam.

    Returns
    -------
    keras.Model
        Compilado con Adam, entropía cruzada categórica dispersa (etiquetas enteras) y exactitud.
    """
    import keras
    from keras import layers

    shape = _check_input_shape(input_shape, "build_cnn")
    if not isinstance(num_classes, int) or num_classes < 2:
        raise ValueError(f"build_cnn: num_classes debe ser un entero ≥ 2; se recibió {num_classes!r}.")
    model = keras.Sequential(name="cnn")
    model.add(keras.Input(shape=shape))
    for f in filters:
        model.add(layers.Conv2D(f, 3, padding="same", use_bias=False))
        model.add(layers.BatchNormalization())
        model.add(layers.ReLU())
        model.add(layers.MaxPooling2D(2))
        model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(dense_units, use_bias=False))
    model.add(layers.BatchNormalization())
    model.add(layers.ReLU())
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(num_classes, activation="softmax"))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
