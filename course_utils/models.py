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


# --- Capítulo 7: autoencoders ---

def _check_positive_int(value, what, name):
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name}: {what} debe ser un entero positivo; se recibió {value!r}.")


def build_dense_autoencoder(input_shape=(28, 28, 1), latent_dim=32, hidden_units=(256,),
                            learning_rate=1e-3, loss="mse"):
    """El autoencoder denso del capítulo 7: aplanar → capas densas → código → capas densas → imagen.

    El codificador es ``Flatten`` → ``Dense(h, relu)`` por cada ``h`` de ``hidden_units`` →
    ``Dense(latent_dim)`` lineal (el código). El decodificador recorre las mismas capas ocultas
    en orden inverso y termina en ``Dense(alto·ancho·canales, sigmoid)`` → ``Reshape``, de modo
    que la salida está en [0, 1] como las imágenes normalizadas.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales) de las imágenes.
    latent_dim : int
        Dimensión del espacio latente (el cuello de botella).
    hidden_units : sequence of int
        Neuronas de las capas ocultas del codificador (el decodificador las usa al revés).
    learning_rate : float
        Tasa de aprendizaje de Adam.
    loss : str or keras.losses.Loss
        Pérdida de reconstrucción: ``"mse"`` (error cuadrático medio) o
        ``"binary_crossentropy"`` (entropía cruzada por píxel, para imágenes en [0, 1]).

    Returns
    -------
    autoencoder, encoder, decoder : keras.Model
        ``autoencoder`` (compilado con Adam y ``loss``) es ``decoder(encoder(x))``; los tres
        comparten los pesos.

    Examples
    --------
    >>> autoencoder, encoder, decoder = build_dense_autoencoder(latent_dim=2)
    >>> encoder.output_shape, autoencoder.output_shape
    ((None, 2), (None, 28, 28, 1))
    """
    import keras
    from keras import layers

    shape = _check_input_shape(input_shape, "build_dense_autoencoder")
    _check_positive_int(latent_dim, "latent_dim", "build_dense_autoencoder")
    for units in hidden_units:
        _check_positive_int(units, "cada elemento de hidden_units", "build_dense_autoencoder")
    size = shape[0] * shape[1] * shape[2]

    image = keras.Input(shape=shape, name="imagen")
    h = layers.Flatten()(image)
    for units in hidden_units:
        h = layers.Dense(units, activation="relu")(h)
    code = layers.Dense(latent_dim, name="codigo")(h)
    encoder = keras.Model(image, code, name="codificador")

    code_in = keras.Input(shape=(latent_dim,), name="codigo")
    h = code_in
    for units in reversed(tuple(hidden_units)):
        h = layers.Dense(units, activation="relu")(h)
    h = layers.Dense(size, activation="sigmoid")(h)
    decoder = keras.Model(code_in, layers.Reshape(shape)(h), name="decodificador")

    autoencoder = keras.Model(image, decoder(encoder(image)), name="autoencoder_denso")
    autoencoder.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss)
    return autoencoder, encoder, decoder


def build_convolutional_autoencoder(input_shape=(28, 28, 1), filters=(16, 32), latent_channels=8,
                                    learning_rate=1e-3, loss="mse"):
    """El autoencoder convolucional del capítulo 7: convoluciones con paso 2 y traspuestas.

    Cada nivel del codificador es ``Conv2D(f, 3×3, strides=2, same, relu)``, que reduce el alto
    y el ancho a la mitad; una ``Conv2D(latent_channels, 3×3, same, relu)`` da el código, un
    volumen (alto/2ⁿ, ancho/2ⁿ, latent_channels). El decodificador deshace el camino con
    ``Conv2DTranspose(f, 3×3, strides=2, same, relu)`` en orden inverso y una
    ``Conv2D(canales, 3×3, same, sigmoid)`` final.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales); alto y ancho deben ser divisibles por ``2 ** len(filters)``.
    filters : sequence of int
        Filtros de cada nivel del codificador (uno por cada reducción a la mitad).
    latent_channels : int
        Canales del código.
    learning_rate : float
        Tasa de aprendizaje de Adam.
    loss : str or keras.losses.Loss
        Pérdida de reconstrucción: ``"mse"`` o ``"binary_crossentropy"``. Con salida sigmoide
        y MSE el entrenamiento puede quedarse atascado al principio en una salida casi negra
        (la sigmoide saturada anula el gradiente); la entropía cruzada no tiene ese problema.

    Returns
    -------
    autoencoder, encoder, decoder : keras.Model
        ``autoencoder`` (compilado con Adam y ``loss``) es ``decoder(encoder(x))``.

    Examples
    --------
    >>> autoencoder, encoder, decoder = build_convolutional_autoencoder()
    >>> encoder.output_shape
    (None, 7, 7, 8)
    """
    import keras
    from keras import layers

    shape = _check_input_shape(input_shape, "build_convolutional_autoencoder")
    _check_positive_int(latent_channels, "latent_channels", "build_convolutional_autoencoder")
    filters = tuple(filters)
    if not filters:
        raise ValueError("build_convolutional_autoencoder: filters no puede estar vacío.")
    for f in filters:
        _check_positive_int(f, "cada elemento de filters", "build_convolutional_autoencoder")
    factor = 2 ** len(filters)
    if shape[0] % factor or shape[1] % factor:
        raise ValueError(
            f"build_convolutional_autoencoder: con {len(filters)} reducciones a la mitad, alto y "
            f"ancho deben ser divisibles por {factor}; se recibió input_shape={shape}.")

    image = keras.Input(shape=shape, name="imagen")
    h = image
    for f in filters:
        h = layers.Conv2D(f, 3, strides=2, padding="same", activation="relu")(h)
    code = layers.Conv2D(latent_channels, 3, padding="same", name="codigo")(h)
    encoder = keras.Model(image, code, name="codificador")

    code_in = keras.Input(shape=tuple(code.shape[1:]), name="codigo")
    h = code_in
    for f in reversed(filters):
        h = layers.Conv2DTranspose(f, 3, strides=2, padding="same", activation="relu")(h)
    output = layers.Conv2D(shape[2], 3, padding="same", activation="sigmoid")(h)
    decoder = keras.Model(code_in, output, name="decodificador")

    autoencoder = keras.Model(image, decoder(encoder(image)), name="autoencoder_convolucional")
    autoencoder.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss)
    return autoencoder, encoder, decoder
