"""course_utils.interpret on tiny hand-set models whose answer is known in advance."""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from keras import layers  # noqa: E402

from course_utils import interpret  # noqa: E402
from course_utils.models import classification  # noqa: E402

SIZE = 8


def _corner_model():
    """Class 0's logit is the sum of the top-left 4x4 quadrant; class 1's logit is 0."""
    model = keras.Sequential([keras.Input((SIZE, SIZE, 1)), layers.Flatten(),
                              layers.Dense(2, activation="softmax")])
    weights = np.zeros((SIZE, SIZE, 2), dtype=np.float32)
    weights[:4, :4, 0] = 1.0
    model.layers[-1].set_weights([weights.reshape(-1, 2), np.zeros(2, np.float32)])
    return model


def _conv_two_channel_model():
    """Identity 1x1 conv + ReLU on two channels; class 0's logit is the sum of channel 0 only.

    Grad-CAM weights whole channels (the mean gradient of each), so it localises through
    channels that fire in different places: here channel 0 holds the evidence, channel 1 a
    bright blob the classifier ignores.
    """
    model = keras.Sequential([keras.Input((SIZE, SIZE, 2)), layers.Conv2D(2, 1, use_bias=False),
                              layers.ReLU(), layers.Flatten(), layers.Dense(2, activation="softmax")])
    model.layers[0].set_weights([np.eye(2, dtype=np.float32).reshape(1, 1, 2, 2)])
    weights = np.zeros((SIZE, SIZE, 2, 2), dtype=np.float32)
    weights[:, :, 0, 0] = 1.0
    model.layers[-1].set_weights([weights.reshape(-1, 2), np.zeros(2, np.float32)])
    return model


def _image():
    image = np.zeros((SIZE, SIZE), np.float32)
    image[1:3, 1:3] = 1.0   # evidence for class 0
    image[5:7, 5:7] = 1.0   # ignored by the model
    return image


def test_occlusion_of_the_patch_that_matters_lowers_the_score_and_elsewhere_not():
    model = _corner_model()
    drops = interpret.occlusion_map(model, _image(), label=0, patch=2, stride=1, fill=0.0)
    assert drops.shape == (SIZE - 1, SIZE - 1)
    assert drops[1, 1] > 0.3            # covering the evidence removes most of it
    assert abs(drops[5, 5]) < 1e-6      # covering what the model ignores changes nothing
    assert np.unravel_index(np.argmax(drops), drops.shape) == (1, 1)


