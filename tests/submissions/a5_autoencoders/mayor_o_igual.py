"""Marca como anomalía también el error igual al umbral (>= en vez de >).

Debe fallar: test_detect_anomalies
"""
# %% detect_anomalies
def detect_anomalies(errors, threshold):
    return np.asarray(errors) >= threshold
