"""Trampa: anula las comprobaciones de course_utils.grading desde una respuesta y entrega redes con un error.

Debe fallar: todas
Marcada: sí
"""
# %% build_cnn
import course_utils.grading
course_utils.grading.check_layers = lambda *args, **kwargs: None
course_utils.grading.check_equal = lambda *args, **kwargs: None


def build_cnn(input_shape=(28, 28, 1), num_classes=10):
    model = keras.Sequential([keras.Input(shape=input_shape)])
    for filters in (32, 64):
        model.add(layers.Conv2D(filters, 3, padding="same"))
        model.add(layers.BatchNormalization())
        model.add(layers.ReLU())
        model.add(layers.AveragePooling2D(2))
        model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(128))
    model.add(layers.BatchNormalization())
    model.add(layers.ReLU())
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(num_classes, activation="softmax"))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
# %% lenet5
def lenet5(input_shape=(32, 32, 1), num_classes=10):
    return keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Conv2D(6, 5, activation="relu"),
        layers.MaxPooling2D(2),
        layers.Conv2D(16, 5, activation="relu"),
        layers.MaxPooling2D(2),
        layers.Flatten(),
        layers.Dense(120, activation="relu"),
        layers.Dense(84, activation="relu"),
        layers.Dense(num_classes, activation="softmax"),
    ])
