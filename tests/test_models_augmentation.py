"""course_utils.models: build_augmentation, set_batchnorm_momentum (chapters 5 and 6) and the joint
image/mask augmentation of chapter 8."""
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


# --- Joint image/mask augmentation (chapter 8) -------------------------------------------------

def _one_hot_pair(seed=0, shape=(16, 20), classes=3):
    """A mask and an image whose channels are the mask's one-hot code: aligned iff argmax == mask."""
    mask = np.random.default_rng(seed).integers(0, classes, shape)
    return np.eye(classes, dtype="float32")[mask], mask


def test_joint_augmentation_keeps_image_and_mask_aligned_and_labels_intact():
    image, mask = _one_hot_pair()
    for seed in range(30):
        out_image, out_mask = augmentation.augment_image_and_mask(image, mask, [seed, 7], max_shift=0.2)
        out_mask = np.asarray(out_mask)
        assert out_image.shape == image.shape and out_mask.shape == mask.shape
        assert out_mask.dtype == mask.dtype and set(np.unique(out_mask)) <= set(np.unique(mask))
        np.testing.assert_array_equal(np.argmax(np.asarray(out_image), axis=-1), out_mask)


def test_joint_augmentation_is_seeded_and_flips_about_half_the_time():
    image, mask = _one_hot_pair()
    again = [np.asarray(augmentation.augment_image_and_mask(image, mask, [3, 4])[1]) for _ in range(2)]
    np.testing.assert_array_equal(*again)
    flipped = [np.array_equal(np.asarray(augmentation.augment_image_and_mask(image, mask, [s, 0], 0.0)[1]),
                              mask[:, ::-1]) for s in range(60)]
    assert 15 <= sum(flipped) <= 45, sum(flipped)


def test_flip_and_shift_draw_from_different_seeds(monkeypatch):
    """With one seed for both, the flip and the shift would read the same random numbers."""
    import tensorflow as tf

    seen = {}
    for name in ("stateless_random_flip_left_right", "stateless_random_crop"):
        original = getattr(tf.image, name)

        def spy(*args, seed, _name=name, _original=original, **kwargs):
            seen[_name] = np.asarray(seed).tolist()
            return _original(*args, seed=seed, **kwargs)

        monkeypatch.setattr(tf.image, name, spy)
    image, mask = _one_hot_pair()
    augmentation.augment_image_and_mask(image, mask, [5, 6])
    assert len(seen) == 2 and seen["stateless_random_flip_left_right"] != seen["stateless_random_crop"], seen


def test_segmentation_pipeline_draws_new_augmentations_each_epoch_and_repeats_with_the_seed():
    image, mask = _one_hot_pair()
    images, masks = np.repeat(image[None], 8, axis=0), np.repeat(mask[None], 8, axis=0)

    def two_epochs():
        keras.utils.set_random_seed(0)
        dataset = augmentation.segmentation_pipeline(images, masks, batch_size=4, seed=0)
        return [[np.asarray(m) for _, m in dataset] for _ in range(2)]

    first, second = two_epochs()
    assert [b.shape for b in first] == [(4, 16, 20), (4, 16, 20)]
    assert not all(np.array_equal(a, b) for a, b in zip(first, second))
    rerun = two_epochs()[0]
    assert all(np.array_equal(a, b) for a, b in zip(first, rerun))


@pytest.mark.parametrize("image, mask, message", [
    (np.zeros((8, 8)), np.zeros((8, 8), int), "imagen \\(H, W, C\\)"),
    (np.zeros((8, 8, 3)), np.zeros((8, 6), int), "máscara \\(H, W\\) = \\(8, 8\\)"),
    (np.zeros((8, 8, 3)), np.zeros((8, 8)), "de enteros"),
])
def test_joint_augmentation_explains_bad_input(image, mask, message):
    with pytest.raises(ValueError, match=message):
        augmentation.augment_image_and_mask(image, mask, [0, 0])


def test_segmentation_pipeline_explains_mismatched_masks():
    with pytest.raises(ValueError, match="máscaras \\(N, H, W\\)"):
        augmentation.segmentation_pipeline(np.zeros((4, 8, 8, 3)), np.zeros((4, 8, 7), int), batch_size=2)
