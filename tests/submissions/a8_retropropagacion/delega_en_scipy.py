"""Trampa: usa scipy.signal.correlate y convolve para los gradientes (solo vale con paso 1).

Debe fallar: test_conv2d_backward_d_x, test_conv2d_backward_d_kernels
"""
# %% conv2d_backward
def conv2d_backward(d_out, x, kernels, stride=1, padding=0):
    from scipy import signal
    d_out = np.asarray(d_out, dtype=float)
    x = np.asarray(x, dtype=float)
    kernels = np.asarray(kernels, dtype=float)
    h, w = x.shape[:2]
    padded = np.pad(x, ((padding, padding), (padding, padding), (0, 0)))
    dilated = np.zeros(((d_out.shape[0] - 1) * stride + 1, (d_out.shape[1] - 1) * stride + 1, d_out.shape[2]))
    dilated[::stride, ::stride] = d_out
    d_padded = np.zeros_like(padded)
    d_kernels = np.zeros_like(kernels)
    k = kernels.shape[0]
    for c in range(x.shape[2]):
        for f in range(kernels.shape[3]):
            full = signal.convolve2d(dilated[..., f], kernels[:, :, c, f])
            d_padded[:full.shape[0], :full.shape[1], c] += full[:padded.shape[0], :padded.shape[1]]
            d_kernels[:, :, c, f] = signal.correlate2d(padded[..., c], dilated[..., f], mode="valid")[:k, :k]
    return d_padded[padding:padding + h, padding:padding + w], d_kernels, d_out.sum(axis=(0, 1))
