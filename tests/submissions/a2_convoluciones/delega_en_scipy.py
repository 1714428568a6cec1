"""Trampa: delega la convolución en scipy.signal.correlate2d (el resultado es correcto).

Debe fallar: test_conv2d
"""
# %% conv2d
from scipy.signal import correlate2d

def conv2d(image, kernel, stride=1, padding=0):
    padded = np.pad(np.asarray(image, dtype=np.float64), padding)
    return correlate2d(padded, np.asarray(kernel, dtype=np.float64), mode="valid")[::stride, ::stride]
