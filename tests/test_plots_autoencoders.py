"""plots.show_image_rows (chapter 7)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_utils import plots  # noqa: E402


def test_show_image_rows_grid_and_labels():
    rng = np.random.default_rng(0)
    rows = [rng.random((4, 8, 8)), rng.random((4, 8, 8, 1)), list(rng.random((4, 8, 8)))]
    fig = plots.show_image_rows(rows, row_titles=["a", "b", "c"], col_titles=list("wxyz"))
    axes = np.array(fig.axes).reshape(3, 4)
    assert [ax.get_ylabel() for ax in axes[:, 0]] == ["a", "b", "c"]
    assert [ax.get_title() for ax in axes[0]] == list("wxyz")
    # Images in [0, 1] are shown on the absolute scale, not stretched.
    assert axes[1, 2].images[0].get_clim() == (0, 1)
    plt.close(fig)


@pytest.mark.parametrize("rows,kwargs", [
    ([], {}),
    ([np.zeros((3, 4, 4)), np.zeros((2, 4, 4))], {}),
    ([np.zeros((3, 4, 4))], {"row_titles": ["a", "b"]}),
    ([np.zeros((3, 4, 4))], {"col_titles": ["a"]}),
])
def test_show_image_rows_rejects_bad_input(rows, kwargs):
    with pytest.raises(ValueError, match="show_image_rows"):
        plots.show_image_rows(rows, **kwargs)
