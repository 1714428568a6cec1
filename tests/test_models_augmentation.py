"""course_utils.models: build_augmentation and set_batchnorm_momentum (chapters 5 and 6)."""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_utils.models import augmentation, classification, training  # noqa: E402


def test_build_augmentation_holds_only_the_requested_layers_in_order():
    block = augmentation.build_augmentation(flip="horizontal", rotation=0.1, contrast=0.2)
    assert [type(layer).__name__ for layer in block.layers] == ["RandomFlip", "RandomRotation", "RandomContrast"]
    assert augmentation.build_augmentation().layers == []


def test_augmentation_acts_in_training_only():
    block = augmentation.build_augmentation(rotation=0.2, translation=0.2, brightness=0.3, seed=1)
    x = np.random.default_rng(0).random((4, 12, 12, 1)).astype("float32")
    np.testing.assert_array_equal(np.asarray(block(x, training=False)), x)
    assert not np.allclose(np.asarray(block(x, training=True)), x)


def test_horizontal_flip_mirrors_columns():
    block = augmentation.build_augmentation(flip="horizontal", seed=3)
    x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    outs = [np.asarray(block(x, training=True)) for _ in range(8)]
    assert all(np.array_equal(o, x) or np.array_equal(o, x[:, :, ::-1]) for o in outs)
    assert any(np.array_equal(o, x[:, :, ::-1]) for o in outs)


@pytest.mark.parametrize("kwargs, message", [
    (dict(flip="diagonal"), "flip"), (dict(rotation=1.5), "rotation"), (dict(zoom=-0.1), "zoom")])
def test_build_augmentation_rejects_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        augmentation.build_augmentation(**kwargs)


def test_set_batchnorm_momentum_reaches_nested_models():
    cnn = classification.build_cnn(input_shape=(12, 12, 1), filters=(4,), dense_units=8)
    wrapped = keras.Sequential([keras.Input((12, 12, 1)), augmentation.build_augmentation(zoom=0.1), cnn])
    assert training.set_batchnorm_momentum(wrapped, 0.9) == 2
    assert {layer.momentum for layer in cnn.layers if hasattr(layer, "moving_mean")} == {0.9}
    with pytest.raises(ValueError, match="momentum"):
        training.set_batchnorm_momentum(cnn, 1.5)


def _draws(block, batch):
    """The random parameters each layer of ``block`` draws for one batch."""
    draws = {}
    for layer in block.layers:
        params = layer.get_random_transformation(batch, training=True)
        kind = type(layer).__name__
        key = {"RandomFlip": "flips", "RandomRotation": "angle", "RandomZoom": "height_zoom",
               "RandomTranslation": "translations"}[kind]
        draws[kind] = np.asarray(params[key], dtype="float64").reshape(len(batch), -1)[:, 0]
    return draws


def test_each_layer_draws_independently_of_the_others():
    # With one shared seed every SeedGenerator starts in the same state: angle and zoom come out
    # perfectly correlated. Each layer must get its own seed.
    block = augmentation.build_augmentation(flip="horizontal", rotation=0.1, zoom=0.2, translation=0.1, seed=3)
    draws = _draws(block, np.zeros((512, 8, 8, 1), "float32"))
    kinds = sorted(draws)
    for a in range(len(kinds)):
        for b in range(a + 1, len(kinds)):
            r = np.corrcoef(draws[kinds[a]], draws[kinds[b]])[0, 1]
            assert abs(r) < 0.15, f"{kinds[a]} y {kinds[b]} están correlacionados (r = {r:.2f})"


def test_layer_seeds_are_distinct_reproducible_and_stable():
    seeds = augmentation.layer_seeds(7, 6)
    assert len(set(seeds)) == 6 and seeds == augmentation.layer_seeds(7, 6)
    assert seeds != augmentation.layer_seeds(8, 6)
    assert augmentation.layer_seeds(None, 3) == [None, None, None]
    with pytest.raises(ValueError, match="seed"):
        augmentation.layer_seeds(-1, 2)


def test_same_seed_repeats_the_same_transformations():
    x = np.random.default_rng(0).random((4, 12, 12, 1)).astype("float32")
    a = augmentation.build_augmentation(rotation=0.2, zoom=0.2, seed=5)(x, training=True)
    b = augmentation.build_augmentation(rotation=0.2, zoom=0.2, seed=5)(x, training=True)
    np.testing.assert_allclose(np.asarray(a), np.asarray(b))


def test_shift_images_moves_exactly_and_fills_with_zeros():
    x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1) + 1
    out = augmentation.shift_images(x, 1, -2)
    np.testing.assert_array_equal(out[0, 1:, :2, 0], x[0, :3, 2:, 0])
    assert out[0, 0].sum() == 0 and out[0, :, 2:].sum() == 0
    np.testing.assert_array_equal(augmentation.shift_images(x, 0, 0), x)
    with pytest.raises(ValueError, match="cabe"):
        augmentation.shift_images(x, 4, 0)


def test_elastic_distortion_is_seeded_local_and_keeps_shape():
    x = np.zeros((3, 28, 28, 1), "float32")
    x[:, 8:20, 12:16] = 1.0
    a = augmentation.elastic_distortion(x, alpha=8, sigma=3, seed=1)
    b = augmentation.elastic_distortion(x, alpha=8, sigma=3, seed=1)
    np.testing.assert_array_equal(a, b)
    assert a.shape == x.shape and a.dtype == np.float32
    assert not np.allclose(a, x) and abs(a.sum() - x.sum()) / x.sum() < 0.3
    np.testing.assert_allclose(augmentation.elastic_distortion(x, alpha=0, seed=1), x, atol=1e-6)
