"""Alternativa honesta: d_x como convolución completa de d_out dilatado con el núcleo volteado,
d_kernels con ventanas deslizantes y einsum, el max pooling con np.add.at y la diferencia
centrada sobre copias de x. Debe sacar todos los puntos.

Debe fallar: ninguna
"""
# %% conv2d_backward
def conv2d_backward(d_out, x, kernels, stride=1, padding=0):
    d_out = np.asarray(d_out, dtype=float)
    x = np.asarray(x, dtype=float)
    kernels = np.asarray(kernels, dtype=float)
    k = kernels.shape[0]
    h, w, _ = x.shape
    padded = np.pad(x, ((padding, padding), (padding, padding), (0, 0)))
    # Intercala stride − 1 ceros entre los valores de d_out y rellena con k − 1 ceros por lado.
    dilated = np.zeros(((d_out.shape[0] - 1) * stride + 1, (d_out.shape[1] - 1) * stride + 1, d_out.shape[2]))
    dilated[::stride, ::stride] = d_out
    full = np.pad(dilated, ((k - 1, k - 1), (k - 1, k - 1), (0, 0)))
    flipped = kernels[::-1, ::-1]                                       # (K, K, C, F)
    windows = np.lib.stride_tricks.sliding_window_view(full, (k, k), axis=(0, 1))  # (A, B, F, K, K)
    d_covered = np.einsum("abfmn,mncf->abc", windows, flipped)         # zona que cubren las ventanas
    d_padded = np.zeros_like(padded)
    d_padded[:d_covered.shape[0], :d_covered.shape[1]] = d_covered
    patches = np.lib.stride_tricks.sliding_window_view(padded, (k, k), axis=(0, 1))
    patches = patches[::stride, ::stride][:d_out.shape[0], :d_out.shape[1]]  # (H2, W2, C, K, K)
    d_kernels = np.einsum("ijcmn,ijf->mncf", patches, d_out)
    return d_padded[padding:padding + h, padding:padding + w], d_kernels, d_out.sum(axis=(0, 1))
# %% max_pool2d_backward
def max_pool2d_backward(d_out, x, size=2, stride=2):
    x = np.asarray(x, dtype=float)
    grad_out = np.asarray(d_out, dtype=float)
    volume = x if x.ndim == 3 else x[..., None]
    grad_out = grad_out if grad_out.ndim == 3 else grad_out[..., None]
    rows, cols, channels = grad_out.shape
    windows = np.lib.stride_tricks.sliding_window_view(volume, (size, size), axis=(0, 1))[::stride, ::stride]
    windows = windows[:rows, :cols].reshape(rows, cols, channels, size * size)
    best = windows.argmax(axis=-1)                      # el primer máximo de cada ventana
    i, j, c = np.indices((rows, cols, channels))
    d_x = np.zeros(volume.shape)
    np.add.at(d_x, (i * stride + best // size, j * stride + best % size, c), grad_out)
    return d_x if x.ndim == 3 else d_x[..., 0]
# %% relu_backward
def relu_backward(d_out, x):
    return np.asarray(d_out, dtype=float) * (np.asarray(x) > 0)
# %% numerical_gradient
def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    for k in range(x.size):
        step = np.zeros(x.shape)
        step.flat[k] = eps
        grad.flat[k] = (f(x + step) - f(x - step)) / (2 * eps)
    return grad
