"""El codificador reduce a la mitad tres veces (28 → 14 → 7 → 4) y el decodificador recorta al final.

Debe fallar: test_build_conv_autoencoder
"""
# %% build_conv_autoencoder
def build_conv_autoencoder(input_shape=(28, 28, 1), latent_channels=8):
    image = keras.Input(shape=input_shape)
    h = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(image)
    h = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(h)
    code = layers.Conv2D(latent_channels, 3, strides=2, padding="same", activation="relu")(h)
    h = layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(code)
    h = layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(h)
    h = layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(h)
    h = layers.Resizing(input_shape[0], input_shape[1])(h)
    output = layers.Conv2D(input_shape[-1], 3, padding="same", activation="sigmoid")(h)
    encoder = keras.Model(image, code)
    autoencoder = keras.Model(image, output)
    autoencoder.compile(optimizer="adam", loss="mse")
    return autoencoder, encoder
