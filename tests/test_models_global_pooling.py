"""course_utils.models.global_pooling.build_gap_cnn (chapters 5 and 6)."""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from keras import layers  # noqa: E402

from course_utils.models import global_pooling  # noqa: E402


def test_gap_cnn_ends_in_global_average_pooling_and_names_its_last_conv_output():
    model = global_pooling.build_gap_cnn(input_shape=(16, 16, 1), num_classes=3, filters=(4, 8))
    kinds = [type(layer).__name__ for layer in model.layers]
    assert kinds[-3:] == ["GlobalAveragePooling2D", "Dropout", "Dense"]
    assert model.get_layer("last_conv").output.shape[1:] == (8, 8, 8)
    assert model.output_shape == (None, 3)
    probabilities = np.asarray(model(np.zeros((2, 16, 16, 1), "float32")))
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    assert not any(isinstance(layer, layers.Flatten) for layer in model.layers)


def test_gap_cnn_output_does_not_depend_on_where_the_pattern_is():
    model = global_pooling.build_gap_cnn(input_shape=(16, 16, 1), num_classes=2, filters=(4,))
    image = np.zeros((1, 16, 16, 1), "float32")
    image[0, 2:5, 2:5] = 1.0
    moved = np.roll(image, 8, axis=2)  # one conv block, no pooling: a shift is invisible to GAP
    np.testing.assert_allclose(np.asarray(model(image)), np.asarray(model(moved)), atol=1e-5)


@pytest.mark.parametrize("kwargs", [dict(filters=()), dict(num_classes=1), dict(input_shape=(16, 16))])
def test_gap_cnn_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        global_pooling.build_gap_cnn(**kwargs)
