"""Usa layers[:-n] y layers[-n:]: con n=0 descongela la base entera en vez de ninguna capa.

Debe fallar: test_unfreeze_top_layers
"""
# %% unfreeze_top_layers
def unfreeze_top_layers(base_model, n):
    base_model.trainable = True
    for layer in base_model.layers[:-n]:
        layer.trainable = False
    for layer in base_model.layers[-n:]:
        if isinstance(layer, keras.layers.BatchNormalization):
            layer.trainable = False
    return sum(layer.trainable for layer in base_model.layers)
