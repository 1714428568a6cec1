"""Dice que devuelve 0.0 cuando las dos máscaras están vacías (se evita dividir entre 0 al revés).

Debe fallar: test_dice
"""
# %% dice_coefficient
def dice_coefficient(y_true, y_pred):
    a = np.asarray(y_true).astype(bool)
    b = np.asarray(y_pred).astype(bool)
    total = int(a.sum()) + int(b.sum())
    if total == 0:
        return 0.0
    return float(2 * np.logical_and(a, b).sum() / total)
