"""Alternativa honesta: API funcional, Activation("relu") en vez de ReLU, y LeNet-5 con Activation("softmax").

Debe fallar: ninguna
"""
# %% build_cnn
def build_cnn(input_shape=(28, 28, 1), num_classes=10):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for filters in (32, 64):
        x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization()(x)
        x = layers.Activation("relu")(x)
        x = layers.MaxPooling2D(2)(x)
        x = layers.Dropout(0.25)(x)
    x = layers.Flatten()(x)
    x = layers.Dense(128, use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Dropout(0.5)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(), loss=keras.losses.SparseCategoricalCrossentropy(),
                  metrics=["accuracy"])
    return model
# %% lenet5
def lenet5(input_shape=(32, 32, 1), num_classes=10):
    return keras.Sequential([
        keras.Input(shape=input_shape),
        layers.Conv2D(6, 5), layers.Activation("tanh"), layers.AveragePooling2D(2),
        layers.Conv2D(16, 5), layers.Activation("tanh"), layers.AveragePooling2D(2),
        layers.Flatten(),
        layers.Dense(120, activation="tanh"), layers.Dense(84, activation="tanh"),
        layers.Dense(num_classes), layers.Activation("softmax"),
    ])
