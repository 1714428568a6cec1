"""Comprobaciones de argumentos que comparten los constructores de modelos."""


def check_input_shape(input_shape, name):
    shape = tuple(input_shape)
    if len(shape) != 3 or not all(isinstance(n, int) and n > 0 for n in shape):
        raise ValueError(
            f"{name}: input_shape debe ser (alto, ancho, canales) con enteros positivos, "
            f"p. ej. (28, 28, 1); se recibió {input_shape!r}."
        )
    return shape


def check_classes(num_classes, name):
    if not isinstance(num_classes, int) or isinstance(num_classes, bool) or num_classes < 2:
        raise ValueError(f"{name}: num_classes debe ser un entero ≥ 2; se recibió {num_classes!r}.")
    return num_classes


def check_positive_ints(values, name, what):
    values = tuple(values)
    if not values or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in values):
        raise ValueError(f"{name}: {what} debe ser una secuencia de enteros positivos; se recibió {values!r}.")
    return values


def check_positive_int(value, what, name):
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name}: {what} debe ser un entero positivo; se recibió {value!r}.")
