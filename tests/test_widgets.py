"""course_utils.widgets: the drawing functions behind the explorers, and the widgets build."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_utils import data, widgets  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_channel_view_of_each_space():
    image = data.load_sample_image("astronaut")
    np.testing.assert_array_equal(widgets.channel_view(image, "RGB", "G (verde)"), image[..., 1])
    gray = widgets.channel_view(image, "Gris", "Luminancia")
    luminance = 0.299 * image[..., 0] + 0.587 * image[..., 1] + 0.114 * image[..., 2]
    assert gray.dtype == np.uint8 and np.abs(gray - luminance).max() <= 0.5 + 1e-9  # nearest integer
    value = widgets.channel_view(image, "HSV", "V (valor)")
    np.testing.assert_allclose(value, image.max(axis=-1) / 255)


def test_channel_view_explains_bad_choices():
    with pytest.raises(ValueError, match="canales"):
        widgets.channel_view(np.zeros((4, 4, 3), np.uint8), "RGB", "H (tono)")
    with pytest.raises(ValueError, match="gris"):
        widgets.channel_view(np.zeros((4, 4), np.uint8), "HSV", "H (tono)")


def test_draw_crop_shows_the_values_of_the_crop():
    fig = widgets.draw_crop("camera", "Gris", "Luminancia", row=100, col=120, size=4)
    crop = data.load_sample_image("camera")[100:104, 120:124]
    numbers = sorted(int(t.get_text()) for t in fig.axes[1].texts)
    assert numbers == sorted(crop.ravel().tolist())


def test_draw_crop_clamps_the_crop_inside_the_image():
    fig = widgets.draw_crop("coins", "Gris", "Luminancia", row=10_000, col=-5, size=3)
    assert "filas 300–302" in fig.axes[1].get_title()


def test_image_explorer_builds_and_follows_the_image():
    explorer = widgets.image_explorer()
    controls = explorer.children[0]
    image, space, _ = controls.children[0].children
    image.value = "camera"
    assert list(space.options) == ["Gris"]


def test_figure_html_is_an_image_with_its_alt_text():
    fig = widgets.draw_crop("camera", "Gris", "Luminancia", row=100, col=120, size=4)
    markup = widgets.figure_html(fig, 'Recorte de "camera" & su valor')
    assert markup.startswith('<img src="data:image/png;base64,iVBOR')
    assert 'alt="Recorte de &quot;camera&quot; &amp; su valor"' in markup


def test_image_explorer_shows_its_figure_with_alt_text(monkeypatch):
    shown = []
    monkeypatch.setattr(widgets, "show_figure", lambda fig, alt: shown.append(alt))
    explorer = widgets.image_explorer()
    explorer.children[0].children[0].children[0].value = "camera"
    assert shown and shown[-1].startswith("La imagen camera en el canal Luminancia (Gris)")
