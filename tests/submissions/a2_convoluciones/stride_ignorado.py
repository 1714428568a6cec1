"""Desliza el núcleo de píxel en píxel aunque stride sea mayor que 1.

Debe fallar: test_conv2d
"""
# %% conv2d
def conv2d(image, kernel, stride=1, padding=0):
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    k_h, k_w = kernel.shape
    padded = np.pad(image, padding)
    out_h = padded.shape[0] - k_h + 1
    out_w = padded.shape[1] - k_w + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(padded[i:i + k_h, j:j + k_w] * kernel)
    return out
