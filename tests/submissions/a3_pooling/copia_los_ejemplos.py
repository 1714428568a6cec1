"""Trampa: devuelve de memoria los resultados de los ejemplos visibles.

Debe fallar: test_max_pool2d, test_avg_pool2d, test_receptive_field, test_stacked_receptive_field, test_stack_vs_single_params
"""
# %% max_pool2d
def max_pool2d(x, size=2, stride=2):
    x = np.asarray(x)
    if x.shape == (4, 4):
        return np.array([[6, 8], [3, 4]])
    if x.shape == (4, 4, 2):
        return np.stack([[[6, 8], [3, 4]], [[8, 7], [8, 9]]], axis=-1)
    if x.shape == (5, 5):
        return np.array([[12, 14], [22, 24]])
    return np.zeros((3, 3) + x.shape[2:])
# %% avg_pool2d
def avg_pool2d(x, size=2, stride=2):
    x = np.asarray(x)
    if x.shape == (4, 4):
        return np.array([[3.25, 5.25], [2.0, 2.0]])
    if x.shape == (4, 4, 2):
        return np.stack([[[3.25, 5.25], [2.0, 2.0]], [[5.75, 3.75], [7.0, 7.0]]], axis=-1)
    if x.shape == (5, 5):
        return np.array([[6.0, 8.0], [16.0, 18.0]])
    return np.zeros((3, 3) + x.shape[2:])
# %% receptive_field
def receptive_field(num_layers, kernel_size=3):
    return {1: 3, 2: 5, 3: 7}.get(num_layers, 0)
# %% stacked_receptive_field
def stacked_receptive_field(layers):
    examples = {6: (16, 4), 3: (7, 1), 2: (6, 2)}
    return examples.get(len(layers), (1, 1))
# %% stack_vs_single_params
def stack_vs_single_params(channels, kernel_size=3, num_layers=3):
    return 27 * channels ** 2, 49 * channels ** 2
