"""course_utils.grading.call_without: forbidden NumPy functions are caught by their public name."""
import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

from course_utils import grading

FORBIDDEN = ("scipy", "course_utils", "numpy.convolve", "numpy.correlate")


@pytest.mark.parametrize("cheat,name", [
    (lambda a: np.convolve(a, a[::-1], mode="valid"), "numpy.convolve"),
    (lambda a: np.correlate(a, a, mode="valid"), "numpy.correlate"),
])
def test_forbidden_numpy_functions_are_caught(cheat, name):
    with pytest.raises(AssertionError, match=name):
        grading.call_without(FORBIDDEN, cheat, np.arange(5.0))


def test_ordinary_numpy_is_allowed():
    def honest(image):
        windows = sliding_window_view(np.pad(image, 1), (3, 3))
        return np.einsum("ijkl,kl->ij", windows, np.ones((3, 3))) + np.tensordot(windows, np.ones((3, 3)), axes=2)

    assert grading.call_without(FORBIDDEN, honest, np.ones((4, 4))).shape == (4, 4)


def test_scipy_is_caught_with_its_submodule():
    from scipy.signal import correlate2d

    with pytest.raises(AssertionError, match="scipy.signal"):
        grading.call_without(FORBIDDEN, correlate2d, np.ones((4, 4)), np.ones((3, 3)))


def test_keras_predict_after_setup_is_not_course_utils_but_the_reference_still_is():
    # setup() wraps Keras's data adapters (course_utils.tfdata): a student's model.predict runs
    # through that wrapper, and forbidding "course_utils" must not count it.
    import keras

    from course_utils import config, interpret

    config.setup(verbose=False)
    model = keras.Sequential([keras.Input((4, 4, 1)), keras.layers.Flatten(), keras.layers.Dense(2, activation="softmax")])
    image = np.ones((4, 4, 1), "float32")
    assert grading.call_without(FORBIDDEN, lambda: model.predict(image[None], verbose=0)).shape == (1, 2)
    with pytest.raises(AssertionError, match="course_utils.interpret"):
        grading.call_without(FORBIDDEN, interpret.occlusion_map, model, image, 0, 2, 2)
