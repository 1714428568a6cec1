"""course_utils.ops, pooling section: the NumPy references against Keras, and bad input."""
import numpy as np
import pytest

from course_utils import ops

BOOK_EXAMPLE = np.array([[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]])


def test_book_example_max_avg_min():
    np.testing.assert_array_equal(ops.pool2d(BOOK_EXAMPLE, 2, 2, "max"), [[6, 8], [3, 4]])
    np.testing.assert_allclose(ops.pool2d(BOOK_EXAMPLE, 2, 2, "avg"), [[3.25, 5.25], [2.0, 2.0]])
    np.testing.assert_array_equal(ops.pool2d(BOOK_EXAMPLE, 2, 2, "min"), [[1, 2], [1, 0]])


@pytest.mark.parametrize("size,stride,shape", [
    (2, 2, (8, 8, 3)), (3, 2, (11, 9, 2)), (2, 2, (7, 5, 4)), (3, 1, (6, 7, 1)), (2, 3, (10, 10, 2)),
])
def test_pool2d_matches_keras(size, stride, shape):
    import keras
    x = np.random.default_rng(sum(shape) + size).normal(size=shape).astype(np.float32)
    for mode, layer in (("max", keras.layers.MaxPooling2D), ("avg", keras.layers.AveragePooling2D)):
        expected = np.asarray(layer(pool_size=size, strides=stride, padding="valid")(x[None]))[0]
        got = ops.pool2d(x, size, stride, mode)
        assert got.shape == expected.shape
        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-6)


def test_each_channel_is_pooled_on_its_own_and_2d_equals_one_channel():
    x = np.random.default_rng(0).integers(0, 100, size=(6, 6, 3))
    volume = ops.pool2d(x, 2, 2, "max")
    for c in range(3):
        np.testing.assert_array_equal(volume[..., c], ops.pool2d(x[..., c], 2, 2, "max"))


def test_stride_defaults_to_size_and_partial_windows_are_dropped():
    x = np.arange(49).reshape(7, 7)
    assert ops.pool2d(x, 2).shape == (3, 3)
    assert ops.pool2d(x, 3, 2).shape == (3, 3)
    assert ops.pool_output_size(7, 2) == 3
    assert ops.pool_output_size(55, 3, 2) == 27  # AlexNet's overlapping pooling
    assert ops.pool2d(x, 2)[-1, -1] == x[5, 5]  # the last row and column are never seen


def test_global_average_pool_matches_keras():
    import keras
    x = np.random.default_rng(3).normal(size=(5, 7, 4)).astype(np.float32)
    expected = np.asarray(keras.layers.GlobalAveragePooling2D()(x[None]))[0]
    np.testing.assert_allclose(ops.global_average_pool(x), expected, rtol=1e-6, atol=1e-6)


def test_receptive_field_of_stacked_convolutions():
    assert [ops.receptive_field(n) for n in range(4)] == [1, 3, 5, 7]
    assert ops.receptive_field(2, 5) == 9
    assert ops.stacked_receptive_field([(3, 1)] * 3) == (7, 1)
    assert ops.stacked_receptive_field([(3, 1), (2, 2), (3, 1)]) == (8, 2)
    assert ops.stacked_receptive_field([(2, 2), (3, 1)]) == (6, 2)
    assert ops.stacked_receptive_field([]) == (1, 1)
    # AlexNet hasta pool5: conv 11/4, pool 3/2, conv 5/1, pool 3/2, conv 3/1 ×3, pool 3/2
    alexnet = [(11, 4), (3, 2), (5, 1), (3, 2), (3, 1), (3, 1), (3, 1), (3, 2)]
    assert ops.stacked_receptive_field(alexnet) == (195, 32)


