"""Chapter 8 helpers: the shapes and Oxford-IIIT Pet loaders (offline), the U-Net builder, the
IoU / Dice metrics and the mask figures."""
import socket
import warnings

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from course_utils import data, metrics, plots  # noqa: E402
from course_utils.models import segmentation  # noqa: E402
from course_utils.data import OfflineDataWarning  # noqa: E402


# --- load_shapes -----------------------------------------------------------------------------

def test_shapes_are_deterministic_and_seed_dependent():
    a_images, a_masks = data.load_shapes(n=6, size=32, seed=3)
    b_images, b_masks = data.load_shapes(n=6, size=32, seed=3)
    c_images, _ = data.load_shapes(n=6, size=32, seed=4)
    np.testing.assert_array_equal(a_images, b_images)
    np.testing.assert_array_equal(a_masks, b_masks)
    assert not np.array_equal(a_images, c_images)


def test_shapes_format():
    images, masks = data.load_shapes(n=5, size=48, channels=1, seed=0)
    assert images.shape == (5, 48, 48, 1) and images.dtype == np.uint8
    assert masks.shape == (5, 48, 48) and masks.dtype == np.uint8
    assert set(np.unique(masks)) <= set(range(len(data.SHAPE_CLASSES)))


def test_every_image_has_a_shape_and_all_classes_appear():
    _, masks = data.load_shapes(n=30, size=32, seed=1)
    assert all((m > 0).any() for m in masks)
    assert set(np.unique(masks)) == {0, 1, 2, 3}


def test_mask_matches_the_pixels_of_the_image():
    """Shapes are bright (110..254 per channel) on a dark background: the mask says where."""
    images, masks = data.load_shapes(n=10, size=40, max_shapes=1, seed=2)
    brightness = images.astype(np.float64).max(axis=-1)
    assert brightness[masks > 0].mean() > brightness[masks == 0].mean() + 60
    # One shape per image, painted in one colour: its pixels vary only by the added noise.
    for image, mask in zip(images, masks):
        assert len(np.unique(mask[mask > 0])) == 1
        assert image[mask > 0].astype(np.float64).std(axis=0).max() < 15


@pytest.mark.parametrize("kwargs, fragment", [
    ({"n": 0}, "n debe ser un entero"),
    ({"size": 8}, "size debe ser un entero ≥ 16"),
    ({"channels": 2}, "channels debe ser 1"),
    ({"min_shapes": 3, "max_shapes": 2}, "max_shapes"),
    ({"min_size": 40, "max_size": 20}, "min_size ≤ max_size"),
])
def test_shapes_reject_bad_arguments_in_spanish(kwargs, fragment):
    with pytest.raises(ValueError, match=fragment):
        data.load_shapes(**kwargs)


# --- trimaps and Oxford-IIIT Pet -------------------------------------------------------------

def test_trimap_of_a_square():
    mask = np.zeros((12, 12), dtype=np.uint8)
    mask[3:9, 3:9] = 2
    trimap = data.shapes_to_trimap(mask, border=2)
    assert trimap[0, 0] == 1 and trimap[5, 5] == 0  # far background, centre of the object
    assert trimap[3, 5] == 2 and trimap[2, 5] == 2  # one pixel inside and one outside the edge
    assert set(np.unique(trimap)) == {0, 1, 2}


def test_trimap_rejects_bad_shape():
    with pytest.raises(ValueError, match="máscaras"):
        data.shapes_to_trimap(np.zeros(5))


