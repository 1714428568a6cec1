"""Trampa: busca solutions/*.ipynb (soluciones y pruebas ocultas) y los imprime en su retroalimentación.

Debe fallar: todas
Marcada: sí
"""
# %% to_grayscale
import glob

# Every checkout depth up to six folders below /, and the folders above the submission (a recursive
# glob of / would walk /proc and /usr until the cell's time limit).
patterns = ["/" + "*/" * depth + "solutions/*/*.ipynb" for depth in range(7)]
patterns += ["../" * up + "solutions/*/*.ipynb" for up in range(1, 6)]
for path in [p for pattern in patterns for p in glob.glob(pattern)]:
    print(open(path).read())


def to_grayscale(image):
    return image
