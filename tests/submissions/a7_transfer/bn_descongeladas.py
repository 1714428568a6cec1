"""Descongela las últimas n capas, BatchNormalization incluidas.

Debe fallar: test_unfreeze_top_layers
"""
# %% unfreeze_top_layers
def unfreeze_top_layers(base_model, n):
    base_model.trainable = True
    first_trainable = len(base_model.layers) - n
    for index, layer in enumerate(base_model.layers):
        layer.trainable = index >= first_trainable
    return sum(layer.trainable for layer in base_model.layers)
