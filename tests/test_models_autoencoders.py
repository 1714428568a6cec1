"""The chapter 7 builders (course_utils.models) and the PSNR of course_utils.ops."""
import numpy as np
import pytest
from skimage.metrics import peak_signal_noise_ratio

from course_utils import ops
from course_utils.models import autoencoders


def test_psnr_by_hand():
    # MSE = (0.1² + 0.1²) / 2 = 0.01, so PSNR = 10·log10(1 / 0.01) = 20 dB.
    assert ops.psnr([0.0, 1.0], [0.1, 0.9]) == pytest.approx(20.0)
    # Same MSE on the 0..255 scale: 10·log10(255² / 25) with an error of 5 everywhere.
    assert ops.psnr(np.full((4, 4), 100), np.full((4, 4), 105), data_range=255) == pytest.approx(
        10 * np.log10(255 ** 2 / 25))


def test_psnr_matches_skimage():
    rng = np.random.default_rng(0)
    for _ in range(5):
        clean = rng.random((28, 28))
        noisy = np.clip(clean + rng.normal(0, 0.2, clean.shape), 0, 1)
        assert ops.psnr(clean, noisy) == pytest.approx(
            peak_signal_noise_ratio(clean, noisy, data_range=1.0))


def test_psnr_identical_images_is_infinite():
    assert ops.psnr(np.ones((3, 3)), np.ones((3, 3))) == float("inf")


@pytest.mark.parametrize("a,b,kwargs", [
    (np.zeros((3, 3)), np.zeros((3, 4)), {}),
    (np.zeros(0), np.zeros(0), {}),
    (np.zeros(3), np.ones(3), {"data_range": 0}),
])
def test_psnr_rejects_bad_input(a, b, kwargs):
    with pytest.raises(ValueError, match="psnr"):
        ops.psnr(a, b, **kwargs)


def test_psnr_per_image():
    rng = np.random.default_rng(1)
    clean = rng.random((5, 8, 8, 1))
    noisy = clean + rng.normal(0, 0.1, clean.shape)
    got = ops.psnr_per_image(clean, noisy)
    assert got.shape == (5,)
    for k in range(5):
        assert got[k] == pytest.approx(peak_signal_noise_ratio(clean[k], noisy[k], data_range=1.0))
    with pytest.raises(ValueError, match="psnr_per_image"):
        ops.psnr_per_image(clean, noisy[:4])


def test_dense_autoencoder_shapes_and_shared_weights():
    autoencoder, encoder, decoder = autoencoders.build_dense_autoencoder((28, 28, 1), latent_dim=3,
                                                                   hidden_units=(16,))
    assert encoder.output_shape == (None, 3)
    assert decoder.output_shape == (None, 28, 28, 1)
    assert autoencoder.output_shape == (None, 28, 28, 1)
    x = np.random.default_rng(2).random((4, 28, 28, 1)).astype("float32")
    out = autoencoder.predict(x, verbose=0)
    assert np.all((out >= 0) & (out <= 1))
    np.testing.assert_allclose(out, decoder.predict(encoder.predict(x, verbose=0), verbose=0),
                               atol=1e-5)
    # 784·16 + 16, 16·3 + 3, 3·16 + 16, 16·784 + 784
    assert autoencoder.count_params() == 784 * 16 + 16 + 16 * 3 + 3 + 3 * 16 + 16 + 16 * 784 + 784


def test_convolutional_autoencoder_shapes():
    autoencoder, encoder, decoder = autoencoders.build_convolutional_autoencoder(
        (32, 32, 3), filters=(4, 8), latent_channels=5)
    assert encoder.output_shape == (None, 8, 8, 5)
    assert decoder.output_shape == (None, 32, 32, 3)
    assert autoencoder.output_shape == (None, 32, 32, 3)
    x = np.random.default_rng(3).normal(0, 50, (2, 32, 32, 3)).astype("float32")
    out = autoencoder.predict(x, verbose=0)
    assert np.all((out >= 0) & (out <= 1)), "the output must go through a sigmoid"


@pytest.mark.parametrize("builder,kwargs", [
    (autoencoders.build_dense_autoencoder, {"input_shape": (28, 28)}),
    (autoencoders.build_dense_autoencoder, {"latent_dim": 0}),
    (autoencoders.build_dense_autoencoder, {"hidden_units": (16, -1)}),
    (autoencoders.build_convolutional_autoencoder, {"input_shape": (30, 30, 1)}),
    (autoencoders.build_convolutional_autoencoder, {"filters": ()}),
    (autoencoders.build_convolutional_autoencoder, {"latent_channels": 2.5}),
])
def test_autoencoder_builders_reject_bad_input(builder, kwargs):
    with pytest.raises(ValueError, match=builder.__name__):
        builder(**kwargs)


def test_psnr_per_image_uses_skimage_and_keeps_infinite_for_identical_images():
    rng = np.random.default_rng(3)
    clean = rng.random((3, 6, 6, 1))
    noisy = clean.copy()
    noisy[1:] = np.clip(noisy[1:] + rng.normal(0, 0.1, noisy[1:].shape), 0, 1)
    got = ops.psnr_per_image(clean, noisy)
    assert got[0] == float("inf")
    for k in (1, 2):
        assert got[k] == pytest.approx(peak_signal_noise_ratio(clean[k], noisy[k], data_range=1.0))
    with pytest.raises(ValueError, match="psnr_per_image"):
        ops.psnr_per_image(clean, noisy, data_range=0)


@pytest.mark.parametrize("builder", [autoencoders.build_dense_autoencoder,
                                     autoencoders.build_convolutional_autoencoder])
def test_the_code_layer_is_linear(builder):
    _, encoder, _ = builder()
    code_layer = encoder.get_layer("codigo")
    assert code_layer.get_config()["activation"] == "linear"


def test_convolutional_autoencoder_needs_multiples_of_two_to_the_n():
    # 28 → 14 → 7 → 4 and back 4 → 8 → 16 → 32: three halvings need a multiple of 8
    with pytest.raises(ValueError, match="divisibles por 8"):
        autoencoders.build_convolutional_autoencoder((28, 28, 1), filters=(8, 8, 8))
    autoencoder, _, _ = autoencoders.build_convolutional_autoencoder((32, 32, 1), filters=(8, 8, 8))
    assert autoencoder.output_shape == (None, 32, 32, 1)
