"""Actualiza el salto antes de sumar (K − 1) · salto: cada capa usa su propio paso.

Debe fallar: test_stacked_receptive_field
"""
# %% stacked_receptive_field
def stacked_receptive_field(layers):
    field, jump = 1, 1
    for kernel_size, stride in layers:
        jump *= stride
        field += (kernel_size - 1) * jump
    return field, jump
