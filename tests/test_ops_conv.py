"""course_utils.ops, convolution section: against SciPy, Keras Conv2D and the book's worked examples."""
import numpy as np
import pytest
from scipy.signal import convolve2d, correlate2d

from course_utils import ops

EXAMPLE_5X5 = np.array([[1, 1, 1, 0, 0], [0, 1, 1, 1, 0], [0, 0, 1, 1, 1], [0, 0, 1, 1, 0], [0, 1, 1, 0, 0]])
EXAMPLE_7X7 = np.array([[0, 1, 1, 1, 0, 0, 0], [0, 0, 1, 1, 1, 0, 0], [0, 0, 0, 1, 1, 1, 0],
                        [0, 0, 0, 1, 1, 0, 0], [0, 0, 1, 1, 0, 0, 0], [0, 1, 1, 0, 0, 0, 0],
                        [1, 1, 0, 0, 0, 0, 0]])
X_KERNEL = np.array([[1, 0, 1], [0, 1, 0], [1, 0, 1]])


@pytest.mark.parametrize("n,k,p,s,expected", [
    (5, 3, 0, 1, 3), (7, 3, 0, 1, 5), (32, 3, 1, 1, 32), (32, 5, 2, 2, 16), (227, 11, 0, 4, 55),
    (224, 7, 3, 2, 112), (6, 3, 0, 2, 2), (3, 3, 0, 1, 1), (1, 3, 1, 1, 1)])
def test_conv_output_size(n, k, p, s, expected):
    assert ops.conv_output_size(n, k, padding=p, stride=s) == expected


@pytest.mark.parametrize("args,words", [
    ((3, 5), "no cabe"), ((2, 5, 1), "no cabe"), ((5, 3, 0, 0), "stride"), ((5, 3, -1), "padding"),
    ((5.0, 3), "n debe"), ((5, 0), "kernel_size")])
def test_conv_output_size_rejects_bad_input_in_spanish(args, words):
    with pytest.raises(ValueError, match=words):
        ops.conv_output_size(*args)


def test_worked_examples_of_the_book():
    assert ops.conv2d(EXAMPLE_5X5, X_KERNEL).tolist() == [[4, 3, 4], [2, 4, 3], [2, 3, 4]]
    assert ops.conv2d(EXAMPLE_7X7, X_KERNEL).tolist() == [
        [1, 4, 3, 4, 1], [1, 2, 4, 3, 3], [1, 2, 3, 4, 1], [1, 3, 3, 1, 1], [3, 3, 1, 1, 0]]


@pytest.mark.parametrize("seed", range(6))
def test_conv2d_equals_scipy_correlate2d(seed):
    rng = np.random.default_rng(seed)
    image = rng.normal(size=tuple(rng.integers(5, 30, size=2)))
    kernel = rng.normal(size=tuple(rng.integers(1, 6, size=2)))
    np.testing.assert_allclose(ops.conv2d(image, kernel), correlate2d(image, kernel, mode="valid"), atol=1e-12)


def test_conv2d_does_not_flip_the_kernel():
    rng = np.random.default_rng(7)
    image, kernel = rng.normal(size=(9, 9)), ops.named_kernel("Sobel X")
    flipped = convolve2d(image, kernel, mode="valid")  # true convolution flips the kernel
    np.testing.assert_allclose(ops.conv2d(image, kernel), -flipped, atol=1e-12)


@pytest.mark.parametrize("padding,stride", [(0, 2), (1, 1), (1, 2), (2, 3), (3, 1)])
def test_conv2d_padding_and_stride_against_scipy(padding, stride):
    rng = np.random.default_rng(padding * 10 + stride)
    image, kernel = rng.normal(size=(11, 13)), rng.normal(size=(3, 3))
    padded = np.pad(image, padding)
    expected = correlate2d(padded, kernel, mode="valid")[::stride, ::stride]
    got = ops.conv2d(image, kernel, stride=stride, padding=padding)
    np.testing.assert_allclose(got, expected, atol=1e-12)
    assert got.shape == (ops.conv_output_size(11, 3, padding, stride), ops.conv_output_size(13, 3, padding, stride))


