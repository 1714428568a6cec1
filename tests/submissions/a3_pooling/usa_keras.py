"""Trampa: delega el pooling en las capas de Keras en vez de escribirlo con NumPy.

Debe fallar: test_max_pool2d, test_avg_pool2d
"""
# %% max_pool2d
def max_pool2d(x, size=2, stride=2):
    import keras
    x = np.asarray(x, dtype=np.float32)
    batch = x[None] if x.ndim == 3 else x[None, ..., None]
    out = np.asarray(keras.layers.MaxPooling2D(size, stride)(batch))[0]
    return out if x.ndim == 3 else out[..., 0]
# %% avg_pool2d
def avg_pool2d(x, size=2, stride=2):
    import keras
    x = np.asarray(x, dtype=np.float32)
    batch = x[None] if x.ndim == 3 else x[None, ..., None]
    out = np.asarray(keras.layers.AveragePooling2D(size, stride)(batch))[0]
    return out if x.ndim == 3 else out[..., 0]
