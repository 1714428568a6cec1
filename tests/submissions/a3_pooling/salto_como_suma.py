"""Acumula el salto sumando los pasos en vez de multiplicarlos: acierta con un solo pooling 2×2.

Debe fallar: test_stacked_receptive_field
"""
# %% stacked_receptive_field
def stacked_receptive_field(layers):
    field, jump = 1, 1
    for kernel_size, stride in layers:
        field += (kernel_size - 1) * jump
        jump += stride - 1
    return field, jump
