"""course_utils.widgets, chapter 2: the drawing functions (testable without a browser) and the wiring."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from course_utils import ops, widgets  # noqa: E402


def _red_patches(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_edgecolor()[:3] == (1.0, 0.0, 0.0)]


@pytest.mark.parametrize("n,k,p,s,row,col", [(5, 3, 0, 1, 0, 0), (7, 3, 1, 2, 1, 2), (6, 2, 0, 2, 2, 1),
                                             (8, 5, 2, 3, 2, 0)])
def test_conv_window_highlights_the_receptive_window_in_padded_coordinates(n, k, p, s, row, col):
    fig = widgets.draw_conv_window(n, k, padding=p, stride=s, row=row, col=col)
    left, right = fig.axes
    (window,) = _red_patches(left)
    rows, cols = ops.receptive_window(row, col, k, stride=s, padding=p)
    assert window.get_xy() == (cols.start + p - 0.5, rows.start + p - 0.5)
    assert window.get_width() == window.get_height() == k
    assert window.get_x() + window.get_width() <= n + 2 * p - 0.5  # the window stays inside the padded input
    size = ops.conv_output_size(n, k, p, s)
    assert len(left.patches) == (n + 2 * p) ** 2 + 1
    assert len(right.patches) == size ** 2
    chosen = [q for q in right.patches if q.get_facecolor()[:3] == (1.0, 0.0, 0.0)]
    assert [q.get_xy() for q in chosen] == [(col - 0.5, row - 0.5)]
    assert f"Salida {size}×{size}" in right.get_title()
    plt.close(fig)


def test_conv_window_marks_padding_cells_in_grey():
    fig = widgets.draw_conv_window(4, 3, padding=1)
    grey = [q for q in fig.axes[0].patches if q.get_facecolor()[:3] == pytest.approx((0.85, 0.85, 0.85))]
    assert len(grey) == 6 * 6 - 4 * 4
    plt.close(fig)


@pytest.mark.parametrize("args,words", [((5, 3, 0, 1, 3, 0), "entre 0 y 2"), ((3, 5, 0, 1, 0, 0), "no cabe")])
def test_conv_window_rejects_impossible_requests(args, words):
    with pytest.raises(ValueError, match=words):
        widgets.draw_conv_window(*args)


def test_kernel_effect_shows_the_same_size_convolution():
    image = np.random.default_rng(0).integers(0, 256, size=(20, 30)).astype(np.uint8)
    kernel = ops.named_kernel("Sobel X")
    fig = widgets.draw_kernel_effect(image, kernel, size=None)
    shown = fig.axes[2].images[0].get_array()
    np.testing.assert_allclose(shown, ops.conv2d(image, kernel, padding=1))
    assert shown.shape == image.shape
    plt.close(fig)


def test_kernel_effect_converts_colour_and_shrinks_sample_images():
    fig = widgets.draw_kernel_effect("astronaut", ops.named_kernel("desenfoque"), size=64)
    assert fig.axes[0].images[0].get_array().shape == (64, 64)
    plt.close(fig)


def test_kernel_effect_rejects_even_kernels():
    with pytest.raises(ValueError, match="lado impar"):
        widgets.draw_kernel_effect(np.zeros((8, 8)), np.ones((2, 2)))


def test_kernel_editor_loads_the_chosen_preset_into_the_nine_cells():
    editor = widgets.kernel_editor(size=32)
    (picture, preset), (_, grid) = (box.children for box in editor.children[0].children)
    assert [cell.value for cell in grid.children] == ops.named_kernel("Sobel X").ravel().tolist()
    preset.value = "Laplaciano"
    assert [cell.value for cell in grid.children] == ops.named_kernel("Laplaciano").ravel().tolist()
    plt.close("all")


def test_conv_explorer_limits_the_output_cell_to_the_output_size():
    explorer = widgets.conv_explorer()
    (n, k, p), (s, row, col) = (box.children for box in explorer.children[0].children)
    n.value, k.value, p.value, s.value = 5, 3, 0, 1
    assert row.max == col.max == ops.conv_output_size(5, 3, 0, 1) - 1 == 2
    plt.close("all")