def test_occlusion_map_shape_follows_patch_and_stride():
    drops = interpret.occlusion_map(_corner_model(), _image(), label=0, patch=3, stride=2)
    assert drops.shape == ((SIZE - 3) // 2 + 1,) * 2


def test_saliency_of_a_linear_model_is_its_weights():
    saliency = interpret.saliency_map(_corner_model(), _image(), label=0)
    expected = np.zeros((SIZE, SIZE))
    expected[:4, :4] = 1.0
    np.testing.assert_allclose(saliency, expected, atol=1e-6)


def test_grad_cam_shape_range_and_location():
    model = _conv_two_channel_model()
    image = np.zeros((SIZE, SIZE, 2), np.float32)
    image[1:3, 1:3, 0] = 1.0
    image[5:7, 5:7, 1] = 1.0
    cam = interpret.grad_cam(model, image, label=0)
    assert cam.shape == (SIZE, SIZE)
    assert cam.min() >= 0 and cam.max() == pytest.approx(1.0)
    assert cam[1:3, 1:3].min() == pytest.approx(1.0)   # the evidence, where the model looks
    assert cam[5:7, 5:7].max() == 0.0                    # bright but ignored


def test_grad_cam_default_layer_is_after_the_last_conv_block():
    model = classification.build_cnn(input_shape=(16, 16, 1), num_classes=3, filters=(4, 8), dense_units=8)
    assert interpret._default_cam_layer(model) == model.layers[7].name  # ReLU of block 2
    cam = interpret.grad_cam(model, np.random.default_rng(0).random((16, 16)), label=1)
    assert cam.shape == (8, 8) and 0 <= cam.min() and cam.max() <= 1
    maps = interpret.feature_extractor(model, [model.layers[7].name]).predict(np.ones((1, 16, 16, 1)), verbose=0)
    assert maps.shape == (1, 8, 8, 8)


def test_feature_extractor_returns_every_map_by_default_and_named_ones_on_request():
    model = classification.build_cnn(input_shape=(16, 16, 1), num_classes=3, filters=(4, 8), dense_units=8)
    extractor = interpret.feature_extractor(model)
    maps = extractor.predict(np.zeros((1, 16, 16, 1), np.float32), verbose=0)
    assert [m.shape[1:] for m in maps][:5] == [(16, 16, 4)] * 3 + [(8, 8, 4)] * 2
    dense = model.layers[-4].name
    one = interpret.feature_extractor(model, [dense]).predict(np.zeros((2, 16, 16, 1)), verbose=0)
    assert np.shape(one) == (2, 8)


@pytest.mark.parametrize("call, message", [
    (lambda m: interpret.occlusion_map(m, np.zeros((5, 5))), "forma de la entrada"),
    (lambda m: interpret.occlusion_map(m, _image(), label=0, patch=9), "no cabe"),
    (lambda m: interpret.occlusion_map(m, _image(), label=0, stride=0), "stride"),
    (lambda m: interpret.saliency_map(m, _image(), label=7), "label"),
    (lambda m: interpret.grad_cam(m, _image(), label=0), "convolucionales"),
    (lambda m: interpret.feature_extractor(m, ["no_existe"]), "capas desconocidas"),
])
def test_bad_input_raises_a_spanish_error(call, message):
    with pytest.raises(ValueError, match=message):
        call(_corner_model())


def test_saliency_needs_a_final_dense_layer():
    model = keras.Sequential([keras.Input((SIZE, SIZE, 1)), layers.Flatten(), layers.Softmax()])
    with pytest.raises(ValueError, match="Dense"):
        interpret.saliency_map(model, np.zeros((SIZE, SIZE, 1)), label=0)


def test_occlusion_to_pixels_averages_the_patches_that_cover_each_pixel():
    drops = np.arange(9, dtype=float).reshape(3, 3)  # 8x8 image, patch 4, stride 2
    pixels = interpret.occlusion_to_pixels(drops, (8, 8), patch=4, stride=2)
    assert pixels.shape == (8, 8)
    assert pixels[0, 0] == drops[0, 0]                      # only the first patch covers the corner
    assert pixels[2, 2] == pytest.approx(np.mean(drops[:2, :2]))  # four patches overlap here
    assert pixels[7, 7] == drops[2, 2]
    with pytest.raises(ValueError, match="forma"):
        interpret.occlusion_to_pixels(drops, (10, 10), patch=4, stride=2)


def _tiny_relu_net():
    """Conv(1→2, 1x1, weights +1 and -1) → ReLU → Flatten → Dense softmax: channel 0 keeps the
    ink, channel 1 keeps its negative (always zero on a non-negative image)."""
    model = keras.Sequential([keras.Input((SIZE, SIZE, 1)), layers.Conv2D(2, 1, use_bias=False), layers.ReLU(),
                              layers.Flatten(), layers.Dense(2, activation="softmax")])
    model.layers[0].set_weights([np.array([1.0, -1.0], np.float32).reshape(1, 1, 1, 2)])
    weights = np.zeros((SIZE, SIZE, 2, 2), np.float32)
    weights[:4, :4, 0, 0] = 1.0     # class 0 likes ink in the top-left quadrant
    weights[4:, 4:, 0, 0] = -1.0    # and dislikes ink in the bottom-right one
    model.layers[-1].set_weights([weights.reshape(-1, 2), np.zeros(2, np.float32)])
    return model


def test_guided_backprop_drops_negative_gradients_where_saliency_keeps_them():
    model = _tiny_relu_net()
    image = np.ones((SIZE, SIZE), np.float32)
    plain = interpret.saliency_map(model, image, label=0)
    guided = interpret.guided_backprop(model, image, label=0)
    assert plain[6, 6] == pytest.approx(1.0)       # |−1|: the plain gradient keeps it
    assert guided[6, 6] == 0 and guided[1, 1] == pytest.approx(1.0)


def test_smoothgrad_with_no_noise_is_the_saliency_map():
    model = _tiny_relu_net()
    image = np.random.default_rng(0).random((SIZE, SIZE)).astype(np.float32)
    np.testing.assert_allclose(interpret.smoothgrad(model, image, 0, n=3, sigma=0.0),
                               interpret.saliency_map(model, image, 0), atol=1e-6)
    noisy = interpret.smoothgrad(model, image, 0, n=8, sigma=0.5, seed=1)
    assert noisy.shape == (SIZE, SIZE) and noisy.max() == pytest.approx(1.0)


def test_rank_correlation_is_spearman_and_zero_for_constant_maps():
    a = np.arange(16.0).reshape(4, 4)
    assert interpret.rank_correlation(a, a ** 3) == pytest.approx(1.0)
    assert interpret.rank_correlation(a, -a) == pytest.approx(-1.0)
    assert interpret.rank_correlation(a, np.zeros((4, 4))) == 0.0


def test_activation_maximization_lights_the_channel_it_maximises():
    model = _tiny_relu_net()
    image = interpret.activation_maximization(model, model.layers[1].name, channel=0, steps=20)
    assert image.shape == (SIZE, SIZE, 1) and image.min() >= 0 and image.max() <= 1
    assert image.mean() > 0.9     # channel 0 is the ink itself: more ink, more activation


def test_fgsm_moves_every_pixel_by_epsilon_against_the_label():
    model = _corner_model()
    image = np.full((1, SIZE, SIZE, 1), 0.5, np.float32)
    adversarial = interpret.fgsm(model, image, np.array([0]), epsilon=0.1)
    changed = adversarial - image
    assert np.allclose(changed[0, :4, :4], -0.1) and np.allclose(changed[0, 4:, 4:], 0.0)
    assert model.predict(adversarial, verbose=0)[0, 0] < model.predict(image, verbose=0)[0, 0]
