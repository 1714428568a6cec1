"""widgets.draw_denoising and widgets.denoising_explorer (chapter 7), with a fake model."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from course_utils import ops, widgets  # noqa: E402


class Blur:
    """A stand-in 'denoiser': the mean of each image, everywhere."""

    def predict(self, x, verbose=0):
        return np.broadcast_to(x.mean(axis=(1, 2, 3), keepdims=True), x.shape).copy()


def test_draw_denoising_titles_give_the_psnr():
    images = np.random.default_rng(0).random((3, 8, 8, 1)).astype(np.float32)
    fig = widgets.draw_denoising(Blur(), images, sigma=0.2, seed=5)
    axes = np.array(fig.axes).reshape(3, 3)
    noisy = np.clip(images + np.random.default_rng(5).normal(0, 0.2, images.shape), 0, 1)
    assert axes[1, 0].get_title() == f"{ops.psnr(images[0], noisy[0].astype(np.float32)):.1f} dB"
    assert axes[2, 2].get_title() == f"{ops.psnr(images[2], Blur().predict(noisy)[2]):.1f} dB"
    plt.close(fig)


@pytest.mark.parametrize("images,sigma", [
    (np.zeros((8, 8, 1)), 0.1),
    (np.zeros((13, 8, 8, 1)), 0.1),
    (np.zeros((2, 8, 8, 1)), -0.1),
])
def test_draw_denoising_rejects_bad_input(images, sigma):
    with pytest.raises(ValueError, match="draw_denoising"):
        widgets.draw_denoising(Blur(), images, sigma)


def test_denoising_explorer_builds():
    box = widgets.denoising_explorer(Blur(), np.zeros((2, 8, 8, 1), dtype=np.float32))
    assert len(box.children) == 2
