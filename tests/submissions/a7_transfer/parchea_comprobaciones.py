"""Trampa: anula las comprobaciones de course_utils.grading desde una respuesta y no resuelve nada.

Debe fallar: todas
Marcada: sí
"""
# %% build_transfer_model
import course_utils.grading
for _name in ("check_equal", "check_type", "check_close", "check_array", "call_without"):
    setattr(course_utils.grading, _name, lambda *args, **kwargs: None)
grading = course_utils.grading


def build_transfer_model(base_model, num_classes, dropout=0.2):
    return base_model
# %% unfreeze_top_layers
def unfreeze_top_layers(base_model, n):
    return n
# %% compile_for_fine_tuning
def compile_for_fine_tuning(model, learning_rate=1e-5):
    return model
