"""U-Net sin conexiones de salto: el decodificador solo ve lo que sale del cuello de botella.

Debe fallar: test_build_unet
"""
# %% build_unet
def build_unet(input_shape=(64, 64, 1), num_classes=2, depth=3, base_filters=16):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for k in range(depth):
        x = layers.Conv2D(base_filters * 2**k, 3, padding="same", activation="relu")(x)
        x = layers.Conv2D(base_filters * 2**k, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D(2)(x)
    x = layers.Conv2D(base_filters * 2**depth, 3, padding="same", activation="relu")(x)
    x = layers.Conv2D(base_filters * 2**depth, 3, padding="same", activation="relu")(x)
    for k in reversed(range(depth)):
        x = layers.Conv2DTranspose(base_filters * 2**k, 2, strides=2)(x)
        x = layers.Conv2D(base_filters * 2**k, 3, padding="same", activation="relu")(x)
        x = layers.Conv2D(base_filters * 2**k, 3, padding="same", activation="relu")(x)
    outputs = layers.Conv2D(num_classes, 1, activation="softmax")(x)
    return keras.Model(inputs, outputs)