def _offline(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("sin red (prueba)")
    monkeypatch.setattr(socket, "create_connection", no_network)


def test_pets_fall_back_to_shapes_offline(monkeypatch, tmp_path):
    _offline(monkeypatch)
    with pytest.warns(OfflineDataWarning, match="Oxford-IIIT Pet"):  # an empty cache: tfds must download
        (x_train, y_train), (x_test, y_test) = data.load_oxford_pets(size=32, n_train=6, n_test=3,
                                                                     data_dir=str(tmp_path))
    assert x_train.shape == (6, 32, 32, 3) and x_train.dtype == np.uint8
    assert y_train.shape == (6, 32, 32) and x_test.shape == (3, 32, 32, 3) and y_test.shape == (3, 32, 32)
    assert set(np.unique(y_train)) == {0, 1, 2}  # pet, background, border


def test_pets_stand_in_is_deterministic(monkeypatch, tmp_path):
    _offline(monkeypatch)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OfflineDataWarning)
        first = data.load_oxford_pets(size=32, n_train=4, n_test=2, seed=5, data_dir=str(tmp_path))
        second = data.load_oxford_pets(size=32, n_train=4, n_test=2, seed=5, data_dir=str(tmp_path))
    for a, b in zip(first, second):
        np.testing.assert_array_equal(a[0], b[0])
        np.testing.assert_array_equal(a[1], b[1])


def test_pets_reject_bad_size():
    with pytest.raises(ValueError, match="size"):
        data.load_oxford_pets(size=4)


# --- IoU and Dice ----------------------------------------------------------------------------

def test_iou_and_dice_worked_example():
    y_true = np.array([[1, 1, 0], [1, 0, 0]])
    y_pred = np.array([[1, 0, 0], [1, 1, 0]])  # intersection 2, union 4, sizes 3 and 3
    assert metrics.iou_score(y_true, y_pred) == pytest.approx(2 / 4)
    assert metrics.dice_score(y_true, y_pred) == pytest.approx(2 * 2 / 6)


def test_metrics_edge_cases():
    empty, full = np.zeros((4, 4), bool), np.ones((4, 4), bool)
    assert metrics.iou_score(empty, empty) == 1.0 and metrics.dice_score(empty, empty) == 1.0
    assert metrics.iou_score(empty, full) == 0.0 and metrics.dice_score(full, empty) == 0.0
    assert metrics.iou_score(full, full) == 1.0 and metrics.dice_score(full, full) == 1.0


def test_metrics_agree_with_scikit_learn_on_random_masks():
    from sklearn.metrics import f1_score, jaccard_score

    rng = np.random.default_rng(0)
    for _ in range(10):
        a, b = rng.random((2, 7, 9)) < rng.random()
        assert metrics.iou_score(a, b) == pytest.approx(jaccard_score(a.ravel(), b.ravel(), zero_division=1.0))
        assert metrics.dice_score(a, b) == pytest.approx(f1_score(a.ravel(), b.ravel(), zero_division=1.0))
        # Dice = 2 IoU / (1 + IoU): the two always rank predictions the same way
        iou = metrics.iou_score(a, b)
        assert metrics.dice_score(a, b) == pytest.approx(2 * iou / (1 + iou))


@pytest.mark.parametrize("y_true, y_pred, fragment", [
    (np.zeros((2, 2)), np.zeros((2, 3)), "misma forma"),
    (np.array([0, 2]), np.array([0, 1]), "binaria"),
])
def test_metrics_reject_bad_masks_in_spanish(y_true, y_pred, fragment):
    with pytest.raises(ValueError, match=fragment):
        metrics.iou_score(y_true, y_pred)
    with pytest.raises(ValueError, match=fragment):
        metrics.dice_score(y_true, y_pred)


def test_all_background_prediction_has_high_accuracy_and_zero_iou():
    y_true = np.zeros((10, 10), dtype=int)
    y_true[:2, :3] = 1  # a small object: 6 % of the pixels
    report = metrics.segmentation_report(y_true, np.zeros_like(y_true), ["fondo", "objeto"])
    assert report["exactitud"] == pytest.approx(0.94)
    assert report["iou"]["objeto"] == 0.0 and report["dice"]["objeto"] == 0.0
    assert report["iou_medio"] == pytest.approx((0.94 + 0.0) / 2)


def test_report_rejects_classes_out_of_range():
    with pytest.raises(ValueError, match="fuera de 0..1"):
        metrics.segmentation_report(np.array([0, 2]), np.array([0, 1]), ["a", "b"])


# --- build_unet ------------------------------------------------------------------------------

