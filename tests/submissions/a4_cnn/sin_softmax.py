"""La última capa densa no lleva softmax: la red devuelve puntuaciones, no probabilidades.

Debe fallar: test_build_cnn, test_build_cnn_entrena
"""
# %% build_cnn
def build_cnn(input_shape=(28, 28, 1), num_classes=10):
    model = keras.Sequential([keras.Input(shape=input_shape)])
    for filters in (32, 64):
        model.add(layers.Conv2D(filters, 3, padding="same"))
        model.add(layers.BatchNormalization())
        model.add(layers.Activation("relu"))
        model.add(layers.MaxPooling2D(2))
        model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(128))
    model.add(layers.BatchNormalization())
    model.add(layers.Activation("relu"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(num_classes))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
