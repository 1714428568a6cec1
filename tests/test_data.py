"""course_utils.data: offline loaders, the MNIST code path, bad input."""
import numpy as np
import pytest

from course_utils import data


@pytest.mark.parametrize("name", data.list_sample_images())
def test_sample_images_are_8_bit(name):
    image = data.load_sample_image(name)
    assert image.dtype == np.uint8
    assert image.ndim == 2 or (image.ndim == 3 and image.shape[-1] == 3)


def test_unknown_sample_image_names_the_options():
    with pytest.raises(ValueError, match="astronaut"):
        data.load_sample_image("lena")


def test_digits_at_mnist_size_are_centred_in_a_20_pixel_box():
    images, labels = data.load_digits_images(size=28)
    assert images.shape == (1797, 28, 28) and images.dtype == np.uint8
    assert set(labels) == set(range(10))
    assert images[:, :4].max() == 0 and images[:, -4:].max() == 0  # black margin, as in MNIST
    assert images.max() == 255


def test_digits_at_original_size_keep_their_values():
    from sklearn.datasets import load_digits

    images, _ = data.load_digits_images()
    np.testing.assert_array_equal(images, np.round(load_digits().images / 16 * 255).astype(np.uint8))


def test_digits_reject_a_bad_size():
    with pytest.raises(ValueError, match="size"):
        data.load_digits_images(size=4)


def test_mnist_uses_keras_when_the_data_is_there(monkeypatch, recwarn):
    import keras

    fake = ((np.zeros((6, 28, 28), np.uint8), np.arange(6)), (np.ones((2, 28, 28), np.uint8), np.arange(2)))
    monkeypatch.setattr(keras.datasets.mnist, "load_data", lambda: fake)
    assert data.load_mnist() is fake
    assert not [w for w in recwarn if issubclass(w.category, data.OfflineDataWarning)]


def test_mnist_falls_back_to_the_digits_with_a_spanish_warning(monkeypatch):
    import keras

    def offline():
        raise Exception("URL fetch failure: [Errno -2] Name or service not known")

    monkeypatch.setattr(keras.datasets.mnist, "load_data", offline)
    with pytest.warns(data.OfflineDataWarning, match="No se pudo cargar MNIST.*dígitos de scikit-learn"):
        (x_train, y_train), (x_test, y_test) = data.load_mnist()
    assert x_train.shape[1:] == x_test.shape[1:] == (28, 28)
    assert len(x_train) + len(x_test) == 1797 and len(x_test) == 360
    assert len(x_train) == len(y_train) and len(x_test) == len(y_test)