def _unet_params(channels, num_classes, depth, base):
    """Parameters of the U-Net counted by hand: conv k×k: k·k·c_in·c_out + c_out."""
    conv = lambda k, c_in, c_out: k * k * c_in * c_out + c_out  # noqa: E731
    total, c_in = 0, channels
    for level in range(depth + 1):  # encoder levels and bottleneck
        f = base * 2**level
        total += conv(3, c_in, f) + conv(3, f, f)
        c_in = f
    for level in reversed(range(depth)):
        f = base * 2**level
        total += conv(2, c_in, f) + conv(3, 2 * f, f) + conv(3, f, f)
        c_in = f
    return total + conv(1, c_in, num_classes)


@pytest.mark.parametrize("shape, classes, depth, base", [
    ((64, 64, 1), 2, 3, 16), ((32, 48, 3), 3, 2, 8), ((16, 16, 3), 4, 4, 4)])
def test_unet_output_shape_and_parameters(shape, classes, depth, base):
    model = segmentation.build_unet(shape, num_classes=classes, depth=depth, base_filters=base)
    assert model.output_shape == (None, *shape[:2], classes)
    assert model.count_params() == _unet_params(shape[2], classes, depth, base)
    probabilities = model.predict(np.random.default_rng(0).random((2, *shape)), verbose=0)
    np.testing.assert_allclose(probabilities.sum(axis=-1), 1.0, rtol=1e-5)


def test_unet_skip_connections_join_encoder_and_decoder_at_the_same_resolution():
    import keras

    model = segmentation.build_unet((32, 32, 1), num_classes=2, depth=3, base_filters=4)
    pools = [l for l in model.layers if isinstance(l, keras.layers.MaxPooling2D)]
    concats = [l for l in model.layers if isinstance(l, keras.layers.Concatenate)]
    assert len(pools) == 3 and len(concats) == 3
    encoder_outputs = [p.input._keras_history[0] for p in pools]  # the conv feeding each pooling
    for concat, encoder in zip(concats, reversed(encoder_outputs)):  # deepest joins first
        sources = [t._keras_history[0] for t in concat.input]
        assert encoder in sources
        assert isinstance(sources[0], keras.layers.Conv2DTranspose)
    filters = [l.filters for l in model.layers if isinstance(l, keras.layers.Conv2D)
               and not isinstance(l, keras.layers.Conv2DTranspose) and l.kernel_size == (3, 3)]
    assert filters == [4, 4, 8, 8, 16, 16, 32, 32, 16, 16, 8, 8, 4, 4]


@pytest.mark.parametrize("kwargs, fragment", [
    ({"input_shape": (30, 32, 1)}, "múltiplos de 2\\*\\*3"),
    ({"input_shape": (32, 32)}, "input_shape"),
    ({"num_classes": 1}, "num_classes"),
    ({"depth": 0}, "depth"),
])
def test_unet_rejects_bad_arguments_in_spanish(kwargs, fragment):
    with pytest.raises(ValueError, match=fragment):
        segmentation.build_unet(**kwargs)


# --- plots -----------------------------------------------------------------------------------

def test_colorize_and_overlay():
    mask = np.array([[0, 1], [2, 0]])
    colored = plots.colorize_mask(mask, num_classes=3)
    assert colored.shape == (2, 2, 3)
    np.testing.assert_allclose(colored[1, 0], plots.MASK_COLORS[2])
    image = np.full((2, 2, 3), 255, np.uint8)
    mixed = plots.overlay_mask(image, mask, num_classes=3, alpha=0.5, ignore=0)
    np.testing.assert_allclose(mixed[0, 0], 1.0)  # ignored class: the image unchanged
    np.testing.assert_allclose(mixed[0, 1], 0.5 + 0.5 * plots.MASK_COLORS[1])


def test_show_segmentation_layout_and_errors():
    images, masks = data.load_shapes(n=3, size=16, seed=0)
    fig = plots.show_segmentation(images, masks, masks, class_names=data.SHAPE_CLASSES, n=2,
                                  overlay=True)
    assert len(fig.axes) == 2 * 4
    with pytest.raises(ValueError, match="una por imagen"):
        plots.show_segmentation(images, masks[:2])
    with pytest.raises(ValueError, match="clases fuera"):
        plots.colorize_mask(np.array([[0, 5]]), num_classes=3)


