"""Toma como umbral el error máximo de los datos normales en vez del cuantil.

Debe fallar: test_anomaly_threshold
"""
# %% anomaly_threshold
def anomaly_threshold(errors, quantile=0.99):
    return float(np.max(errors))
