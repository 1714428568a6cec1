"""course_utils.widgets, chapter 5: the augmentation playground's drawing function."""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_utils import data, widgets  # noqa: E402


def teardown_function():
    plt.close("all")


def _digit():
    images, _ = data.load_digits_images(size=28)
    return images[0]


def test_augment_examples_are_reproducible_in_range_and_different():
    a = widgets.augment_examples(_digit(), n=6, seed=2, rotation=0.2, zoom=0.1)
    b = widgets.augment_examples(_digit(), n=6, seed=2, rotation=0.2, zoom=0.1)
    assert a.shape == (6, 28, 28, 1) and a.dtype == np.float32
    np.testing.assert_array_equal(a, b)
    assert 0 <= a.min() and a.max() <= 1
    assert not np.allclose(a[0], a[1])


def test_without_transforms_every_version_is_the_original():
    out = widgets.augment_examples(_digit(), n=3)
    np.testing.assert_allclose(out[:, ..., 0], np.repeat(_digit()[None] / 255.0, 3, axis=0), atol=1e-6)


def test_draw_augmentations_shows_original_plus_n():
    fig = widgets.draw_augmentations(np.random.default_rng(0).random((20, 30, 3)), n=4, ncols=4,
                                     flip="horizontal", brightness=0.2)
    assert sum(bool(ax.get_images()) for ax in fig.axes) == 5
    assert "brightness=0.2" in fig._suptitle.get_text()


@pytest.mark.parametrize("kwargs, message", [
    (dict(shear=0.2), "desconocidas"), (dict(n=0), "entre 1 y 64")])
def test_bad_arguments_raise_spanish_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        widgets.augment_examples(_digit(), **kwargs)


def test_real_images_outside_unit_range_are_rejected():
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        widgets.draw_augmentations(np.full((8, 8), 3.0))


def test_playground_builds_its_controls():
    box = widgets.augmentation_playground({"uno": np.zeros((8, 8), np.uint8)})
    assert len(box.children) == 2
