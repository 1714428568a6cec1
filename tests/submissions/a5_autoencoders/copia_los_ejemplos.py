"""Trampa: devuelve de memoria los resultados de los ejemplos visibles.

Debe fallar: test_reconstruction_errors, test_anomaly_threshold, test_detect_anomalies
"""
# %% reconstruction_errors
def reconstruction_errors(model, x):
    return np.array([0.25, 0.0, 0.25])[:len(x)]
# %% anomaly_threshold
def anomaly_threshold(errors, quantile=0.99):
    return 0.99 if quantile == 0.99 else 0.5
# %% detect_anomalies
def detect_anomalies(errors, threshold):
    return np.array([False, False, True])
