"""Alternativa honesta: descongelar por cortes de la lista de capas y recompilar con learning_rate= por nombre.

Debe fallar: ninguna
"""
# %% unfreeze_top_layers
def unfreeze_top_layers(base_model, n):
    base_model.trainable = True
    cut = len(base_model.layers) - n
    for layer in base_model.layers[:cut]:
        layer.trainable = False
    for layer in base_model.layers[cut:]:
        if isinstance(layer, layers.BatchNormalization):
            layer.trainable = False
    return len([layer for layer in base_model.layers if layer.trainable])
# %% compile_for_fine_tuning
def compile_for_fine_tuning(model, learning_rate=1e-5):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate), loss=model.loss,
                  metrics=["accuracy"])
    return model
