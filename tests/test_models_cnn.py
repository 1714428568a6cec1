"""course_utils.models, capítulo 4: la CNN aprende los dígitos, LeNet-5 y AlexNet tienen los
parámetros del artículo, el bloque residual suma el atajo, entradas erróneas fallan en español."""
import keras
import numpy as np
import pytest

from course_utils import data
from course_utils.models import classification, training


def _digits(size=28):
    (x_train, y_train), (x_test, y_test) = data.load_digits_split(size=size)
    return (x_train[..., None].astype("float32") / 255, y_train,
            x_test[..., None].astype("float32") / 255, y_test)


def test_build_cnn_learns_the_offline_digits():
    # The check: quick-mode training on the digits stand-in, ≥ 97 % held-out accuracy.
    keras.utils.set_random_seed(0)
    x_train, y_train, x_test, y_test = _digits()
    model = classification.build_cnn()
    assert training.set_batchnorm_momentum(model, 0.9) == 3
    model.fit(x_train, y_train, epochs=5, batch_size=32, verbose=0)
    _, accuracy = model.evaluate(x_test, y_test, verbose=0)
    assert accuracy >= 0.97, f"exactitud en prueba {accuracy:.3f} < 0.97"


def test_dense_baseline_shape_and_parameters():
    model = classification.build_dense_baseline()
    assert model.count_params() == 784 * 512 + 512 + 512 * 10 + 10
    assert model.output_shape == (None, 10)
    assert model.loss == "sparse_categorical_crossentropy"
    deep = classification.build_dense_baseline(input_shape=(8, 8, 1), num_classes=3, hidden_units=(16, 8), dropout=0)
    assert deep.count_params() == 64 * 16 + 16 + 16 * 8 + 8 + 8 * 3 + 3
    assert not any(isinstance(layer, keras.layers.Dropout) for layer in deep.layers)


def test_lenet5_has_the_61706_parameters_and_the_layers_of_the_paper():
    model = classification.build_lenet5()
    assert model.count_params() == 61_706
    shapes = [layer.output.shape[1:] for layer in model.layers]
    assert shapes[:4] == [(28, 28, 6), (14, 14, 6), (10, 10, 16), (5, 5, 16)]
    assert [type(layer).__name__ for layer in model.layers] == [
        "Conv2D", "AveragePooling2D", "Conv2D", "AveragePooling2D", "Flatten", "Dense", "Dense", "Dense"]
    assert [layer.activation.__name__ for layer in model.layers if hasattr(layer, "activation")] == [
        "tanh", "tanh", "tanh", "tanh", "softmax"]
    probabilities = model.predict(np.zeros((2, 32, 32, 1), "float32"), verbose=0)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-5)


def test_alexnet_parameter_counts():
    # Two GPUs (groups=2 in conv2, conv4, conv5) ≈ the paper's 60 M; one tower is larger.
    assert classification.build_alexnet().count_params() == 60_965_224
    single = classification.build_alexnet(two_gpus=False)
    assert single.count_params() == 62_378_344
    assert single.get_layer("conv1").output.shape[1:] == (55, 55, 96)
    assert single.get_layer("fc6").input.shape[1:] == (9216,)  # 6 × 6 × 256


def test_googlenet_follows_table_1_of_the_paper():
    model = classification.build_googlenet()
    assert model.output_shape == (None, 1000)
    # Table 1 of Szegedy et al. (2015) lists the weights of each stage in K = 1024.
    table_1 = [2.7, 112, 159, 380, 364, 437, 463, 580, 840, 1072, 1388, 1000]
    weights = sum(int(np.prod(w.shape)) for w in model.weights if len(w.shape) > 1)
    assert weights == pytest.approx(sum(table_1) * 1024, rel=0.01)
    assert model.count_params() == 6_998_552


def test_inception_module_concatenates_the_four_branches():
    x = keras.Input((28, 28, 192))
    y = classification.inception_module(x, *classification.GOOGLENET_INCEPTIONS["3a"])
    assert y.shape[1:] == (28, 28, 64 + 128 + 32 + 32)
    # Table 1 of the paper: inception (3a) has 159 K weights (K = 1024).
    module = keras.Model(x, y)
    weights = sum(int(np.prod(w.shape)) for w in module.weights if len(w.shape) > 1)
    assert weights == 192 * (64 + 96 + 16 + 32) + 9 * 96 * 128 + 25 * 16 * 32 == 163_328
    assert weights // 1024 == 159


