"""Trampa: unfreeze_top_layers solo sabe resolver la base de ejemplo (por los nombres de sus capas).

Debe fallar: test_unfreeze_top_layers
"""
# %% unfreeze_top_layers
def unfreeze_top_layers(base_model, n):
    base_model.trainable = True
    for layer in base_model.layers:
        layer.trainable = layer.name in ("conv1", "relu1")
    return 2
