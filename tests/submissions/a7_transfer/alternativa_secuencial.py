"""Alternativa honesta: el mismo modelo con keras.Sequential en lugar de la API funcional, y el optimizador por nombre.

Debe fallar: ninguna
"""
# %% build_transfer_model
def build_transfer_model(base_model, num_classes, dropout=0.2):
    base_model.trainable = False
    model = keras.Sequential([
        keras.Input(shape=base_model.input_shape[1:]),
        base_model,
        layers.GlobalAveragePooling2D(),
        layers.Dropout(dropout),
        layers.Dense(num_classes, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model
