"""Llama a la base sin training=False: al descongelarla, su BatchNormalization entrenaría.

Debe fallar: test_build_transfer_model
"""
# %% build_transfer_model
def build_transfer_model(base_model, num_classes, dropout=0.2):
    base_model.trainable = False
    inputs = keras.Input(shape=base_model.input_shape[1:])
    x = base_model(inputs)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(dropout)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model
