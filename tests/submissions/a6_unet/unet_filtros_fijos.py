"""U-Net con base_filters filtros en todos los niveles: no los duplica al bajar de resolución.

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
        x = two_convs(x, base_filters)
        skips.append(x)
        x = layers.MaxPooling2D(2)(x)
    x = two_convs(x, base_filters)
    for k in reversed(range(depth)):
        x = layers.Conv2DTranspose(base_filters, 2, strides=2)(x)
        x = layers.Concatenate()([x, skips[k]])
        x = two_convs(x, base_filters)
    outputs = layers.Conv2D(num_classes, 1, activation="softmax")(x)
    return keras.Model(inputs, outputs)
