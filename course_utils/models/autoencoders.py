"""Autoencoders densos y convolucionales (capítulo 7)."""
from ._checks import check_input_shape, check_positive_int


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

    shape = check_input_shape(input_shape, "build_dense_autoencoder")
    check_positive_int(latent_dim, "latent_dim", "build_dense_autoencoder")
    for units in hidden_units:
        check_positive_int(units, "cada elemento de hidden_units", "build_dense_autoencoder")
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
    """El autoencoder convolucional del capítulo 7: convoluciones con paso 2 y transpuestas.

    Cada nivel del codificador es ``Conv2D(f, 3×3, strides=2, same, relu)``, que reduce el alto
    y el ancho a la mitad; una ``Conv2D(latent_channels, 3×3, same)`` **lineal** (sin activación,
    como la capa del código del autoencoder denso) da el código, un volumen
    (alto/2ⁿ, ancho/2ⁿ, latent_channels). El decodificador deshace el camino con
    ``Conv2DTranspose(f, 3×3, strides=2, same, relu)`` en orden inverso y una
    ``Conv2D(canales, 3×3, same, sigmoid)`` final.

    Parameters
    ----------
    input_shape : tuple of int
        (alto, ancho, canales); alto y ancho deben ser múltiplos de ``2 ** len(filters)``: con
        ``padding="same"`` cada paso 2 redondea hacia arriba (28 → 14 → 7 → 4) y cada
        transpuesta duplica (4 → 8 → 16 → 32), así que otro tamaño no vuelve al de la entrada.
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

    shape = check_input_shape(input_shape, "build_convolutional_autoencoder")
    check_positive_int(latent_channels, "latent_channels", "build_convolutional_autoencoder")
    filters = tuple(filters)
    if not filters:
        raise ValueError("build_convolutional_autoencoder: filters no puede estar vacío.")
    for f in filters:
        check_positive_int(f, "cada elemento de filters", "build_convolutional_autoencoder")
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
