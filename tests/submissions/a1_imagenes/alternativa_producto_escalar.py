"""Alternativa honesta: producto escalar con los pesos, np.divide con dtype, np.unique para el histograma; avisa con warnings.

Debe fallar: ninguna
"""
# %% to_grayscale
import warnings


def to_grayscale(image):
    rgb = np.asarray(image, dtype=np.float64)
    if rgb.dtype != np.asarray(image).dtype:
        warnings.warn("to_grayscale: convierto la imagen a float64", stacklevel=2)
    return rgb @ np.array([0.299, 0.587, 0.114])
# %% normalize
def normalize(image):
    return np.divide(np.asarray(image), 255, dtype=np.float32)
# %% histogram
def histogram(gray):
    values, counts = np.unique(np.asarray(gray, dtype=np.uint8), return_counts=True)
    out = np.zeros(256, dtype=np.int64)
    out[values] = counts
    return out
