"""Trampa: delega en los constructores que ya trae course_utils.models en lugar de escribir las redes.

Debe fallar: todas
"""
# %% build_cnn
from course_utils.models import classification


def build_cnn(input_shape=(28, 28, 1), num_classes=10):
    return classification.build_cnn(input_shape=input_shape, num_classes=num_classes)
# %% lenet5
def lenet5(input_shape=(32, 32, 1), num_classes=10):
    return classification.build_lenet5(input_shape=input_shape, num_classes=num_classes)
