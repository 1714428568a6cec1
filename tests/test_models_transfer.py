"""Chapter 9 builders (course_utils.models): backbones, the transfer classifier and partial unfreezing."""
import warnings

import keras
import numpy as np
import pytest


from course_utils.models import transfer
from course_utils.data import OfflineDataWarning


def _training_args(model, base):
    for entry in model.get_config()["layers"]:
        if entry.get("name") == base.name:
            return [node["kwargs"].get("training", "unset") for node in entry["inbound_nodes"]]
    return []


def test_small_backbone_has_the_shape_of_an_application_base():
    base = transfer.build_small_backbone((32, 32, 1), (16, 32, 64))
    assert base.output_shape == (None, 8, 8, 64)
    assert [layer.name for layer in base.layers[1:5]] == ["block1_conv", "block1_bn", "block1_relu", "block1_pool"]
    assert "block3_pool" not in [layer.name for layer in base.layers]  # no pooling after the last block
    assert all(layer.momentum == 0.9 for layer in base.layers if isinstance(layer, keras.layers.BatchNormalization))
    # 3×3 convolutions without bias plus 4 BatchNorm weights per channel
    expected = (9 * 1 * 16 + 4 * 16) + (9 * 16 * 32 + 4 * 32) + (9 * 32 * 64 + 4 * 64)
    assert base.count_params() == expected


@pytest.mark.parametrize("shape,filters", [((32, 32), (8,)), ((32, 32, 1), ()), ((32, 32, 1), (8, -1))])
def test_small_backbone_rejects_bad_arguments(shape, filters):
    with pytest.raises(ValueError, match="build_small_backbone"):
        transfer.build_small_backbone(shape, filters)


def test_pretrained_backbone_without_weights_builds_offline():
    base = transfer.build_pretrained_backbone("MobileNetV2", (96, 96, 3), weights=None)
    assert base.output_shape == (None, 3, 3, 1280)
    assert base.count_params() == 2_257_984  # MobileNetV2 (alpha=1) without its 1000-class head


def test_pretrained_backbone_falls_back_to_random_weights_with_a_warning(monkeypatch):
    calls = []
    real = keras.applications.MobileNetV2

    def no_network(**kwargs):
        calls.append(kwargs["weights"])
        if kwargs["weights"] == "imagenet":
            raise OSError("URL fetch failure: Name or service not known")
        return real(**kwargs)

    monkeypatch.setattr(keras.applications, "MobileNetV2", no_network)
    with pytest.warns(OfflineDataWarning, match="pesos aleatorios"):
        base = transfer.build_pretrained_backbone("MobileNetV2", (96, 96, 3))
    assert calls == ["imagenet", None]
    assert base.output_shape == (None, 3, 3, 1280)


@pytest.mark.parametrize("kwargs,match", [
    ({"name": "AlexNet"}, "name debe ser"),
    ({"input_shape": (96, 96, 1)}, "RGB"),
    ({"weights": "cifar10"}, "weights debe ser"),
])
def test_pretrained_backbone_rejects_bad_arguments(kwargs, match):
    arguments = {"name": "MobileNetV2", "input_shape": (96, 96, 3), "weights": None, **kwargs}
    with pytest.raises(ValueError, match=match):
        transfer.build_pretrained_backbone(**arguments)


def test_transfer_classifier_freezes_the_base_and_calls_it_in_inference_mode():
    base = transfer.build_small_backbone((16, 16, 1), (4, 8))
    model = transfer.build_transfer_classifier(base, 3, dropout=0.3)
    assert base.trainable is False
    assert _training_args(model, base) == [False]
    assert [type(layer).__name__ for layer in model.layers[2:]] == ["GlobalAveragePooling2D", "Dropout", "Dense"]
    assert model.layers[3].rate == 0.3 and model.output_shape == (None, 3)
    rng = np.random.default_rng(0)
    x, y = rng.random((6, 16, 16, 1)).astype("float32"), rng.integers(0, 3, 6)
    before = [w.copy() for w in base.get_weights()]
    model.train_on_batch(x, y)
    assert all(np.array_equal(a, b) for a, b in zip(before, base.get_weights()))


