"""Dice sin el factor 2: |A ∩ B| / (|A| + |B|), que nunca pasa de 0.5.

Debe fallar: test_dice
"""
# %% dice_coefficient
def dice_coefficient(y_true, y_pred):
    a = np.asarray(y_true).astype(bool)
    b = np.asarray(y_pred).astype(bool)
    total = int(a.sum()) + int(b.sum())
    if total == 0:
        return 1.0
    return float(np.logical_and(a, b).sum() / total)
