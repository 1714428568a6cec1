"""Normaliza bien pero devuelve float64 (lo que da dividir un uint8 entre 255).

Debe fallar: test_normalize
"""
# %% normalize
def normalize(image):
    return image / 255
