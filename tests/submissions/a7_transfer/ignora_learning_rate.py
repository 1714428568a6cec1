"""Recompila siempre con Adam(1e-5), sin usar el argumento learning_rate.

Debe fallar: test_compile_for_fine_tuning
"""
# %% compile_for_fine_tuning
def compile_for_fine_tuning(model, learning_rate=1e-5):
    model.compile(optimizer=keras.optimizers.Adam(1e-5), loss=model.loss, metrics=["accuracy"])
    return model
