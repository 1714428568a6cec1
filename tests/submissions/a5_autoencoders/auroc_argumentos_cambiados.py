"""Cambia el orden de los argumentos: calcula P(normal > anomalía), es decir, 1 − AUROC.

Debe fallar: test_auroc
"""
# %% auroc
def auroc(normal_errors, anomaly_errors):
    normal = np.asarray(normal_errors, dtype=float)
    anomaly = np.asarray(anomaly_errors, dtype=float)
    if normal.size == 0 or anomaly.size == 0:
        raise ValueError("auroc: arrays vacíos")
    greater = (normal[:, None] > anomaly[None, :]).sum()
    ties = (normal[:, None] == anomaly[None, :]).sum()
    return float((greater + 0.5 * ties) / (normal.size * anomaly.size))
