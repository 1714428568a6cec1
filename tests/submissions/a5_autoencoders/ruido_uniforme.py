"""Usa ruido uniforme con la misma desviación típica en lugar de ruido gaussiano.

Debe fallar: test_add_noise
"""
# %% add_noise
def add_noise(x, std=0.3, seed=None):
    x = np.asarray(x, dtype=np.float64)
    rng = np.random.default_rng(seed)
    half_width = std * np.sqrt(3.0)  # a uniform on [-a, a] has std a/√3
    noisy = x + rng.uniform(-half_width, half_width, size=x.shape)
    return np.clip(noisy, 0.0, 1.0).astype(np.float32)
