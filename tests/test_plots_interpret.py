"""course_utils.plots, chapter 6 figures: filters, feature maps, heat-map overlays, embeddings."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_utils import plots  # noqa: E402


def teardown_function():
    plt.close("all")


def test_plot_filters_draws_one_panel_per_filter_scaled_to_its_own_range():
    kernels = np.random.default_rng(0).normal(size=(3, 3, 1, 10))
    fig = plots.plot_filters(kernels, ncols=4)
    shown = [ax.get_images()[0].get_array() for ax in fig.axes if ax.get_images()]
    assert len(shown) == 10 and len(fig.axes) == 12
    np.testing.assert_allclose([s.min() for s in shown], 0)
    np.testing.assert_allclose([s.max() for s in shown], 1)


def test_plot_filters_rejects_a_dense_kernel():
    with pytest.raises(ValueError, match="Conv2D"):
        plots.plot_filters(np.zeros((128, 10)))


def test_plot_feature_maps_accepts_a_batch_of_one_and_caps_the_panels():
    fig = plots.plot_feature_maps(np.zeros((1, 7, 7, 32)), max_maps=8)
    assert sum(bool(ax.get_images()) for ax in fig.axes) == 8
    with pytest.raises(ValueError, match="una sola imagen"):
        plots.plot_feature_maps(np.zeros((2, 7, 7, 3)))


def test_heatmap_overlay_upsamples_to_the_image_and_keeps_the_range():
    heat = np.zeros((7, 7))
    heat[0, 0] = 1.0
    shown = plots.plot_heatmap_overlay(np.zeros((28, 28)), heat)
    assert shown.shape == (28, 28)
    assert shown.max() == pytest.approx(1.0) and shown.min() == pytest.approx(0.0)
    assert shown[0, 0] > shown[27, 27]
    with pytest.raises(ValueError, match="mayor que la imagen"):
        plots.plot_heatmap_overlay(np.zeros((4, 4)), np.zeros((8, 8)))


def test_plot_embedding_one_scatter_per_class():
    points = np.random.default_rng(0).normal(size=(30, 2))
    ax = plots.plot_embedding(points, np.arange(30) % 3)
    assert len(ax.collections) == 3
    with pytest.raises(ValueError, match="N, 2"):
        plots.plot_embedding(points[:, :1], np.arange(30))


def test_occlusion_overlay_puts_each_value_on_the_pixels_its_patch_covered():
    # One patch of 6x6 at stride 2 matters: the one whose corner is (8, 12).
    drops = np.zeros(((28 - 6) // 2 + 1, (28 - 6) // 2 + 1))
    drops[4, 6] = 1.0
    shown = plots.plot_heatmap_overlay(np.zeros((28, 28)), drops, patch=6, stride=2)
    covered = np.zeros((28, 28), bool)
    covered[8:14, 12:18] = True
    assert shown[~covered].max() == 0 and shown[covered].min() > 0
    rows, cols = np.nonzero(shown)
    centre = (np.average(rows, weights=shown[rows, cols]), np.average(cols, weights=shown[rows, cols]))
    assert centre == pytest.approx((10.5, 14.5), abs=0.01)  # the patch's centre, not the corner


def test_stretching_an_occlusion_map_would_misplace_it():
    # The old behaviour, kept as a regression: a plain stretch spreads the map too wide. The first
    # patch (pixels 0-5, centre 2.5) lands near pixel 0.75, the last (22-27, centre 24.5) near 26.25.
    rows, cols = np.indices((28, 28))
    for index, true_centre in ((0, 2.5), (11, 24.5)):
        drops = np.zeros((12, 12))
        drops[index, index] = 1.0
        stretched = plots.plot_heatmap_overlay(np.zeros((28, 28)), drops)
        assert abs(np.average(rows, weights=stretched) - true_centre) > 1.5
        placed = plots.plot_heatmap_overlay(np.zeros((28, 28)), drops, patch=6, stride=2)
        covered = np.nonzero(placed.any(axis=1))[0]
        assert (covered.min(), covered.max()) == (true_centre - 2.5, true_centre + 2.5)


def test_heatmap_overlay_scale_and_colorbar():
    fig, ax = plt.subplots()
    plots.plot_heatmap_overlay(np.zeros((8, 8)), np.ones((4, 4)), ax=ax, vmin=0, vmax=2, colorbar=True)
    assert ax.get_images()[-1].get_clim() == (0, 2) and len(fig.axes) == 2
    with pytest.raises(ValueError, match="patch y stride"):
        plots.plot_heatmap_overlay(np.zeros((8, 8)), np.ones((4, 4)), patch=2)
