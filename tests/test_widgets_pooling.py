"""course_utils.widgets, chapter 3: the pooling explorer's drawing function and its wiring."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from course_utils import widgets  # noqa: E402

BOOK_EXAMPLE = np.array([[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]])


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def _rectangles(ax, hatched):
    return [p for p in ax.patches if isinstance(p, Rectangle) and bool(p.get_hatch()) == hatched]


@pytest.mark.parametrize("mode,expected", [("max", ["6", "8", "3", "4"]),
                                           ("avg", ["3.25", "5.25", "2.00", "2.00"]),
                                           ("min", ["1", "2", "1", "0"])])
def test_draw_pooling_writes_the_pooled_values_of_the_book_example(mode, expected):
    fig = widgets.draw_pooling(BOOK_EXAMPLE, mode, 2, 2)
    left, right = fig.axes
    assert _texts(right) == expected
    assert len(_texts(left)) == 16
    assert len(_rectangles(left, hatched=False)) == 4  # one outline per window
    assert not _rectangles(left, hatched=True)  # every pixel is seen
    plt.close(fig)


def test_draw_pooling_marks_the_pixels_no_window_covers():
    fig = widgets.draw_pooling(np.arange(49).reshape(7, 7), "max", 2, 2)
    left, right = fig.axes
    assert len(_texts(right)) == 9
    assert len(_rectangles(left, hatched=True)) == 13  # last row and last column: 7 + 7 - 1
    assert "13 píxeles sin mirar" in left.get_title()
    plt.close(fig)


def test_draw_pooling_overlapping_windows():
    fig = widgets.draw_pooling(np.arange(25).reshape(5, 5), "max", 3, 2)
    assert _texts(fig.axes[1]) == ["12", "14", "22", "24"]
    assert "salida 2×2" in fig.axes[1].get_title()
    plt.close(fig)


@pytest.mark.parametrize("feature_map,kwargs,fragment", [
    (np.zeros((4, 4, 3)), {}, "se esperaba un mapa (H, W)"),
    (np.zeros((20, 20)), {}, "como mucho 16×16"),
    (np.zeros((4, 4)), {"mode": "sum"}, "mode debe ser uno de"),
    (np.zeros((3, 3)), {"size": 4}, "no cabe"),
])
def test_draw_pooling_rejects_bad_input_in_spanish(feature_map, kwargs, fragment):
    with pytest.raises(ValueError) as error:
        widgets.draw_pooling(feature_map, **kwargs)
    assert fragment in str(error.value)


def test_pooling_explorer_builds_its_controls():
    import ipywidgets

    box = widgets.pooling_explorer(BOOK_EXAMPLE)
    assert isinstance(box, ipywidgets.VBox)
    mode = box.children[0]
    assert [value for _, value in mode.options] == ["max", "avg", "min"]
    with pytest.raises(ValueError):
        widgets.pooling_explorer(np.zeros((32, 32)))
    plt.close("all")
