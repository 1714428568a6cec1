"""course_utils.data, capítulo 4: el cargador de Fashion-MNIST cae, sin conexión, en las formas
sintéticas y lo avisa; las formas tienen el formato de keras.datasets."""
import numpy as np
import pytest

from course_utils import data


def test_shapes_split_has_the_keras_datasets_format():
    (x_train, y_train), (x_test, y_test) = data.load_shapes_split(size=20, per_class=10)
    assert x_train.shape == (32, 20, 20) and x_test.shape == (8, 20, 20)
    assert x_train.dtype == np.uint8 and y_train.dtype == np.int64
    assert sorted(np.unique(y_test)) == [0, 1, 2, 3] == list(range(len(data.SHAPES_CLASSES)))
    # A white shape on a dark background: the borders are darker than the brightest pixels.
    assert x_train[:, 0, :].mean() < x_train.max(axis=(1, 2)).mean() / 2


def test_shapes_split_is_deterministic():
    first = data.load_shapes_split(per_class=5, seed=3)
    second = data.load_shapes_split(per_class=5, seed=3)
    np.testing.assert_array_equal(first[0][0], second[0][0])


def test_fashion_mnist_falls_back_to_the_shapes_with_a_warning(monkeypatch):
    import keras

    def offline():
        raise OSError("sin red")

    monkeypatch.setattr(keras.datasets.fashion_mnist, "load_data", offline)
    with pytest.warns(data.OfflineDataWarning, match="formas geométricas"):
        (x_train, y_train), _ = data.load_fashion_mnist()
    assert x_train.shape[1:] == (28, 28) and y_train.max() == 3


def test_fashion_mnist_uses_the_real_loader_when_it_works(monkeypatch):
    import keras

    fake = ((np.zeros((3, 28, 28), np.uint8), np.arange(3)), (np.zeros((1, 28, 28), np.uint8), np.arange(1)))
    monkeypatch.setattr(keras.datasets.fashion_mnist, "load_data", lambda: fake)
    assert data.load_fashion_mnist() is fake
    assert len(data.FASHION_MNIST_CLASSES) == 10


@pytest.mark.parametrize("kwargs", [{"size": 8}, {"per_class": 1}, {"test_fraction": 1.5}])
def test_shapes_split_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError, match="load_shapes_split"):
        data.load_shapes_split(**kwargs)
