"""Alternativa honesta: np.percentile para el umbral y np.greater para las anomalías; avisa con warnings.

Debe fallar: ninguna
"""
# %% anomaly_threshold
import warnings


def anomaly_threshold(errors, quantile=0.99):
    warnings.warn("anomaly_threshold: percentil con interpolación lineal", stacklevel=2)
    return float(np.percentile(np.asarray(errors, dtype=np.float64), 100 * quantile))
# %% detect_anomalies
def detect_anomalies(errors, threshold):
    return np.greater(np.asarray(errors), threshold)
