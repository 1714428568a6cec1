"""Chapter 9 loaders (course_utils.data): digit halves, few labels per class, tf_flowers and its stand-in."""
import sys
import types

import numpy as np
import pytest

from course_utils import data


def test_digit_halves_are_disjoint_tasks_with_labels_0_to_4():
    source, target = data.load_digit_halves(size=32)
    assert source.source == "dígitos 0–4" and target.source == "dígitos 5–9"
    assert target.class_names == ("5", "6", "7", "8", "9")
    x_train, y_train, x_test, y_test = target  # unpacks like a tuple
    assert x_train.shape[1:] == (32, 32, 1) and x_train.dtype == np.uint8
    for task in (source, target):
        assert set(np.unique(task.y_train)) == set(np.unique(task.y_test)) == set(range(5))
    total = sum(len(task.y_train) + len(task.y_test) for task in (source, target))
    assert total == 1797
    # the same pixels never appear in both tasks
    flat = {bytes(im) for im in source.x_train} | {bytes(im) for im in source.x_test}
    assert not any(bytes(im) in flat for im in target.x_train[:50])


def test_take_per_class_keeps_exactly_n_of_each_class():
    y = np.repeat(np.arange(3), [5, 7, 9])
    x = np.arange(len(y)) * 10
    xs, ys = data.take_per_class(x, y, 4, seed=3)
    assert np.bincount(ys).tolist() == [4, 4, 4]
    assert np.array_equal(y[xs // 10], ys)  # images travel with their labels
    assert np.array_equal(data.take_per_class(x, y, None)[0], x)  # None keeps every example


@pytest.mark.parametrize("per_class", [0, 6, 2.5])
def test_take_per_class_rejects_impossible_counts(per_class):
    y = np.repeat(np.arange(3), [5, 7, 9])
    with pytest.raises(ValueError, match="per_class"):
        data.take_per_class(np.zeros(len(y)), y, per_class)


def test_load_flowers_offline_falls_back_to_the_digits_task(monkeypatch):
    fake = types.ModuleType("tensorflow_datasets")

    def no_network(*args, **kwargs):
        raise ConnectionError("no hay red")

    fake.load = no_network
    monkeypatch.setitem(sys.modules, "tensorflow_datasets", fake)
    with pytest.warns(data.OfflineDataWarning, match="tf_flowers"):
        task = data.load_flowers(image_size=64)
    assert task.source == "dígitos 5–9" and task.x_train.shape[1:] == (32, 32, 1)


def test_load_flowers_resizes_and_splits_what_tfds_returns(monkeypatch):
    import tensorflow as tf

    rng = np.random.default_rng(0)
    images = [rng.integers(0, 256, (int(h), int(w), 3), dtype=np.uint8)
              for h, w in rng.integers(40, 90, size=(20, 2))]
    labels = np.arange(20) % 5
    fake = types.ModuleType("tensorflow_datasets")
    names = ["dandelion", "daisy", "tulips", "sunflowers", "roses"]
    info = types.SimpleNamespace(features={"label": types.SimpleNamespace(names=names)})

    def load(name, split, as_supervised, with_info, data_dir=None, download=True):
        assert (name, split, as_supervised, with_info) == ("tf_flowers", "train", True, True)
        assert not download  # a prepared cache is read before anything is downloaded
        dataset = tf.data.Dataset.from_generator(
            lambda: zip(images, labels),
            output_signature=(tf.TensorSpec((None, None, 3), tf.uint8), tf.TensorSpec((), tf.int64)))
        return dataset, info

    fake.load = load
    monkeypatch.setitem(sys.modules, "tensorflow_datasets", fake)
    task = data.load_flowers(image_size=48, test_fraction=0.25)
    assert task.source == "tf_flowers" and task.class_names == tuple(names)
    assert task.x_train.shape == (15, 48, 48, 3) and task.x_test.shape == (5, 48, 48, 3)
    assert task.x_train.dtype == np.uint8
    assert np.bincount(task.y_test).tolist() == [1, 1, 1, 1, 1]


@pytest.mark.parametrize("size", [16, 64.0])
def test_load_flowers_rejects_bad_sizes(size):
    with pytest.raises(ValueError, match="image_size"):
        data.load_flowers(image_size=size)
