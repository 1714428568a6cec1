"""Confunde la AUROC con la tasa de detección a un umbral (la mediana de los errores normales).

Debe fallar: test_auroc
"""
# %% auroc
def auroc(normal_errors, anomaly_errors):
    normal = np.asarray(normal_errors, dtype=float)
    anomaly = np.asarray(anomaly_errors, dtype=float)
    if normal.size == 0 or anomaly.size == 0:
        raise ValueError("auroc: arrays vacíos")
    return float(np.mean(anomaly > np.median(normal)))