def test_transfer_classifier_from_scratch_trains_the_whole_base():
    base = transfer.build_small_backbone((16, 16, 1), (4,))
    model = transfer.build_transfer_classifier(base, 2, freeze=False)
    assert base.trainable is True
    assert _training_args(model, base) == ["unset"]
    before = base.layers[1].kernel.numpy().copy()
    model.train_on_batch(np.ones((4, 16, 16, 1), "float32"), np.array([0, 1, 0, 1]))
    assert not np.array_equal(before, base.layers[1].kernel.numpy())


@pytest.mark.parametrize("num_classes,dropout", [(1, 0.2), (3, 1.0)])
def test_transfer_classifier_rejects_bad_arguments(num_classes, dropout):
    with pytest.raises(ValueError, match="build_transfer_classifier"):
        transfer.build_transfer_classifier(transfer.build_small_backbone((16, 16, 1), (4,)), num_classes, dropout)


@pytest.mark.parametrize("n", [0, 1, 3, 6, 8])
def test_set_trainable_top_unfreezes_the_last_layers_except_batchnorm(n):
    base = transfer.build_small_backbone((16, 16, 1), (4, 8))  # 8 layers: input, block 1 (4), block 2 (3)
    base.trainable = False
    count = transfer.set_trainable_top(base, n)
    expected = [i >= 8 - n and not isinstance(layer, keras.layers.BatchNormalization)
                for i, layer in enumerate(base.layers)]
    assert [layer.trainable for layer in base.layers] == expected
    assert count == sum(expected) and base.trainable is True


def test_set_trainable_top_keeps_batchnorm_statistics_while_fine_tuning():
    """Keras 3 overrides training=False with fit's training=True; a frozen BN layer is what protects it."""
    base = transfer.build_small_backbone((16, 16, 1), (4, 8))
    model = transfer.build_transfer_classifier(base, 2)
    transfer.set_trainable_top(base, len(base.layers))
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy")
    statistics = [w.numpy().copy() for w in base.non_trainable_weights]
    kernel = base.get_layer("block2_conv").kernel.numpy().copy()
    x = np.random.default_rng(1).random((8, 16, 16, 1)).astype("float32")
    model.fit(x, np.arange(8) % 2, epochs=1, verbose=0)
    assert all(np.array_equal(a, w.numpy()) for a, w in zip(statistics, base.non_trainable_weights))
    assert not np.array_equal(kernel, base.get_layer("block2_conv").kernel.numpy())


@pytest.mark.parametrize("n", [-1, 9, 2.0])
def test_set_trainable_top_rejects_bad_n(n):
    with pytest.raises(ValueError, match="set_trainable_top"):
        transfer.set_trainable_top(transfer.build_small_backbone((16, 16, 1), (4, 8)), n)


# --- Keras 3: what training=False does and does not do under fit -------------------------------

