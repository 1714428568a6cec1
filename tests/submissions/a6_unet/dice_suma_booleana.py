"""Dice con |A| + |B| calculado como np.sum(a + b) sobre máscaras bool: True + True es True (cuenta la unión).

Debe fallar: test_dice
"""
# %% dice_coefficient
def dice_coefficient(y_true, y_pred):
    a = np.asarray(y_true).astype(bool)
    b = np.asarray(y_pred).astype(bool)
    total = np.sum(a + b)
    if total == 0:
        return 1.0
    return float(2 * np.sum(a * b) / total)
