"""Suma k − 1 por capa pero olvida el píxel central: 2, 4, 6 en vez de 3, 5, 7.

Debe fallar: test_receptive_field
"""
# %% receptive_field
def receptive_field(num_layers, kernel_size=3):
    return num_layers * (kernel_size - 1)
