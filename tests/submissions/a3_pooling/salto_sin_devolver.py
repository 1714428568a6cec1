"""Devuelve solo el campo receptivo (un entero), no la tupla (campo_receptivo, salto).

Debe fallar: test_stacked_receptive_field
"""
# %% stacked_receptive_field
def stacked_receptive_field(layers):
    field, jump = 1, 1
    for kernel_size, stride in layers:
        field += (kernel_size - 1) * jump
        jump *= stride
    return field
