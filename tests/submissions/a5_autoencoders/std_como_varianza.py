"""Pasa std como si fuera la varianza: la desviación típica del ruido queda en std².

Debe fallar: test_add_noise
"""
# %% add_noise
def add_noise(x, std=0.3, seed=None):
    x = np.asarray(x, dtype=np.float64)
    rng = np.random.default_rng(seed)
    noisy = x + rng.normal(0.0, std ** 2, size=x.shape)
    return np.clip(noisy, 0.0, 1.0).astype(np.float32)
