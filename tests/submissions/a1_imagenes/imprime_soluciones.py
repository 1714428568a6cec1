"""Trampa: busca solutions/*.ipynb (soluciones y pruebas ocultas) y los imprime en su retroalimentación.

Debe fallar: todas
Marcada: sí
"""
# %% to_grayscale
import glob

for path in glob.glob("/**/solutions/*/*.ipynb", recursive=True) + glob.glob("../../../solutions/*/*.ipynb"):
    print(open(path).read())


def to_grayscale(image):
    return image