def test_same_padding_keeps_the_size_and_matches_scipy_same():
    image = np.random.default_rng(3).normal(size=(8, 10))
    kernel = ops.named_kernel("Laplaciano")
    np.testing.assert_allclose(ops.conv2d(image, kernel, padding=1), correlate2d(image, kernel, mode="same"),
                               atol=1e-12)


def test_conv2d_returns_float_for_integer_input():
    out = ops.conv2d(np.ones((4, 4), dtype=np.uint8) * 255, np.ones((3, 3), dtype=np.uint8))
    assert out.dtype == np.float64 and out[0, 0] == 9 * 255  # no uint8 overflow


@pytest.mark.parametrize("call,words", [
    (lambda: ops.conv2d(np.ones((4, 4, 3)), np.ones((3, 3))), r"\(H, W\)"),
    (lambda: ops.conv2d(np.ones((4, 4)), np.ones(3)), "kernel"),
    (lambda: ops.conv2d(np.ones((2, 2)), np.ones((3, 3))), "no cabe"),
    (lambda: ops.conv2d(np.ones((4, 4)), np.ones((3, 3)), stride=0), "stride"),
    (lambda: ops.conv2d(np.full((4, 4), "a"), np.ones((3, 3))), "números"),
    (lambda: ops.conv2d_multichannel(np.ones((5, 5, 3)), np.ones((3, 3, 2, 4)), np.zeros(4)), "canales"),
    (lambda: ops.conv2d_multichannel(np.ones((5, 5, 3)), np.ones((3, 3, 3, 4)), np.zeros(3)), "sesgo"),
    (lambda: ops.conv2d_multichannel(np.ones((5, 5)), np.ones((3, 3, 1, 4)), np.zeros(4)), r"\(H, W, C\)"),
    (lambda: ops.named_kernel("Gabor"), "Sobel X"),
])
def test_bad_input_raises_spanish_value_error(call, words):
    with pytest.raises(ValueError, match=words):
        call()


def test_multichannel_is_the_sum_of_single_channel_convolutions_plus_bias():
    rng = np.random.default_rng(11)
    x, kernels, bias = rng.normal(size=(9, 8, 3)), rng.normal(size=(3, 3, 3, 2)), rng.normal(size=2)
    got = ops.conv2d_multichannel(x, kernels, bias, stride=2, padding=1)
    for f in range(2):
        expected = sum(ops.conv2d(x[..., c], kernels[..., c, f], stride=2, padding=1) for c in range(3)) + bias[f]
        np.testing.assert_allclose(got[..., f], expected, atol=1e-12)


@pytest.mark.parametrize("kernel_size,channels,filters,stride,padding", [
    (3, 1, 1, 1, 0), (3, 3, 4, 1, 1), (5, 2, 3, 2, 2), (1, 4, 2, 1, 0), (3, 3, 2, 3, 0)])
def test_multichannel_equals_keras_conv2d(kernel_size, channels, filters, stride, padding):
    import keras
    rng = np.random.default_rng(kernel_size * 100 + channels * 10 + filters)
    x = rng.normal(size=(10, 12, channels)).astype(np.float32)
    kernels = rng.normal(size=(kernel_size, kernel_size, channels, filters)).astype(np.float32)
    bias = rng.normal(size=filters).astype(np.float32)
    layer = keras.layers.Conv2D(filters, kernel_size, strides=stride, padding="valid")
    layer.build((None, 10 + 2 * padding, 12 + 2 * padding, channels))
    layer.set_weights([kernels, bias])
    expected = np.asarray(layer(np.pad(x, ((padding, padding), (padding, padding), (0, 0)))[None]))[0]
    np.testing.assert_allclose(ops.conv2d_multichannel(x, kernels, bias, stride, padding), expected,
                               rtol=1e-4, atol=1e-4)
    assert layer.count_params() == ops.conv_params(kernel_size, channels, filters)


