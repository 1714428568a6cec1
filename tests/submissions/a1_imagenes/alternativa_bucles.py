"""Alternativa honesta: bucles de Python, np.rint y np.histogram; imprime mensajes en stderr.

Debe fallar: ninguna
"""
# %% to_uint8
import sys


def to_uint8(image):
    print("to_uint8: recorto a [0, 1]", file=sys.stderr)
    clipped = np.minimum(np.maximum(np.asarray(image, dtype=np.float64), 0.0), 1.0)
    return np.floor(clipped * 255 + 0.5).astype(np.uint8)
# %% split_channels
def split_channels(image):
    image = np.asarray(image)
    return tuple(np.moveaxis(image, -1, 0))
# %% histogram
def histogram(gray):
    counts, _ = np.histogram(np.asarray(gray).ravel(), bins=256, range=(0, 256))
    return counts