class _Probe(keras.layers.Layer):
    """Records the `training` value each call receives (fit traces its step once per mode)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seen = []

    def call(self, inputs, training=None):
        self.seen.append(training)
        return inputs


def _base_with(*extra_layers):
    inputs = keras.Input((8, 8, 1))
    x = keras.layers.Conv2D(4, 3, padding="same", name="conv")(inputs)
    x = keras.layers.BatchNormalization(momentum=0.5, name="bn")(x)
    for layer in extra_layers:
        x = layer(x)
    return keras.Model(inputs, x, name="base")


def _head(base, call):
    inputs = keras.Input((8, 8, 1))
    x = keras.layers.GlobalAveragePooling2D()(call(inputs))
    model = keras.Model(inputs, keras.layers.Dense(2, activation="softmax")(x))
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy",
                  run_eagerly=True)
    return model


def _data():
    rng = np.random.default_rng(0)
    return rng.random((8, 8, 8, 1)).astype("float32") * 5 + 3, np.arange(8) % 2


def test_fit_overrides_training_false_for_batchnorm_of_an_unfrozen_base():
    base = _base_with()
    model = _head(base, lambda x: base(x, training=False))
    base.trainable = True
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy")
    mean = base.get_layer("bn").moving_mean.numpy().copy()
    model.fit(*_data(), epochs=1, verbose=0)
    assert not np.allclose(mean, base.get_layer("bn").moving_mean.numpy())  # training=False ignored


def test_a_frozen_batchnorm_stays_in_inference_mode_under_fit():
    base = _base_with()
    model = _head(base, lambda x: base(x, training=False))  # base.trainable = True
    base.get_layer("bn").trainable = False
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy")
    mean = base.get_layer("bn").moving_mean.numpy().copy()
    model.fit(*_data(), epochs=1, verbose=0)
    assert np.array_equal(mean, base.get_layer("bn").moving_mean.numpy())


@pytest.mark.parametrize("frozen", [True, False])
def test_fit_switches_dropout_inside_the_base_to_training_mode_even_if_frozen(frozen):
    probe = _Probe(name="probe")
    base = _base_with(probe)
    model = _head(base, lambda x: base(x, training=False))
    base.trainable = not frozen
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy",
                  run_eagerly=True)
    model.fit(*_data(), epochs=1, batch_size=8, verbose=0)
    assert probe.seen[-1] is True  # what a Dropout layer in the base receives under fit
    probe.seen.clear()
    model.predict(_data()[0], verbose=0)
    assert probe.seen[-1] is False


def test_dropout_inside_a_frozen_base_is_active_under_fit():
    base = _base_with(keras.layers.Dropout(0.999, name="drop"))
    base.trainable = False
    model = _head(base, lambda x: base(x, training=False))
    x = _data()[0]
    # fit runs the model as model(x, training=True): the base's Dropout zeroes almost everything
    features = keras.Model(model.inputs[0], model.layers[2].output)
    assert np.count_nonzero(np.asarray(features(x, training=True))) < 0.25 * x.shape[0] * 4
    assert np.count_nonzero(np.asarray(features(x, training=False))) > 0.5 * x.shape[0] * 4


def test_efficientnet_b0_has_stochastic_depth_dropout_in_its_blocks():
    base = transfer.build_pretrained_backbone("EfficientNetB0", (64, 64, 3), weights=None)
    drops = [layer for layer in base.layers if isinstance(layer, keras.layers.Dropout)]
    assert len(drops) == 9  # one per block with a residual connection, rate growing up to 0.2
    assert all(layer.noise_shape[1:] == (1, 1, 1) for layer in drops)  # drops whole residual branches


def test_always_inference_keeps_batchnorm_and_dropout_in_inference_mode_under_fit():
    probe = _Probe(name="probe")
    base = _base_with(probe)
    base.trainable = True
    wrapper = transfer.always_inference(base)
    model = _head(base, wrapper)
    mean = base.get_layer("bn").moving_mean.numpy().copy()
    kernel = base.get_layer("conv").kernel.numpy().copy()
    model.fit(*_data(), epochs=2, batch_size=4, verbose=0)
    assert True not in probe.seen and False in probe.seen  # None: the symbolic call that builds it
    assert np.array_equal(mean, base.get_layer("bn").moving_mean.numpy())
    assert not np.array_equal(kernel, base.get_layer("conv").kernel.numpy())  # the base still learns


def test_precomputed_features_are_computed_in_inference_mode():
    base = _base_with(keras.layers.Dropout(0.5))
    x = _data()[0]
    first, second = base.predict(x, verbose=0), base.predict(x, verbose=0)
    assert np.array_equal(first, second)  # predict: Dropout off and BN with its moving statistics


def test_always_inference_rejects_a_non_model():
    with pytest.raises(ValueError, match="always_inference"):
        transfer.always_inference(keras.layers.Dense(2))
