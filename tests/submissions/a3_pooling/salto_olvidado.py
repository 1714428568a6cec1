"""Suma K − 1 por capa sin multiplicar por el salto: trata una pila con poolings como si todo fuera de paso 1.

Debe fallar: test_stacked_receptive_field
"""
# %% stacked_receptive_field
def stacked_receptive_field(layers):
    field, jump = 1, 1
    for kernel_size, stride in layers:
        field += kernel_size - 1
        jump *= stride
    return field, jump
