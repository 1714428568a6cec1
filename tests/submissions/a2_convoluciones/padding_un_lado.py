"""Rellena con ceros solo arriba y a la izquierda, no en los cuatro lados.

Debe fallar: test_conv2d
"""
# %% conv2d
def conv2d(image, kernel, stride=1, padding=0):
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    k_h, k_w = kernel.shape
    padded = np.pad(image, ((padding, 0), (padding, 0)))
    out_h = (padded.shape[0] - k_h) // stride + 1
    out_w = (padded.shape[1] - k_w) // stride + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(padded[i * stride:i * stride + k_h, j * stride:j * stride + k_w] * kernel)
    return out
