"""Olvida sumar el sesgo de cada filtro.

Debe fallar: test_conv2d_multichannel
"""
# %% conv2d_multichannel
def conv2d_multichannel(x, kernels, bias, stride=1, padding=0):
    x = np.asarray(x, dtype=np.float64)
    kernels = np.asarray(kernels, dtype=np.float64)
    k, n_filters = kernels.shape[0], kernels.shape[3]
    padded = np.pad(x, ((padding, padding), (padding, padding), (0, 0)))
    out_h = (padded.shape[0] - k) // stride + 1
    out_w = (padded.shape[1] - k) // stride + 1
    out = np.zeros((out_h, out_w, n_filters))
    for i in range(out_h):
        for j in range(out_w):
            window = padded[i * stride:i * stride + k, j * stride:j * stride + k, :]
            for f in range(n_filters):
                out[i, j, f] = np.sum(window * kernels[:, :, :, f])
    return out
