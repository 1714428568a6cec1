"""Alternativa honesta: Dice a partir de la IoU (D = 2J / (1 + J)).

Debe fallar: ninguna
"""
# %% dice_coefficient
def dice_coefficient(y_true, y_pred):
    j = iou(y_true, y_pred)
    return 2 * j / (1 + j)
