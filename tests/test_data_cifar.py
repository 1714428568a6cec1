"""course_utils.data.load_cifar10: the keras.datasets path (up to the download) and the stand-in."""
import numpy as np
import pytest

from course_utils import data


def test_cifar10_reads_keras_and_flattens_the_labels(monkeypatch, tmp_path, recwarn):
    import keras

    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    (tmp_path / "datasets" / "cifar-10-batches-py-target").mkdir(parents=True)  # as if cached
    monkeypatch.setattr(data.cifar, "fail_fast_without_network", lambda host: pytest.fail("no debía mirar la red"))
    images = np.zeros((4, 32, 32, 3), np.uint8)
    monkeypatch.setattr(keras.datasets.cifar10, "load_data",
                        lambda: ((images, np.arange(4).reshape(4, 1)), (images[:2], np.array([[1], [2]]))))
    (x_train, y_train), (x_test, y_test) = data.load_cifar10()
    assert x_train.shape == (4, 32, 32, 3) and y_train.tolist() == [0, 1, 2, 3] and y_test.tolist() == [1, 2]
    assert not [w for w in recwarn if issubclass(w.category, data.OfflineDataWarning)]


def test_cifar10_without_network_warns_in_spanish_and_uses_coloured_digits(monkeypatch, tmp_path):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))  # nothing cached

    def no_network(host):
        raise OSError("sin red")

    monkeypatch.setattr(data.cifar, "fail_fast_without_network", no_network)
    with pytest.warns(data.OfflineDataWarning, match="CIFAR-10"):
        (x_train, y_train), (x_test, y_test) = data.load_cifar10()
    assert x_train.shape[1:] == (32, 32, 3) and x_train.dtype == np.uint8
    assert len(x_train) + len(x_test) == 1797 and set(y_train.tolist()) == set(range(10))
    assert x_train.reshape(len(x_train), -1, 3).std(axis=1).mean() > 10  # coloured, not grey
    assert len(data.CIFAR10_CLASSES) == 10
