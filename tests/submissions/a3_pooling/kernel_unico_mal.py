"""Da a la convolución única un lado de L·k (9×9) en vez del campo receptivo de la pila (7×7).

Debe fallar: test_stack_vs_single_params
"""
# %% stack_vs_single_params
def stack_vs_single_params(channels, kernel_size=3, num_layers=3):
    side = num_layers * kernel_size
    stack = num_layers * kernel_size * kernel_size * channels * channels
    single = side * side * channels * channels
    return stack, single
