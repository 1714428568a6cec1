"""Trampa: devuelve de memoria los resultados de los ejemplos visibles.

Debe fallar: test_reconstruction_errors, test_anomaly_threshold, test_detect_anomalies, test_auroc
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
# %% auroc
def auroc(normal_errors, anomaly_errors):
    return 1.0 if len(normal_errors) == 2 and min(anomaly_errors) > max(normal_errors) else 0.5