# --- elastic deformation ---------------------------------------------------------------------

def test_elastic_deformation_moves_image_and_mask_together():
    images, masks = data.load_shapes(n=1, size=48, max_shapes=1, seed=7)
    image, mask = images[0], masks[0]
    warped, warped_mask = data.elastic_deformation(image, mask, sigma=4, seed=0)
    assert warped.shape == image.shape and warped.dtype == image.dtype
    assert warped_mask.dtype == mask.dtype and set(np.unique(warped_mask)) <= set(np.unique(mask))
    assert not np.array_equal(warped_mask, mask)
    # The shape stays bright where the warped mask says it is: both moved the same way.
    bright = warped.astype(float).max(axis=-1)
    assert bright[warped_mask > 0].mean() > bright[warped_mask == 0].mean() + 60
    again = data.elastic_deformation(image, mask, sigma=4, seed=0)
    np.testing.assert_array_equal(again[0], warped)


def test_elastic_deformation_keeps_the_value_range_of_float_images():
    images, masks = data.load_shapes(n=1, size=32, seed=0)
    image = images[0].astype(np.float32) / 255.0
    warped, _ = data.elastic_deformation(image, masks[0], sigma=6, seed=3)
    assert warped.dtype == np.float32
    assert image.min() <= warped.min() and warped.max() <= image.max()


def test_elastic_deformation_with_sigma_zero_is_the_identity():
    images, masks = data.load_shapes(n=1, size=32, seed=0)
    warped, warped_mask = data.elastic_deformation(images[0, ..., 0], masks[0], sigma=0, seed=1)
    np.testing.assert_array_equal(warped, images[0, ..., 0])
    np.testing.assert_array_equal(warped_mask, masks[0])


def test_elastic_deformation_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match="mismo alto y ancho"):
        data.elastic_deformation(np.zeros((8, 8)), np.zeros((8, 9), int))


def test_show_vision_tasks_separates_objects_of_the_same_class():
    mask = np.zeros((12, 12), dtype=int)
    mask[1:4, 1:4] = 1
    mask[6:9, 6:9] = 1   # a second square, not touching the first
    mask[1:3, 8:11] = 2
    fig, instances = plots.show_vision_tasks(np.zeros((12, 12)), mask, ["fondo", "cuadrado", "otro"])
    assert instances.max() == 3 and len(fig.axes) == 4
    assert instances[2, 2] != instances[7, 7]           # same class, two instances
    assert len(fig.axes[1].patches) == 3                 # one box per object
    with pytest.raises(ValueError, match="clases fuera"):
        plots.show_vision_tasks(np.zeros((4, 4)), np.full((4, 4), 5), ["fondo", "a"])


