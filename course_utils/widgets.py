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


# --- Capítulo 5: aumento de datos ---

def _as_unit_image(image):
    """Imagen (H, W), (H, W, 1) o (H, W, 3) como float32 (H, W, C) en [0, 1]."""
    array = np.asarray(image)
    if array.ndim == 2:
        array = array[..., None]
    if array.ndim != 3 or array.shape[-1] not in (1, 3):
        raise ValueError(
            f"draw_augmentations: se esperaba una imagen (H, W), (H, W, 1) o (H, W, 3); "
            f"se recibió la forma {np.shape(image)}."
        )
    if array.dtype == np.uint8:
        return array.astype(np.float32) / 255.0
    array = array.astype(np.float32)
    if array.min() < 0 or array.max() > 1:
        raise ValueError("draw_augmentations: una imagen real debe estar en [0, 1] (o pásela en uint8).")
    return array


def augment_examples(image, n=8, seed=0, **strengths):
    """``n`` versiones aumentadas de ``image`` con :func:`course_utils.models.build_augmentation`.

    Parameters
    ----------
    image : array_like
        Imagen ``uint8`` o real en [0, 1], (H, W), (H, W, 1) o (H, W, 3).
    n : int
        Cuántas versiones.
    seed : int
        Semilla: con la misma semilla salen las mismas versiones.
    **strengths
        ``flip``, ``rotation``, ``zoom``, ``translation``, ``contrast``, ``brightness``
        (ver ``build_augmentation``).

    Returns
    -------
    numpy.ndarray
        float32 (n, H, W, C) en [0, 1].
    """
    from . import models

    if not isinstance(n, (int, np.integer)) or not 1 <= n <= 64:
        raise ValueError(f"draw_augmentations: n debe ser un entero entre 1 y 64; se recibió {n!r}.")
    unknown = set(strengths) - set(models.AUGMENTATIONS)
    if unknown:
        raise ValueError(
            f"draw_augmentations: transformaciones desconocidas {sorted(unknown)}; "
            f"las disponibles son {list(models.AUGMENTATIONS)}."
        )
    picture = _as_unit_image(image)
    augment = models.build_augmentation(seed=seed, **strengths)
    batch = np.repeat(picture[None], n, axis=0)
    out = np.asarray(augment(batch, training=True)) if augment.layers else batch
    return np.clip(out, 0.0, 1.0)


def draw_augmentations(image, n=8, ncols=4, seed=0, **strengths):
    """Dibuja la imagen original y ``n`` versiones aumentadas en una rejilla.

    Es la función de dibujo del explorador :func:`augmentation_playground`; admite los mismos
    argumentos que :func:`augment_examples`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    versions = augment_examples(image, n=n, seed=seed, **strengths)
    original = _as_unit_image(image)
    chosen = [f"{k}={v}" for k, v in strengths.items() if v]
    images = [original] + list(versions)
    titles = ["original"] + [f"aumento {k + 1}" for k in range(n)]
    show = [im[..., 0] if im.shape[-1] == 1 else im for im in images]
    fig = plots.show_images([np.asarray(im) for im in show], titles=titles, ncols=ncols + 1, size=1.8,
                            suptitle=", ".join(chosen) if chosen else "sin transformaciones")
    for ax in fig.axes:  # real images in [0, 1]: fix the grey scale so brightness changes show
        for artist in ax.get_images():
            artist.set_clim(0, 1)
    return fig


def _playground_images():
    from skimage.transform import resize

    digits, labels = data.load_digits_images(size=28)
    images = {f"dígito {labels[k]}": digits[k] for k in (2, 5, 6, 9)}
    for name in ("chelsea", "astronaut", "coffee"):
        picture = data.load_sample_image(name)
        images[name] = resize(picture, (96, 96 * picture.shape[1] // picture.shape[0]), anti_aliasing=True)
    return images


def augmentation_playground(images=None):
    """Explorador del capítulo 5: elija imagen, transformaciones e intensidades y vea 8 versiones.

    Parameters
    ----------
    images : dict, optional
        Nombre → imagen. Por defecto, cuatro dígitos y tres fotos de ``skimage.data`` reducidas.
    """
    import ipywidgets as widgets

    images = images or _playground_images()
    choose = widgets.Dropdown(options=list(images), description="Imagen")
    flip = widgets.Dropdown(options=[("ninguno", None), ("horizontal", "horizontal"),
                                     ("vertical", "vertical"), ("ambos", "horizontal_and_vertical")],
                            value=None, description="Volteo")
    sliders = {what: widgets.FloatSlider(value=0.1 if what in ("rotation", "zoom") else 0.0, min=0.0,
                                         max=0.5, step=0.05, description=label)
               for what, label in (("rotation", "Rotación"), ("zoom", "Zoom"), ("translation", "Traslación"),
                                   ("contrast", "Contraste"), ("brightness", "Brillo"))}
    seed = widgets.IntSlider(value=0, min=0, max=20, description="Semilla")

    def show(name, flip, seed, **strengths):
        draw_augmentations(images[name], seed=seed, flip=flip, **strengths)
        plt.show()

    out = widgets.interactive_output(show, dict(name=choose, flip=flip, seed=seed, **sliders))
    controls = widgets.VBox([widgets.HBox([choose, flip, seed]),
                             widgets.HBox(list(sliders.values())[:3]),
                             widgets.HBox(list(sliders.values())[3:])])
    return widgets.VBox([controls, out])
