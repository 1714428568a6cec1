"""Fórmula del tamaño sin el «+ 1»: cuenta los pasos, no las posiciones.

Debe fallar: test_conv_output_size
"""
# %% conv_output_size
def conv_output_size(n, kernel_size, padding=0, stride=1):
    if kernel_size > n + 2 * padding:
        raise ValueError("El núcleo no cabe en la entrada.")
    return (n - kernel_size + 2 * padding) // stride
