"""Cambia la tasa del optimizador que ya tenía en vez de volver a compilar.

Debe fallar: test_compile_for_fine_tuning
"""
# %% compile_for_fine_tuning
def compile_for_fine_tuning(model, learning_rate=1e-5):
    model.optimizer.learning_rate.assign(learning_rate)
    return model
