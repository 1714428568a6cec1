"""Trampa: delega en SciPy y apaga el perfilador (sys.setprofile(None)) para que call_without no lo vea.

Debe fallar: todas
Marcada: sí
"""
# %% conv2d
import sys


def conv2d(image, kernel, stride=1, padding=0):
    sys.setprofile(None)
    from scipy.signal import correlate2d

    padded = np.pad(np.asarray(image, dtype=np.float64), padding)
    return correlate2d(padded, np.asarray(kernel, dtype=np.float64), mode="valid")[::stride, ::stride]
