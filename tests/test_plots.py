"""course_utils.plots: figures build, text on pixels is readable, bad input is explained."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_utils import plots  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_show_images_makes_a_grid_with_titles():
    fig = plots.show_images(np.zeros((7, 8, 8), np.uint8), titles=list("abcdefg"), ncols=3)
    titled = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert len(fig.axes) == 9 and titled == list("abcdefg")


def test_show_images_needs_one_title_per_image():
    with pytest.raises(ValueError, match="títulos"):
        plots.show_images([np.zeros((4, 4))] * 2, titles=["solo uno"])


def test_pixel_values_are_written_in_contrasting_colours():
    ax = plots.show_pixel_values(np.array([[0, 255], [10, 200]], dtype=np.uint8))
    texts = {t.get_text(): t.get_color() for t in ax.texts}
    assert texts == {"0": "white", "255": "black", "10": "white", "200": "black"}


def test_pixel_values_refuse_colour_and_large_images():
    with pytest.raises(ValueError, match="un solo canal"):
        plots.show_pixel_values(np.zeros((4, 4, 3)))
    with pytest.raises(ValueError, match="32×32"):
        plots.show_pixel_values(np.zeros((40, 40)))


def test_show_channels_has_one_panel_per_channel_plus_the_image():
    fig = plots.show_channels(np.zeros((5, 5, 4), np.uint8))
    assert [ax.get_title() for ax in fig.axes] == ["Imagen", "R (rojo)", "G (verde)", "B (azul)", "A (alfa)"]
    with pytest.raises(ValueError, match="(H, W, 3)"):
        plots.show_channels(np.zeros((5, 5)))


def test_plot_history_draws_training_and_validation():
    fig = plots.plot_history({"loss": [1.0, 0.5], "val_loss": [1.1, 0.7], "accuracy": [0.5, 0.8]})
    assert len(fig.axes) == 2 and len(fig.axes[0].lines) == 2 and len(fig.axes[1].lines) == 1
    with pytest.raises(ValueError, match="métricas"):
        plots.plot_history({"mae": [1.0]})


def test_confusion_matrix_counts_and_normalises():
    counts = plots.plot_confusion_matrix([0, 0, 1, 2], [0, 1, 1, 2])
    np.testing.assert_array_equal(counts, [[1, 1, 0], [0, 1, 0], [0, 0, 1]])
    rates = plots.plot_confusion_matrix([0, 0, 1, 2], [0, 1, 1, 2], normalize=True)
    np.testing.assert_allclose(rates.sum(axis=1), 1.0)
