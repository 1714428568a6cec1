"""Marca las capas una a una pero no pone base_model.trainable = True: la base sigue congelada.

Debe fallar: test_unfreeze_top_layers
"""
# %% unfreeze_top_layers
def unfreeze_top_layers(base_model, n):
    first_trainable = len(base_model.layers) - n
    for index, layer in enumerate(base_model.layers):
        layer.trainable = (index >= first_trainable
                           and not isinstance(layer, keras.layers.BatchNormalization))
    return sum(layer.trainable for layer in base_model.layers)
