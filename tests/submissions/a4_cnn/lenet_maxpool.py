"""LeNet-5 con MaxPooling2D en S2 y S4, en lugar del promedio del artículo.

Debe fallar: test_lenet5
"""
# %% lenet5
def lenet5(input_shape=(32, 32, 1), num_classes=10):
    return keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Conv2D(6, 5, activation="tanh"),
        layers.MaxPooling2D(2),
        layers.Conv2D(16, 5, activation="tanh"),
        layers.MaxPooling2D(2),
        layers.Flatten(),
        layers.Dense(120, activation="tanh"),
        layers.Dense(84, activation="tanh"),
        layers.Dense(num_classes, activation="softmax"),
    ])
