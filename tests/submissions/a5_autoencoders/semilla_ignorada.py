"""Usa el generador global de NumPy sin fijar la semilla: la misma seed da ruidos distintos.

Debe fallar: test_add_noise
"""
# %% add_noise
def add_noise(x, std=0.3, seed=None):
    x = np.asarray(x, dtype=np.float64)
    noisy = x + np.random.normal(0.0, std, size=x.shape)
    return np.clip(noisy, 0.0, 1.0).astype(np.float32)
