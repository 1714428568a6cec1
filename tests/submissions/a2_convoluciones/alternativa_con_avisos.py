"""Alternativa honesta: bucles sobre el núcleo (no sobre la salida) y un aviso de warnings en cada llamada.

Debe fallar: ninguna
"""
# %% conv2d
import warnings


def conv2d(image, kernel, stride=1, padding=0):
    warnings.warn("conv2d: versión lenta, solo para aprender", RuntimeWarning, stacklevel=2)
    image = np.pad(np.asarray(image, dtype=np.float64), padding)
    kernel = np.asarray(kernel, dtype=np.float64)
    kh, kw = kernel.shape
    out_h = (image.shape[0] - kh) // stride + 1
    out_w = (image.shape[1] - kw) // stride + 1
    out = np.zeros((out_h, out_w))
    for m in range(kh):
        for n in range(kw):
            out += kernel[m, n] * image[m:m + stride * (out_h - 1) + 1:stride, n:n + stride * (out_w - 1) + 1:stride]
    return out
# %% conv_params
def conv_params(kernel_size, in_channels, filters, use_bias=True):
    return filters * (kernel_size ** 2 * in_channels + int(use_bias))
