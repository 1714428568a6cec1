"""course_utils.tfdata: closing a tf.data iterator does not wait for the autotune thread, and
Keras's fit, evaluate and predict get their data that way once setup() has run."""
import time

import numpy as np
import pytest

from course_utils import config, tfdata


def _seconds_to_close_an_iterator(dataset, iterate_for=0.7):
    """Pull elements for ``iterate_for`` seconds, then time the iterator's destruction."""
    iterator = iter(dataset)
    start = time.perf_counter()
    while time.perf_counter() - start < iterate_for:
        next(iterator)
    start = time.perf_counter()
    del iterator
    return time.perf_counter() - start


def _endless():
    import tensorflow as tf

    return tf.data.Dataset.range(10**12).map(lambda i: i * 2, num_parallel_calls=tf.data.AUTOTUNE) \
        .prefetch(tf.data.AUTOTUNE)


def test_without_autotune_closes_its_iterators_at_once():
    # With autotune, about one close in two waits for the thread's next wake-up (10, 30, 70, ...
    # 1270 ms after the start): 0.57 s for an iterator closed at 0.7 s. Six closes in a row
    # without a wait would happen by chance once in 64 runs.
    waits = [_seconds_to_close_an_iterator(tfdata.without_autotune(_endless())) for _ in range(6)]
    assert max(waits) < 0.25, waits


def test_without_autotune_keeps_the_elements_and_their_order():
    import tensorflow as tf

    def batches():
        return tf.data.Dataset.range(100).shuffle(100, seed=1).batch(7)

    tuned = tfdata.without_autotune(batches())
    assert [b.numpy().tolist() for b in tuned] == [b.numpy().tolist() for b in batches()]
    assert tuned.options().autotune.enabled is False


def test_without_autotune_rejects_what_is_not_a_dataset_in_spanish():
    with pytest.raises(TypeError, match="se esperaba un tf.data.Dataset"):
        tfdata.without_autotune(np.zeros(3))


def test_setup_makes_keras_datasets_skip_autotune():
    import tensorflow as tf
    from keras.src.trainers.data_adapters import array_data_adapter, tf_dataset_adapter

    config.setup(verbose=False)
    assert tfdata.patch_keras_datasets() == 0  # setup() already did it; a second call adds nothing
    x, y = np.zeros((10, 4), "float32"), np.zeros(10)
    from_arrays = array_data_adapter.ArrayDataAdapter(x, y, batch_size=4).get_tf_dataset()
    from_dataset = tf_dataset_adapter.TFDatasetAdapter(tf.data.Dataset.from_tensor_slices((x, y)).batch(4))
    assert from_arrays.options().autotune.enabled is False
    assert from_dataset.get_tf_dataset().options().autotune.enabled is False