def test_stacked_receptive_field_equals_impulse_response_of_strided_keras_stack():
    import keras
    # conv 3/1 → pool 2/2 → conv 3/1 → conv 3/2: la última neurona central ve r × r píxeles
    layers = [(3, 1), (2, 2), (3, 1), (3, 2)]
    field, jump = ops.stacked_receptive_field(layers)
    model = keras.Sequential([keras.Input((40, 40, 1)),
                              keras.layers.Conv2D(1, 3, use_bias=False, kernel_initializer="ones"),
                              keras.layers.AveragePooling2D(2),
                              keras.layers.Conv2D(1, 3, use_bias=False, kernel_initializer="ones"),
                              keras.layers.Conv2D(1, 3, strides=2, use_bias=False, kernel_initializer="ones")])
    # gradiente de una salida respecto a la entrada: distinto de cero justo en su campo receptivo
    import tensorflow as tf
    x = tf.Variable(np.random.default_rng(0).uniform(1, 2, size=(1, 40, 40, 1)).astype("float32"))
    with tf.GradientTape() as tape:
        y = model(x)[0, 2, 3, 0]
    grad = tape.gradient(y, x).numpy()[0, ..., 0]
    rows, cols = np.nonzero(grad)
    assert rows.max() - rows.min() + 1 == field and cols.max() - cols.min() + 1 == field
    # dos salidas vecinas empiezan a `jump` píxeles de distancia
    with tf.GradientTape() as tape:
        y2 = model(x)[0, 2, 4, 0]
    cols2 = np.nonzero(tape.gradient(y2, x).numpy()[0, ..., 0])[1]
    assert cols2.min() - cols.min() == jump == 4


def test_receptive_field_equals_impulse_response_of_keras_stack():
    import keras
    model = keras.Sequential([keras.Input((15, 15, 1))] + [
        keras.layers.Conv2D(1, 3, padding="same", use_bias=False, kernel_initializer="ones")
        for _ in range(3)])
    impulse = np.zeros((1, 15, 15, 1), np.float32)
    impulse[0, 7, 7, 0] = 1
    touched = np.asarray(model(impulse))[0, ..., 0] != 0
    assert touched.sum() == ops.receptive_field(3) ** 2


def test_stack_vs_single_params_agrees_with_keras_count():
    import keras
    channels = 8
    stack = keras.Sequential([keras.Input((16, 16, channels))] + [
        keras.layers.Conv2D(channels, 3, padding="same", use_bias=False) for _ in range(3)])
    single = keras.Sequential([keras.Input((16, 16, channels)),
                               keras.layers.Conv2D(channels, 7, padding="same", use_bias=False)])
    assert ops.stack_vs_single_params(channels) == (stack.count_params(), single.count_params())
    assert ops.stack_vs_single_params(1) == (27, 49)
    assert ops.stack_vs_single_params(2, kernel_size=5, num_layers=2) == (2 * 25 * 4, 81 * 4)


@pytest.mark.parametrize("call,fragment", [
    (lambda: ops.pool2d(np.zeros(5)), "se esperaba un mapa (H, W)"),
    (lambda: ops.pool2d(np.zeros((2, 2, 2, 2))), "se esperaba un mapa (H, W)"),
    (lambda: ops.pool2d(np.zeros((4, 4)), mode="median"), "mode debe ser uno de"),
    (lambda: ops.pool2d(np.zeros((4, 4)), size=0), "size debe ser un entero positivo"),
    (lambda: ops.pool2d(np.zeros((4, 4)), stride=1.5), "stride debe ser un entero positivo"),
    (lambda: ops.pool2d(np.zeros((3, 5)), size=4), "no cabe"),
    (lambda: ops.pool2d(np.array([["a", "b"], ["c", "d"]])), "se esperaban números reales"),
    (lambda: ops.pool_output_size(2, 3), "no cabe"),
    (lambda: ops.global_average_pool(np.zeros((4, 4))), "se esperaba un volumen (H, W, C)"),
    (lambda: ops.receptive_field(-1), "num_layers debe ser un entero ≥ 0"),
    (lambda: ops.stacked_receptive_field([3, 3]), "debe ser un par"),
    (lambda: ops.stack_vs_single_params(0), "channels debe ser un entero positivo"),
])
def test_bad_input_raises_a_spanish_value_error(call, fragment):
    with pytest.raises(ValueError) as error:
        call()
    assert fragment in str(error.value)
