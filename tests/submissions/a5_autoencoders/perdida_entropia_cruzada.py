"""Compila el autoencoder con entropía cruzada binaria en lugar del error cuadrático medio.

Debe fallar: test_build_conv_autoencoder
"""
# %% build_conv_autoencoder
def build_conv_autoencoder(input_shape=(28, 28, 1), latent_channels=8):
    image = keras.Input(shape=input_shape)
    h = layers.Conv2D(16, 3, padding="same", activation="relu")(image)
    h = layers.MaxPooling2D(2)(h)
    h = layers.Conv2D(latent_channels, 3, padding="same", activation="relu")(h)
    code = layers.MaxPooling2D(2)(h)
    h = layers.Conv2D(latent_channels, 3, padding="same", activation="relu")(code)
    h = layers.UpSampling2D(2)(h)
    h = layers.Conv2D(16, 3, padding="same", activation="relu")(h)
    h = layers.UpSampling2D(2)(h)
    output = layers.Conv2D(input_shape[-1], 3, padding="same", activation="sigmoid")(h)
    encoder = keras.Model(image, code)
    autoencoder = keras.Model(image, output)
    autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
    return autoencoder, encoder
