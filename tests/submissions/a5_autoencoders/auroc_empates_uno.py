"""AUROC con >=: los empates cuentan 1 en vez de la mitad.

Debe fallar: test_auroc
"""
# %% auroc
def auroc(normal_errors, anomaly_errors):
    normal = np.asarray(normal_errors, dtype=float)
    anomaly = np.asarray(anomaly_errors, dtype=float)
    if normal.size == 0 or anomaly.size == 0:
        raise ValueError("auroc: arrays vacíos")
    return float((anomaly[:, None] >= normal[None, :]).mean())
