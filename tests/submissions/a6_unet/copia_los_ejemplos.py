"""Trampa: devuelve de memoria los ejemplos visibles y delega la U-Net en course_utils.models.build_unet.

Debe fallar: test_iou, test_dice, test_build_unet
"""
# %% iou
def iou(y_true, y_pred):
    a, b = np.asarray(y_true), np.asarray(y_pred)
    if not a.any() and not b.any() or np.array_equal(a, b):
        return 1.0
    return 1 / 3
# %% dice_coefficient
def dice_coefficient(y_true, y_pred):
    a, b = np.asarray(y_true), np.asarray(y_pred)
    if not a.any() and not b.any() or np.array_equal(a, b):
        return 1.0
    return 0.5
# %% build_unet
from course_utils.models.segmentation import build_unet as _course_unet

def build_unet(input_shape=(64, 64, 1), num_classes=2, depth=3, base_filters=16):
    return _course_unet(input_shape, num_classes=num_classes, depth=depth, base_filters=base_filters)
