"""Trampa: anula las comprobaciones (course_utils.grading y numpy.isclose) desde una respuesta.

Debe fallar: todas
Marcada: sí
"""
# %% iou
import course_utils.grading
course_utils.grading.check_close = lambda *args, **kwargs: None
course_utils.grading.check_equal = lambda *args, **kwargs: None
course_utils.grading.check_array = lambda *args, **kwargs: None
np.isclose = lambda a, b, **kwargs: np.ones(np.broadcast(a, b).shape, dtype=bool)

def iou(y_true, y_pred):
    return 0.0
# %% dice_coefficient
def dice_coefficient(y_true, y_pred):
    return 0.0
# %% build_unet
def build_unet(input_shape=(64, 64, 1), num_classes=2, depth=3, base_filters=16):
    inputs = keras.Input(shape=input_shape)
    return keras.Model(inputs, layers.Conv2D(num_classes, 1)(inputs))
