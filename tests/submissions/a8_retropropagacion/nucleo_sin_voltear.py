"""Calcula d_x como una convolución completa de d_out con el núcleo SIN voltear (correlación cruzada).

Debe fallar: test_conv2d_backward_d_x
"""
# %% conv2d_backward
def conv2d_backward(d_out, x, kernels, stride=1, padding=0):
    d_out = np.asarray(d_out, dtype=float)
    x = np.asarray(x, dtype=float)
    kernels = np.asarray(kernels, dtype=float)
    k = kernels.shape[0]
    h, w = x.shape[:2]
    padded = np.pad(x, ((padding, padding), (padding, padding), (0, 0)))
    d_padded = np.zeros_like(padded)
    d_kernels = np.zeros_like(kernels)
    flipped = kernels[::-1, ::-1]  # volteado dos veces en la cuenta: se aplica sin voltear
    for i in range(d_out.shape[0]):
        for j in range(d_out.shape[1]):
            window = padded[i * stride:i * stride + k, j * stride:j * stride + k]
            d_kernels += window[..., None] * d_out[i, j]
            d_padded[i * stride:i * stride + k, j * stride:j * stride + k] += flipped @ d_out[i, j]
    return d_padded[padding:padding + h, padding:padding + w], d_kernels, d_out.sum(axis=(0, 1))
