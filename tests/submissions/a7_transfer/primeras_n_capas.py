"""Descongela las primeras n capas (las más genéricas) en vez de las últimas.

Debe fallar: test_unfreeze_top_layers
"""
# %% unfreeze_top_layers
def unfreeze_top_layers(base_model, n):
    base_model.trainable = True
    for index, layer in enumerate(base_model.layers):
        layer.trainable = index < n and not isinstance(layer, keras.layers.BatchNormalization)
    return sum(layer.trainable for layer in base_model.layers)
