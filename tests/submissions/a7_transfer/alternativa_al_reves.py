"""Alternativa honesta: recorre las capas de la última a la primera, y avisa con warnings de cuántas descongela.

Debe fallar: ninguna
"""
# %% unfreeze_top_layers
import warnings


def unfreeze_top_layers(base_model, n):
    base_model.trainable = True
    count = 0
    for position, layer in enumerate(reversed(base_model.layers)):
        layer.trainable = position < n and not isinstance(layer, keras.layers.BatchNormalization)
        count += int(layer.trainable)
    warnings.warn(f"unfreeze_top_layers: {count} capas entrenables", stacklevel=2)
    return count
