"""U-Net con sigmoide en la salida: cada clase por separado, las probabilidades no suman 1.

Debe fallar: test_build_unet
"""
# %% build_unet
def build_unet(input_shape=(64, 64, 1), num_classes=2, depth=3, base_filters=16):
    def two_convs(x, filters):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)

    inputs = keras.Input(shape=input_shape)
    x, skips = inputs, []
    for k in range(depth):
        x = two_convs(x, base_filters * 2**k)
        skips.append(x)
        x = layers.MaxPooling2D(2)(x)
    x = two_convs(x, base_filters * 2**depth)
    for k in reversed(range(depth)):
        x = layers.Conv2DTranspose(base_filters * 2**k, 2, strides=2)(x)
        x = layers.Concatenate()([x, skips[k]])
        x = two_convs(x, base_filters * 2**k)
    outputs = layers.Conv2D(num_classes, 1, activation="sigmoid")(x)
    return keras.Model(inputs, outputs)
