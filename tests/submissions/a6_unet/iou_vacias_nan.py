"""IoU sin el caso especial: dos máscaras vacías dan 0/0 = nan en lugar de 1.0.

Debe fallar: test_iou
"""
# %% iou
def iou(y_true, y_pred):
    a = np.asarray(y_true).astype(bool)
    b = np.asarray(y_pred).astype(bool)
    return np.logical_and(a, b).sum() / np.logical_or(a, b).sum()
