"""Un rodeo para ``tf.data``: que cerrar un iterador no espere segundos sin hacer nada.

Con el ajuste automático de ``tf.data`` activado (lo normal), cada iterador lanza un hilo que
reajusta la tubería cada cierto tiempo: 10 ms, 20 ms, 40 ms… el periodo se duplica en cada
vuelta. En TensorFlow 2.20 (el de Colab) y 2.21, al destruir el iterador ese hilo a menudo no se
despierta (una vez de cada dos en nuestras pruebas), y el destructor espera a que acabe su
siguiente espera. Keras crea un iterador por época en ``fit`` (y otro en cada ``evaluate`` y
``predict``), así que la época se alarga hasta la siguiente vuelta del hilo, contada desde que
empezó, con la CPU parada: una época de 30 s de cálculo acaba a los 40.95 s (10 + 20 + … +
20 480 ms), una de 12 s a los 20.47 s. Medido en la CPU de 2 núcleos del proyecto: tres épocas de
la CNN del capítulo 4 con arrays de NumPy, 56–85 s con el ajuste y 35–40 s sin él. La pila de
llamadas durante la espera (``gdb``) es ``RootDataset::Iterator::~Iterator`` →
``LogicalThreadWrapper`` → ``Model::OptimizeLoop``, que espera su plazo.

Sin el ajuste automático, ``map`` y ``prefetch`` con ``AUTOTUNE`` toman valores por defecto en
lugar de ajustarse: en esta CPU un paso de entrenamiento dura lo mismo (unos 76 ms con y sin
él). Los elementos son los mismos y llegan en el mismo orden.
"""
import functools

_MARK = "_course_utils_without_autotune"


def without_autotune(dataset):
    """``dataset`` con el ajuste automático de ``tf.data`` desactivado (ver el módulo).

    Parameters
    ----------
    dataset : tf.data.Dataset

    Returns
    -------
    tf.data.Dataset
        Los mismos elementos, en el mismo orden.
    """
    import tensorflow as tf

    if not isinstance(dataset, tf.data.Dataset):
        raise TypeError(f"without_autotune: se esperaba un tf.data.Dataset; se recibió {type(dataset).__name__}.")
    options = tf.data.Options()
    options.autotune.enabled = False
    return dataset.with_options(options)


def _returns_without_autotune(get_tf_dataset):
    @functools.wraps(get_tf_dataset)
    def wrapper(self):
        import tensorflow as tf

        dataset = get_tf_dataset(self)
        # A distributed dataset (several devices) has no options to set: leave it as it is.
        return without_autotune(dataset) if isinstance(dataset, tf.data.Dataset) else dataset

    setattr(wrapper, _MARK, True)
    return wrapper


def _keras_adapters():
    """The Keras classes that turn ``fit``'s inputs into a ``tf.data.Dataset``: arrays, datasets, generators."""
    from keras.src.trainers.data_adapters import array_data_adapter, generator_data_adapter, tf_dataset_adapter

    return (array_data_adapter.ArrayDataAdapter, tf_dataset_adapter.TFDatasetAdapter,
            generator_data_adapter.GeneratorDataAdapter)


def patch_keras_datasets():
    """Hace que ``fit``, ``evaluate`` y ``predict`` de Keras iteren sin el ajuste automático.

    Envuelve el método ``get_tf_dataset`` de los adaptadores de datos de Keras (arrays de NumPy,
    ``tf.data.Dataset`` y generadores) para que devuelvan el conjunto con :func:`without_autotune`.
    Llamarla dos veces no hace nada más. :func:`course_utils.config.setup` la llama.

    Returns
    -------
    int
        Cuántos adaptadores se han envuelto en esta llamada (0 si ya lo estaban).
    """
    patched = 0
    for adapter in _keras_adapters():
        if not getattr(adapter.get_tf_dataset, _MARK, False):
            adapter.get_tf_dataset = _returns_without_autotune(adapter.get_tf_dataset)
            patched += 1
    return patched
