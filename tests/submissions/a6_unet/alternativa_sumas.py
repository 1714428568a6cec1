"""Alternativa honesta: IoU y Dice con operadores & y | y np.count_nonzero; avisa si las máscaras no son booleanas.

Debe fallar: ninguna
"""
# %% iou
import warnings


def iou(y_true, y_pred):
    a, b = np.asarray(y_true) != 0, np.asarray(y_pred) != 0
    if np.asarray(y_true).dtype != bool:
        warnings.warn("iou: convierto las máscaras a booleanas", stacklevel=2)
    union = np.count_nonzero(a | b)
    return 1.0 if union == 0 else np.count_nonzero(a & b) / union
# %% dice_coefficient
def dice_coefficient(y_true, y_pred):
    a, b = np.asarray(y_true) != 0, np.asarray(y_pred) != 0
    total = np.count_nonzero(a) + np.count_nonzero(b)
    return 1.0 if total == 0 else 2.0 * np.count_nonzero(a & b) / total
