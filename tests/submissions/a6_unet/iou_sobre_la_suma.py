"""IoU dividiendo la intersección entre la suma de los tamaños |A| + |B| en lugar de la unión.

Debe fallar: test_iou
"""
# %% iou
def iou(y_true, y_pred):
    a = np.asarray(y_true).astype(bool)
    b = np.asarray(y_pred).astype(bool)
    total = a.sum() + b.sum()
    if total == 0:
        return 1.0
    return float(np.logical_and(a, b).sum() / total)