def test_pets_from_a_tfds_cache_hit_are_resized_and_renumbered(monkeypatch):
    """The real path after the download: tfds gives photos of any size and trimaps 1, 2, 3."""
    import tensorflow as tf
    import tensorflow_datasets as tfds

    def fake_split(n, seed):
        rng = np.random.default_rng(seed)
        examples = []
        for _ in range(n):
            h, w = (int(v) for v in rng.integers(40, 90, size=2))
            trimap = np.full((h, w, 1), 2, np.uint8)   # background
            trimap[h // 4:3 * h // 4, w // 4:3 * w // 4] = 1  # the pet
            trimap[h // 4, w // 4:3 * w // 4] = 3      # a border row
            examples.append((rng.integers(0, 256, (h, w, 3), dtype=np.uint8), trimap))
        return tf.data.Dataset.from_generator(
            lambda: ({"image": image, "segmentation_mask": mask} for image, mask in examples),
            output_signature={"image": tf.TensorSpec((None, None, 3), tf.uint8),
                              "segmentation_mask": tf.TensorSpec((None, None, 1), tf.uint8)})

    calls = []

    def fake_load(name, split, data_dir=None, download=True):
        calls.append((name, download))
        return [fake_split(5, 0), fake_split(4, 1)]

    monkeypatch.setattr(tfds, "load", fake_load)
    with warnings.catch_warnings():
        warnings.simplefilter("error", OfflineDataWarning)  # no fallback allowed here
        (x_train, y_train), (x_test, y_test) = data.load_oxford_pets(size=32, n_train=3)
    assert calls == [("oxford_iiit_pet", False)]  # cache hit: no download attempted
    assert x_train.shape == (3, 32, 32, 3) and x_train.dtype == np.uint8
    assert y_train.shape == (3, 32, 32) and y_train.dtype == np.uint8
    assert x_test.shape == (4, 32, 32, 3) and y_test.shape == (4, 32, 32)
    assert set(np.unique(y_train)) == {0, 1, 2}  # 1, 2, 3 -> pet 0, background 1, border 2
    assert y_train[0, 16, 16] == 0 and y_train[0, 0, 0] == 1


# --- the metrics explorer (widgets) ----------------------------------------------------------

def test_draw_overlap_scores():
    from course_utils import widgets

    _, perfect = widgets.draw_overlap(object_radius=10, predicted_radius=10, shift=0)
    assert perfect == {"exactitud": 1.0, "IoU": 1.0, "Dice": 1.0}
    # A small object missed entirely: high pixel accuracy, zero overlap.
    _, missed = widgets.draw_overlap(object_radius=4, predicted_radius=0, shift=0)
    assert missed["exactitud"] > 0.98 and missed["IoU"] == 0.0 and missed["Dice"] == 0.0
    _, half = widgets.draw_overlap(object_radius=12, predicted_radius=12, shift=8)
    assert 0 < half["IoU"] < half["Dice"] < 1


def test_disk_masks_reject_bad_radius():
    from course_utils import widgets

    with pytest.raises(ValueError, match="radios"):
        widgets.disk_masks(object_radius=40, size=64)


def test_metrics_explorer_builds():
    from course_utils import widgets

    box = widgets.metrics_explorer()
    assert len(box.children) == 2


def test_report_leaves_absent_classes_out_of_the_mean_like_keras_mean_iou():
    import keras

    y_true = np.array([[0, 0], [0, 1]])
    y_pred = np.array([[0, 0], [1, 1]])
    report = metrics.segmentation_report(y_true, y_pred, ["fondo", "objeto", "borde"])
    assert np.isnan(report["iou"]["borde"]) and np.isnan(report["dice"]["borde"])
    assert report["iou"]["objeto"] == pytest.approx(0.5) and report["iou"]["fondo"] == pytest.approx(2 / 3)
    assert report["iou_medio"] == pytest.approx((0.5 + 2 / 3) / 2)
    keras_mean_iou = keras.metrics.MeanIoU(num_classes=3)
    keras_mean_iou.update_state(y_true.ravel(), y_pred.ravel())
    assert report["iou_medio"] == pytest.approx(float(keras_mean_iou.result()), rel=1e-6)


def test_pooled_report_matches_keras_mean_iou_on_random_batches():
    import keras

    rng = np.random.default_rng(4)
    y_true, y_pred = rng.integers(0, 3, (5, 8, 8)), rng.integers(0, 3, (5, 8, 8))
    keras_mean_iou = keras.metrics.MeanIoU(num_classes=3)
    keras_mean_iou.update_state(y_true.ravel(), y_pred.ravel())
    report = metrics.segmentation_report(y_true, y_pred, ["a", "b", "c"])
    assert report["iou_medio"] == pytest.approx(float(keras_mean_iou.result()), rel=1e-6)


def test_per_image_average_weights_every_image_equally():
    # image 0: a large object found exactly; image 1: a 1-pixel object missed
    y_true = np.zeros((2, 10, 10), dtype=int)
    y_true[0, :5] = 1
    y_true[1, 0, 0] = 1
    y_pred = np.zeros_like(y_true)
    y_pred[0, :5] = 1
    pooled = metrics.segmentation_report(y_true, y_pred, ["fondo", "objeto"])
    per_image = metrics.segmentation_report(y_true, y_pred, ["fondo", "objeto"], average="per_image")
    assert pooled["iou"]["objeto"] == pytest.approx(50 / 51)
    assert per_image["iou"]["objeto"] == pytest.approx((1.0 + 0.0) / 2)
    # a class absent from one image is averaged over the images where it appears
    y_true[1, 0, 0] = 0
    per_image = metrics.segmentation_report(y_true, y_pred, ["fondo", "objeto"], average="per_image")
    assert per_image["iou"]["objeto"] == pytest.approx(1.0)


def test_report_rejects_bad_average():
    with pytest.raises(ValueError, match="average"):
        metrics.segmentation_report(np.zeros((2, 2), int), np.zeros((2, 2), int), ["a"], average="micro")
    with pytest.raises(ValueError, match="per_image"):
        metrics.segmentation_report(np.zeros((2, 2), int), np.zeros((2, 2), int), ["a"], average="per_image")


def test_mean_dice_and_mean_iou_can_rank_two_predictions_differently():
    # per-class IoU (1.0, 0.02) against (0.5, 0.5): Dice = 2·IoU/(1 + IoU) is monotone per class,
    # but not for means over classes
    def dice(iou):
        return 2 * iou / (1 + iou)

    a, b = (1.0, 0.02), (0.5, 0.5)
    assert np.mean(a) > np.mean(b)
    assert np.mean([dice(v) for v in a]) < np.mean([dice(v) for v in b])


def test_unet_without_skip_connections_is_the_ablation():
    import keras

    from course_utils.models import segmentation

    with_skips = segmentation.build_unet((32, 32, 3), num_classes=3, depth=2, base_filters=4)
    without = segmentation.build_unet((32, 32, 3), num_classes=3, depth=2, base_filters=4,
                                      skip_connections=False)
    assert without.output_shape == with_skips.output_shape == (None, 32, 32, 3)
    assert not any(isinstance(layer, keras.layers.Concatenate) for layer in without.layers)
    # the first decoder convolution loses the copied channels: 3·3·(8 + 8)·8 + 8 against 3·3·8·8 + 8
    assert with_skips.get_layer("dec2_conv1").count_params() == 3 * 3 * 16 * 8 + 8
    assert without.get_layer("dec2_conv1").count_params() == 3 * 3 * 8 * 8 + 8


def test_mobilenet_unet_builds_offline_with_the_tutorial_skips():
    from course_utils.models import segmentation

    model = segmentation.build_mobilenet_unet((64, 64, 3), num_classes=3, weights=None)
    assert model.output_shape == (None, 64, 64, 3)
    encoder = model.get_layer("codificador_mobilenetv2")
    assert encoder.trainable is False
    assert [tuple(o.shape[1:3]) for o in encoder.outputs] == [(32, 32), (16, 16), (8, 8), (4, 4), (2, 2)]
    probabilities = np.asarray(model(np.zeros((1, 64, 64, 3), "float32")))
    np.testing.assert_allclose(probabilities.sum(axis=-1), 1.0, rtol=1e-5)
    with pytest.raises(ValueError, match="múltiplos de 32"):
        segmentation.build_mobilenet_unet((100, 100, 3), weights=None)


def test_dice_loss_is_zero_for_a_perfect_prediction_and_grows_with_errors():
    from course_utils.models import segmentation

    y_true = np.zeros((1, 4, 4), dtype="int32")
    y_true[0, :2] = 1
    perfect = np.eye(2, dtype="float32")[y_true]
    assert float(segmentation.dice_loss(y_true, perfect)) == pytest.approx(0.0, abs=1e-6)
    wrong = np.eye(2, dtype="float32")[1 - y_true]
    assert float(segmentation.dice_loss(y_true, wrong)) > 0.8
    # one-channel masks (N, H, W, 1) are accepted too
    assert float(segmentation.dice_loss(y_true[..., None], perfect)) == pytest.approx(0.0, abs=1e-6)
