"""Exploradores interactivos (ipywidgets) de los capítulos.

Cada explorador tiene dos partes: una función que dibuja una figura a partir de valores
concretos (se puede llamar sin widgets, y así se prueba) y la función que la conecta a
controles de ipywidgets.
"""
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

from . import data, plots

BT601 = np.array([0.299, 0.587, 0.114])  # luminance weights of ITU-R BT.601
COLOUR_SPACES = {
    "RGB": ("R (rojo)", "G (verde)", "B (azul)"),
    "HSV": ("H (tono)", "S (saturación)", "V (valor)"),
    "Gris": ("Luminancia",),
}


def channel_view(image, space, channel):
    """Un canal de ``image`` en el espacio de color ``space``, como matriz (H, W).

    RGB y gris se devuelven en ``uint8`` [0, 255]; HSV en reales [0, 1], como los da
    ``skimage.color.rgb2hsv``. Una imagen en gris solo admite el espacio ``"Gris"``.
    """
    from skimage.color import rgb2hsv

    image = np.asarray(image)
    if space not in COLOUR_SPACES:
        raise ValueError(f"Espacio de color desconocido {space!r}; se esperaba uno de {list(COLOUR_SPACES)}.")
    names = COLOUR_SPACES[space]
    if channel not in names:
        raise ValueError(f"El espacio {space} tiene los canales {list(names)}; se recibió {channel!r}.")
    if image.ndim == 2:
        if space != "Gris":
            raise ValueError("Esta imagen está en gris: solo tiene el espacio 'Gris'.")
        return image
    rgb = image[..., :3]
    if space == "Gris":
        return np.round(rgb @ BT601).astype(np.uint8)
    if space == "HSV":
        return rgb2hsv(rgb)[..., names.index(channel)]
    return rgb[..., names.index(channel)]


def draw_crop(name, space, channel, row, col, size=10):
    """Dibuja la imagen ``name`` (el canal elegido) y, al lado, un recorte ampliado con sus valores.

    Parameters
    ----------
    name : str
        Imagen de :func:`course_utils.data.list_sample_images`.
    space, channel : str
        Espacio de color y canal (ver ``COLOUR_SPACES``).
    row, col : int
        Esquina superior izquierda del recorte.
    size : int
        Lado del recorte (como mucho 16 para que los números se lean).

    Returns
    -------
    matplotlib.figure.Figure
    """
    if not 2 <= size <= 16:
        raise ValueError(f"El lado del recorte debe estar entre 2 y 16; se recibió {size}.")
    view = channel_view(data.load_sample_image(name), space, channel)
    height, width = view.shape
    row, col = min(max(row, 0), height - size), min(max(col, 0), width - size)
    crop = view[row:row + size, col:col + size]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 5))
    left.imshow(view, cmap="gray", vmin=0, vmax=255 if view.dtype == np.uint8 else 1)
    left.add_patch(Rectangle((col - 0.5, row - 0.5), size, size, fill=False, color="red", lw=2))
    left.set_title(f"{name} · {space} · {channel} · forma {view.shape}")
    plots.show_pixel_values(crop, ax=right,
                            title=f"Recorte filas {row}–{row + size - 1}, columnas {col}–{col + size - 1}")
    fig.tight_layout()
    return fig


def image_explorer():
    """Explorador del capítulo 1: imagen, espacio de color, canal y un recorte con sus valores."""
    import ipywidgets as widgets

    image = widgets.Dropdown(options=data.list_sample_images(), value="astronaut", description="Imagen")
    space = widgets.Dropdown(options=list(COLOUR_SPACES), value="RGB", description="Espacio")
    channel = widgets.Dropdown(options=COLOUR_SPACES["RGB"], description="Canal")
    row = widgets.IntSlider(value=180, min=0, max=500, description="Fila")
    col = widgets.IntSlider(value=220, min=0, max=500, description="Columna")
    size = widgets.IntSlider(value=10, min=2, max=16, description="Lado")

    def sync_options(_=None):
        shape = data.load_sample_image(image.value).shape
        spaces = ["Gris"] if len(shape) == 2 else list(COLOUR_SPACES)
        space.options = spaces
        space.value = space.value if space.value in spaces else spaces[0]
        channel.options = COLOUR_SPACES[space.value]
        row.max, col.max = shape[0] - 2, shape[1] - 2

    image.observe(sync_options, names="value")
    space.observe(sync_options, names="value")
    sync_options()

    def show(name, space, channel, row, col, size):
        if channel in COLOUR_SPACES[space]:  # skip the transient state while options update
            draw_crop(name, space, channel, row, col, size)
            plt.show()

    out = widgets.interactive_output(show, dict(name=image, space=space, channel=channel,
                                                row=row, col=col, size=size))
    controls = widgets.VBox([widgets.HBox([image, space, channel]), widgets.HBox([row, col, size])])
    return widgets.VBox([controls, out])


# --- Capítulo 7: autoencoders ---

def draw_denoising(model, images, sigma, seed=0):
    """Dibuja imágenes limpias, con ruido gaussiano ``sigma`` y las que devuelve ``model``.

    Parameters
    ----------
    model : keras.Model or object with ``predict``
        El autoencoder eliminador de ruido: recibe un lote (N, H, W, C) y devuelve otro igual.
    images : array_like
        Lote (N, H, W, C) de imágenes limpias en [0, 1]; se dibujan todas (pocas, 4–8).
    sigma : float
        Desviación típica del ruido, ≥ 0.
    seed : int
        Semilla del ruido.

    Returns
    -------
    matplotlib.figure.Figure
        Tres filas (limpia, con ruido, autoencoder); cada título da la PSNR frente a la limpia.
    """
    from . import ops

    images = np.asarray(images, dtype=np.float32)
    if images.ndim != 4 or not 1 <= len(images) <= 12:
        raise ValueError("draw_denoising: se esperaba un lote (N, H, W, C) de 1 a 12 imágenes; "
                         f"se recibió forma {images.shape}.")
    if not np.isfinite(sigma) or sigma < 0:
        raise ValueError(f"draw_denoising: sigma debe ser un número ≥ 0; se recibió {sigma!r}.")
    rng = np.random.default_rng(seed)
    noisy = np.clip(images + rng.normal(0, sigma, images.shape), 0, 1).astype(np.float32)
    denoised = np.asarray(model.predict(noisy, verbose=0))
    if denoised.shape != images.shape:
        raise ValueError(f"draw_denoising: el modelo devolvió forma {denoised.shape}; se esperaba "
                         f"{images.shape}.")
    fig = plots.show_image_rows([images, noisy, denoised],
                                row_titles=["limpia", f"ruido σ={sigma:.2f}", "autoencoder"])
    axes = np.array(fig.axes).reshape(3, len(images))
    for row, batch in ((1, noisy), (2, denoised)):
        for ax, clean, image in zip(axes[row], images, batch):
            ax.set_title(f"{ops.psnr(clean, image):.1f} dB", fontsize="small")
    fig.tight_layout()
    return fig


def denoising_explorer(model, images):
    """Explorador del capítulo 7: cambie el nivel de ruido y vea qué devuelve el autoencoder."""
    import ipywidgets as widgets

    sigma = widgets.FloatSlider(value=0.3, min=0.0, max=0.8, step=0.05, description="σ del ruido")
    seed = widgets.IntSlider(value=0, min=0, max=20, description="Semilla")

    def show(sigma, seed):
        draw_denoising(model, images, sigma, seed)
        plt.show()

    out = widgets.interactive_output(show, dict(sigma=sigma, seed=seed))
    return widgets.VBox([widgets.HBox([sigma, seed]), out])
