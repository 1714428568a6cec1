"""Convolución «de libro de texto»: voltea el núcleo 180°, y las redes no lo voltean.

El ejemplo visible usa un filtro simétrico (volteado es igual), así que solo lo delatan las pruebas
ocultas con núcleos aleatorios.

Debe fallar: test_conv2d
"""
# %% conv2d
def conv2d(image, kernel, stride=1, padding=0):
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)[::-1, ::-1]
    k_h, k_w = kernel.shape
    padded = np.pad(image, padding)
    out_h = (padded.shape[0] - k_h) // stride + 1
    out_w = (padded.shape[1] - k_w) // stride + 1
    out = np.zeros((out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = np.sum(padded[i * stride:i * stride + k_h, j * stride:j * stride + k_w] * kernel)
    return out
