"""Trampa: delega el cálculo en sklearn.metrics.roc_auc_score.

Debe fallar: test_auroc
"""
# %% auroc
from sklearn.metrics import roc_auc_score

def auroc(normal_errors, anomaly_errors):
    normal = np.asarray(normal_errors, dtype=float)
    anomaly = np.asarray(anomaly_errors, dtype=float)
    if normal.size == 0 or anomaly.size == 0:
        raise ValueError("auroc: arrays vacíos")
    labels = np.r_[np.zeros(normal.size), np.ones(anomaly.size)]
    return float(roc_auc_score(labels, np.r_[normal, anomaly]))