def test_keras_same_padding_with_stride_one_is_symmetric_padding():
    import keras
    rng = np.random.default_rng(5)
    x, kernels = rng.normal(size=(7, 7, 2)).astype(np.float32), rng.normal(size=(3, 3, 2, 3)).astype(np.float32)
    layer = keras.layers.Conv2D(3, 3, padding="same", use_bias=False)
    layer.build((None, 7, 7, 2))
    layer.set_weights([kernels])
    np.testing.assert_allclose(ops.conv2d_multichannel(x, kernels, None, padding=1),
                               np.asarray(layer(x[None]))[0], rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("k,c,f,bias,expected", [
    (3, 3, 32, True, 896), (3, 1, 1, False, 9), (5, 64, 128, True, 204928), (7, 3, 96, True, 14208),
    (1, 256, 64, False, 16384)])
def test_conv_params(k, c, f, bias, expected):
    assert ops.conv_params(k, c, f, use_bias=bias) == expected


def test_receptive_window_matches_the_output_cell():
    rng = np.random.default_rng(2)
    image, kernel = rng.normal(size=(8, 9)), rng.normal(size=(3, 3))
    out = ops.conv2d(image, kernel, stride=2, padding=1)
    padded = np.pad(image, 1)
    for row, col in [(0, 0), (1, 2), (3, 4)]:
        rows, cols = ops.receptive_window(row, col, 3, stride=2, padding=1)
        patch = padded[rows.start + 1:rows.stop + 1, cols.start + 1:cols.stop + 1]
        assert np.isclose(out[row, col], np.sum(patch * kernel))


def test_pad2d_and_relu():
    padded = ops.pad2d(np.ones((2, 3, 4)), 2)
    assert padded.shape == (6, 7, 4) and padded.sum() == 24 and padded[0].sum() == 0
    np.testing.assert_array_equal(ops.relu([-2.0, 0.0, 3.5]), [0.0, 0.0, 3.5])


def test_named_kernels_have_the_expected_properties():
    assert ops.named_kernel("desenfoque").sum() == pytest.approx(1)  # blur keeps the mean brightness
    assert ops.named_kernel("realce").sum() == pytest.approx(1)
    for name in ("Sobel X", "Sobel Y", "Prewitt X", "Prewitt Y", "Laplaciano"):
        assert ops.named_kernel(name).sum() == 0  # edge detectors ignore flat regions
    kernel = ops.named_kernel("identidad")
    kernel[1, 1] = 9
    assert ops.KERNELS["identidad"][1, 1] == 1  # a copy, not the shared array


def test_conv_macs_counts_one_multiply_add_per_weight_and_output_position():
    assert ops.conv_macs(112, 112, 3, 64, 128) == 112 * 112 * 9 * 64 * 128
    assert ops.conv_macs(1, 1, 1, 1, 1) == 1
    with pytest.raises(ValueError, match="filters debe ser un entero"):
        ops.conv_macs(4, 4, 3, 3, 0)


def test_dilate_kernel_matches_keras_dilation_rate():
    import keras
    rng = np.random.default_rng(1)
    kernel = rng.normal(size=(3, 3, 2, 4))
    bias = np.zeros(4)
    x = rng.normal(size=(13, 13, 2))
    layer = keras.layers.Conv2D(4, 3, dilation_rate=2, padding="valid")
    layer.build((None, 13, 13, 2))
    layer.set_weights([kernel.astype("float32"), bias.astype("float32")])
    expected = np.asarray(layer(x[None].astype("float32")))[0]
    got = ops.conv2d_multichannel(x, ops.dilate_kernel(kernel, 2), bias)
    assert got.shape == expected.shape == (9, 9, 4)
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)
    assert np.array_equal(ops.dilate_kernel(np.eye(2), 1), np.eye(2))
    with pytest.raises(ValueError, match="se esperaba un núcleo"):
        ops.dilate_kernel(np.ones((2, 3)), 2)
