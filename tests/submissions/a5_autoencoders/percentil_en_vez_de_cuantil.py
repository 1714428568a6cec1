"""Usa np.percentile con quantile (0.99) como si fuera un porcentaje: da el percentil 0.99 %.

Debe fallar: test_anomaly_threshold
"""
# %% anomaly_threshold
def anomaly_threshold(errors, quantile=0.99):
    return float(np.percentile(errors, quantile))