def test_residual_block_adds_the_identity_or_a_projection():
    x = keras.Input((8, 8, 4))
    same = keras.Model(x, classification.residual_block(x, 4))
    assert same.output_shape == (None, 8, 8, 4)
    assert not any(layer.kernel_size == (1, 1) for layer in same.layers if isinstance(layer, keras.layers.Conv2D))
    down = keras.Model(x, classification.residual_block(x, 8, stride=2))
    assert down.output_shape == (None, 4, 4, 8)
    assert any(layer.kernel_size == (1, 1) for layer in down.layers if isinstance(layer, keras.layers.Conv2D))
    # With zero convolution weights F(x) = 0, so the block returns ReLU(x): the shortcut is there.
    for layer in same.layers:
        if isinstance(layer, keras.layers.Conv2D):
            layer.kernel.assign(np.zeros(layer.kernel.shape, "float32"))
    inputs = np.random.default_rng(0).normal(size=(2, 8, 8, 4)).astype("float32")
    np.testing.assert_allclose(same.predict(inputs, verbose=0), np.maximum(inputs, 0), atol=1e-5)


def test_build_cnn_default_is_unchanged_and_gap_head_is_light():
    # Chapters 5 and 6 reuse the default network: keep its 422 314 parameters and its layers.
    default = classification.build_cnn()
    assert default.count_params() == 422_314
    assert [type(layer).__name__ for layer in default.layers][-6:] == [
        "Flatten", "Dense", "BatchNormalization", "ReLU", "Dropout", "Dense"]
    gap = classification.build_cnn(head="gap")
    assert gap.count_params() == 288 + 18_432 + 4 * (32 + 64) + 64 * 10 + 10 == 19_754
    assert classification.build_cnn(jit_compile=True).jit_compile is True


def test_gap_head_averages_the_unpooled_last_block_named_last_conv():
    model = classification.build_cnn(input_shape=(16, 16, 1), num_classes=3, filters=(4, 8), head="gap")
    kinds = [type(layer).__name__ for layer in model.layers]
    assert kinds == ["Conv2D", "BatchNormalization", "ReLU", "MaxPooling2D", "Dropout",
                     "Conv2D", "BatchNormalization", "ReLU", "GlobalAveragePooling2D", "Dropout", "Dense"]
    assert model.get_layer("last_conv").output.shape[1:] == (8, 8, 8)
    probabilities = np.asarray(model(np.zeros((2, 16, 16, 1), "float32")))
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)


def test_gap_head_output_does_not_depend_on_where_the_pattern_is():
    model = classification.build_cnn(input_shape=(16, 16, 1), num_classes=2, filters=(4,), head="gap")
    image = np.zeros((1, 16, 16, 1), "float32")
    image[0, 2:5, 2:5] = 1.0
    moved = np.roll(image, 8, axis=2)  # one conv block, no pooling: a shift is invisible to GAP
    np.testing.assert_allclose(np.asarray(model(image)), np.asarray(model(moved)), atol=1e-5)


@pytest.mark.parametrize("kwargs", [dict(filters=()), dict(filters=(8, 0)), dict(num_classes=1),
                                    dict(input_shape=(16, 16)), dict(head="max")])
def test_build_cnn_rejects_bad_arguments_in_spanish(kwargs):
    with pytest.raises(ValueError, match="build_cnn"):
        classification.build_cnn(**kwargs)


