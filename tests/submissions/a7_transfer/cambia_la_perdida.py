"""Recompila con una pérdida escrita a mano en vez de la que tenía el modelo.

Debe fallar: test_compile_for_fine_tuning
"""
# %% compile_for_fine_tuning
def compile_for_fine_tuning(model, learning_rate=1e-5):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(), metrics=["accuracy"])
    return model
