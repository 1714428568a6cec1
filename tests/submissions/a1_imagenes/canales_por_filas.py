"""Separa por el primer eje: tuple(image) devuelve las filas, no los canales.

Debe fallar: test_split_channels
"""
# %% split_channels
def split_channels(image):
    return tuple(image)