def test_make_dataset_shifts_whole_pixels_and_keeps_the_labels():
    import tensorflow as tf

    x = np.zeros((64, 9, 9, 1), "float32")
    x[:, 4, 4, 0] = 1.0  # one bright pixel in the centre
    y = np.arange(64)
    batches = list(training.make_dataset(x, y, 16, max_shift=2, seed=0))
    assert [len(b[0]) for b in batches] == [16, 16, 16, 16]
    images = np.concatenate([b[0].numpy() for b in batches])
    labels = np.concatenate([b[1].numpy() for b in batches])
    assert sorted(labels) == list(range(64))  # shuffled, nothing lost
    positions = np.array([np.argwhere(img[..., 0] == 1.0)[0] for img in images])
    assert np.all(images.sum(axis=(1, 2, 3)) == 1.0)  # an integer shift: the pixel moves, intact
    assert np.all(np.abs(positions - 4) <= 2) and len({tuple(p) for p in positions}) > 5
    still = next(iter(training.make_dataset(x, y, 64, shuffle=False)))
    assert np.array_equal(still[0].numpy(), x) and isinstance(still[0], tf.Tensor)


def test_make_dataset_repeats_its_batches_and_shifts_with_the_same_seed():
    # The shifts come one batch at a time from a seeded random op: parallel calls would deal them
    # out in whatever order the threads ran, and two runs would train on different images.
    x = np.random.default_rng(0).random((600, 12, 12, 1), dtype=np.float32)
    y = np.arange(600)

    def two_epochs(seed):
        dataset = training.make_dataset(x, y, 32, max_shift=2, seed=seed)
        return np.concatenate([b[0].numpy() for _ in range(2) for b in dataset])

    first = two_epochs(0)
    assert np.array_equal(first, two_epochs(0)) and not np.array_equal(first, two_epochs(1))
    assert training.make_dataset(x, y, 32).options().autotune.enabled is False


def test_warmup_cosine_schedule_rises_then_falls_to_zero():
    schedule = training.warmup_cosine_schedule(100, 5, peak=3e-3, warmup_epochs=1)
    rates = np.array([float(schedule(step)) for step in range(0, 501, 10)])
    assert np.isclose(rates[0], 3e-4) and np.isclose(float(schedule(100)), 3e-3)
    assert np.all(np.diff(rates[:11]) > 0) and np.all(np.diff(rates[10:]) <= 0) and rates[-1] < 1e-9


def test_set_bn_momentum_changes_every_batch_normalization():
    model = classification.build_cnn()
    training.set_batchnorm_momentum(model, 0.8)
    momenta = [layer.momentum for layer in model.layers if isinstance(layer, keras.layers.BatchNormalization)]
    assert momenta == [0.8, 0.8, 0.8]


@pytest.mark.parametrize("call, message", [
    (lambda: classification.build_lenet5(input_shape=(32, 32)), "input_shape"),
    (lambda: classification.build_lenet5(input_shape=(8, 8, 1)), "al menos 12×12"),
    (lambda: classification.build_dense_baseline(num_classes=1), "num_classes"),
    (lambda: classification.build_dense_baseline(hidden_units=(0,)), "hidden_units"),
    (lambda: classification.build_dense_baseline(dropout=1.0), "dropout"),
    (lambda: classification.build_alexnet(input_shape=(32, 32, 3)), "195×195"),
    (lambda: classification.residual_block(keras.Input((8, 8, 4)), 4, stride=3), "stride"),
    (lambda: classification.residual_block(keras.Input((8, 8, 4)), 0), "filters"),
    (lambda: classification.residual_block(keras.Input((16,)), 4), "x debe ser"),
    (lambda: classification.inception_module(keras.Input((8, 8, 4)), 1, 1, 1, 1, 1, 0), "filtros"),
    (lambda: training.set_batchnorm_momentum(classification.build_lenet5(), 1.5), "momentum"),
    (lambda: training.set_batchnorm_momentum("red", 0.9), "keras.Model"),
    (lambda: classification.build_cnn(head="densa"), "head"),
    (lambda: training.make_dataset(np.zeros((4, 8, 8)), np.zeros(4), 2), "forma"),
    (lambda: training.make_dataset(np.zeros((4, 8, 8, 1)), np.zeros(3), 2), "mismo número"),
    (lambda: training.make_dataset(np.zeros((4, 8, 8, 1)), np.zeros(4), 2, max_shift=-1), "max_shift"),
    (lambda: training.warmup_cosine_schedule(0, 5), "steps_per_epoch"),
    (lambda: training.warmup_cosine_schedule(10, 2, warmup_epochs=3), "warmup_epochs"),
])
def test_bad_input_raises_a_spanish_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()
