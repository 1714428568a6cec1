"""No comprueba las entradas vacías: devuelve nan (con un aviso) en vez de lanzar ValueError.

Debe fallar: test_auroc
"""
# %% auroc
def auroc(normal_errors, anomaly_errors):
    normal = np.asarray(normal_errors, dtype=float)
    anomaly = np.asarray(anomaly_errors, dtype=float)
    greater = (anomaly[:, None] > normal[None, :]).sum()
    ties = (anomaly[:, None] == normal[None, :]).sum()
    return float((greater + 0.5 * ties) / (normal.size * anomaly.size))
