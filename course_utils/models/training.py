"""Ayudas de entrenamiento que comparten los capítulos: compilar un clasificador, ajustar
BatchNormalization, la tubería de entrada ``tf.data`` y el plan de tasa de aprendizaje del capítulo 4."""
from ..tfdata import without_autotune


def compile_classifier(model, learning_rate=1e-3, jit_compile="auto"):
    """Compila un clasificador como todos los del libro: Adam, entropía cruzada dispersa, exactitud.

    ``learning_rate`` puede ser un número o un plan (``keras.optimizers.schedules``);
    ``jit_compile=True`` pide a TensorFlow que compile el paso de entrenamiento con XLA
    (``"auto"``, el valor de Keras, solo lo hace si hay GPU).
    """
    import keras

    model.compile(optimizer=keras.optimizers.Adam(learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"],
                  jit_compile=jit_compile)
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


def make_dataset(x, y, batch_size, shuffle=True, max_shift=0, seed=None):
    """Un ``tf.data.Dataset`` de entrenamiento: barajado, desplazado al azar, en lotes y con *prefetch*.

    Es la tubería de entrada del capítulo 4. Barajar en cada época y preparar el lote siguiente
    mientras la red calcula el actual (``prefetch``) no cambia lo que se aprende, pero evita que
    la CPU espere. Con ``max_shift > 0`` cada imagen se desplaza un número entero de píxeles al
    azar, entre ``-max_shift`` y ``max_shift`` en cada eje (se rellena con ceros y se recorta):
    una forma mínima de aumento de datos (capítulo 5) que enseña a la red que un dígito movido
    sigue siendo el mismo dígito. La misma ``seed`` da los mismos lotes y desplazamientos. El
    conjunto lleva desactivado el ajuste automático de ``tf.data`` (:mod:`course_utils.tfdata`).

    Parameters
    ----------
    x : ndarray
        Imágenes (N, alto, ancho, canales), ``float32``.
    y : ndarray
        Etiquetas enteras (N,).
    batch_size : int
        Tamaño de lote.
    shuffle : bool
        Barajar las imágenes en cada época.
    max_shift : int
        Desplazamiento máximo en píxeles; 0 no desplaza.
    seed : int, optional
        Semilla del barajado y de los desplazamientos.

    Returns
    -------
    tf.data.Dataset
        Lotes ``(imágenes, etiquetas)``; una pasada es una época.
    """
    import numpy as np
    import tensorflow as tf

    x = np.asarray(x)
    if x.ndim != 4:
        raise ValueError(f"make_dataset: x debe tener forma (N, alto, ancho, canales); se recibió {x.shape}.")
    if len(x) != len(y):
        raise ValueError(f"make_dataset: x e y deben tener el mismo número de ejemplos; {len(x)} ≠ {len(y)}.")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"make_dataset: batch_size debe ser un entero positivo; se recibió {batch_size!r}.")
    if not isinstance(max_shift, int) or max_shift < 0:
        raise ValueError(f"make_dataset: max_shift debe ser un entero ≥ 0; se recibió {max_shift!r}.")
    dataset = tf.data.Dataset.from_tensor_slices((x, y))
    if shuffle:
        dataset = dataset.shuffle(len(x), seed=seed, reshuffle_each_iteration=True)
    dataset = dataset.batch(batch_size)
    if max_shift:
        height, width = x.shape[1:3]

        def shift(images, labels):
            # Rellena con ceros y recorta en cada imagen una ventana desplazada al azar.
            padded = tf.pad(images, [[0, 0], [max_shift, max_shift], [max_shift, max_shift], [0, 0]])
            n = tf.shape(images)[0]
            offsets = tf.random.uniform((n, 2), 0, 2 * max_shift + 1, dtype=tf.int32, seed=seed)
            rows = offsets[:, 0:1] + tf.range(height)[None, :]           # (n, alto)
            cols = offsets[:, 1:2] + tf.range(width)[None, :]            # (n, ancho)
            picked = tf.gather(padded, rows, axis=1, batch_dims=1)      # (n, alto, ancho + 2s, c)
            picked = tf.gather(picked, cols, axis=2, batch_dims=1)      # (n, alto, ancho, c)
            return picked, labels

        # One call at a time: the shifts come from a seeded random op with state, and parallel
        # calls would share them out among the batches in whatever order the threads run.
        dataset = dataset.map(shift)
    return without_autotune(dataset.prefetch(tf.data.AUTOTUNE))


def warmup_cosine_schedule(steps_per_epoch, epochs, peak=3e-3, warmup_epochs=1, start_fraction=0.1):
    """El plan de tasa de aprendizaje del capítulo 4: calentamiento lineal y descenso en coseno.

    Durante ``warmup_epochs`` épocas la tasa sube en línea recta de ``start_fraction · peak``
    a ``peak``; después baja siguiendo medio coseno hasta 0 al final de la última época
    (``keras.optimizers.schedules.CosineDecay`` con ``warmup_steps``). Es el perfil *one-cycle*
    de Smith y Topin (2019) sin la parte del momento.

    Parameters
    ----------
    steps_per_epoch : int
        Pasos (lotes) por época.
    epochs : int
        Épocas de todo el entrenamiento (calentamiento incluido).
    peak : float
        Tasa máxima, la del final del calentamiento.
    warmup_epochs : int
        Épocas de calentamiento.
    start_fraction : float
        Fracción de ``peak`` con que empieza el calentamiento.

    Returns
    -------
    keras.optimizers.schedules.CosineDecay
        Se llama con el número de paso y devuelve la tasa.
    """
    import keras

    for name, value in (("steps_per_epoch", steps_per_epoch), ("epochs", epochs)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"warmup_cosine_schedule: {name} debe ser un entero positivo; se recibió {value!r}.")
    if not isinstance(warmup_epochs, int) or not 0 <= warmup_epochs <= epochs:
        raise ValueError(f"warmup_cosine_schedule: warmup_epochs debe estar entre 0 y epochs ({epochs}); "
                         f"se recibió {warmup_epochs!r}.")
    warmup = warmup_epochs * steps_per_epoch
    return keras.optimizers.schedules.CosineDecay(
        initial_learning_rate=start_fraction * peak, decay_steps=max(epochs * steps_per_epoch - warmup, 1),
        alpha=0.0, warmup_target=peak, warmup_steps=warmup)
