"""Trampa: fija la entrada (28, 28, 1) y 10 clases, que es lo único que ven las pruebas visibles.

Debe fallar: test_build_cnn, test_build_cnn_entrena
"""
# %% build_cnn
def build_cnn(input_shape=(28, 28, 1), num_classes=10):
    model = keras.Sequential([keras.Input(shape=(28, 28, 1))])
    for filters in (32, 64):
        model.add(layers.Conv2D(filters, 3, padding="same", use_bias=False))
        model.add(layers.BatchNormalization())
        model.add(layers.ReLU())
        model.add(layers.MaxPooling2D(2))
        model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(128, use_bias=False))
    model.add(layers.BatchNormalization())
    model.add(layers.ReLU())
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(10, activation="softmax"))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
