"""Ayudas de entrenamiento que comparten los capítulos: compilar un clasificador y ajustar
BatchNormalization."""


def compile_classifier(model, learning_rate=1e-3):
    """Compila un clasificador como todos los del libro: Adam, entropía cruzada dispersa, exactitud."""
    import keras

    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def set_batchnorm_momentum(model, momentum):
    """Cambia el ``momentum`` de todas las capas ``BatchNormalization`` de ``model`` (también anidadas).

    Durante el entrenamiento, cada ``BatchNormalization`` normaliza con la media y la varianza
    del lote y va guardando una media móvil exponencial de ambas,
    ``media ← momentum · media + (1 − momentum) · media_del_lote``, que es la que usa al
    evaluar. Con el valor por defecto de Keras (0.99) esa media «recuerda» unos 100 pasos: un
    entrenamiento de pocos cientos de pasos evalúa con estadísticas que aún arrastran los
    valores iniciales (media 0, varianza 1). Un momento menor (0.9) las pone al día en unas
    decenas de pasos. Hay que llamarla antes de ``fit``.

    PyTorch usa la convención opuesta: su ``momentum`` es el peso del lote nuevo
    (por defecto 0.1), de modo que ``momentum=0.99`` de Keras equivale a ``momentum=0.01`` de PyTorch.

    Parameters
    ----------
    model : keras.Model
        Modelo (también los anidados) cuyas capas ``BatchNormalization`` se ajustan.
    momentum : float
        Nuevo momento, en (0, 1).

    Returns
    -------
    int
        Cuántas capas ``BatchNormalization`` se han cambiado.
    """
    import keras

    if not isinstance(model, keras.Model):
        raise ValueError(f"set_batchnorm_momentum: se esperaba un keras.Model; se recibió {type(model).__name__}.")
    if isinstance(momentum, bool) or not isinstance(momentum, (int, float)) or not 0.0 < float(momentum) < 1.0:
        raise ValueError(f"set_batchnorm_momentum: momentum debe ser un número en (0, 1); se recibió {momentum!r}.")
    changed = 0
    for layer in model.layers:
        if isinstance(layer, keras.layers.BatchNormalization):
            layer.momentum = float(momentum)
            changed += 1
        elif isinstance(layer, keras.Model):
            changed += set_batchnorm_momentum(layer, momentum)
    return changed
