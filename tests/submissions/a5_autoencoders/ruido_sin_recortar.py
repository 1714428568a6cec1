"""Suma el ruido pero no recorta el resultado a [0, 1].

Debe fallar: test_add_noise
"""
# %% add_noise
def add_noise(x, std=0.3, seed=None):
    x = np.asarray(x, dtype=np.float64)
    rng = np.random.default_rng(seed)
    return (x + rng.normal(0.0, std, size=x.shape)).astype(np.float32)
