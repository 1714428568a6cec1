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


# --- Capítulo 8: exactitud, IoU y Dice ---------------------------------------------------------

def disk_masks(object_radius=12, predicted_radius=12, shift=6, size=64):
    """Máscara real (un disco centrado) y predicha (otro disco, desplazado ``shift`` píxeles).

    Parameters
    ----------
    object_radius, predicted_radius : int
        Radios del objeto real y del predicho (0 = máscara vacía).
    shift : int
        Desplazamiento horizontal del disco predicho respecto del real.
    size : int
        Lado de la imagen.

    Returns
    -------
    tuple of numpy.ndarray
        ``(y_true, y_pred)``, máscaras ``bool`` (size, size).
    """
    if size < 8 or not 0 <= object_radius <= size // 2 or not 0 <= predicted_radius <= size // 2:
        raise ValueError(f"disk_masks: se esperaba size ≥ 8 y radios entre 0 y size // 2 = {size // 2}; "
                         f"se recibió size={size}, radios {object_radius} y {predicted_radius}.")
    rows, cols = np.mgrid[:size, :size]
    centre = (size - 1) / 2
    y_true = (rows - centre) ** 2 + (cols - centre) ** 2 < object_radius ** 2
    y_pred = (rows - centre) ** 2 + (cols - centre - shift) ** 2 < predicted_radius ** 2
    return y_true, y_pred


def draw_overlap(object_radius=12, predicted_radius=12, shift=6, size=64):
    """Dibuja aciertos y errores de una predicción y compara exactitud por píxel, IoU y Dice.

    Verde: verdaderos positivos; rojo: falsos positivos; azul: falsos negativos; gris:
    verdaderos negativos (fondo bien clasificado).

    Returns
    -------
    tuple
        ``(figure, scores)`` con ``scores = {"exactitud": ..., "IoU": ..., "Dice": ...}``.
    """
    from .models import dice_score, iou_score

    y_true, y_pred = disk_masks(object_radius, predicted_radius, shift, size)
    scores = {"exactitud": float((y_true == y_pred).mean()), "IoU": iou_score(y_true, y_pred),
              "Dice": dice_score(y_true, y_pred)}
    picture = np.full((size, size, 3), 0.85)
    picture[y_true & y_pred] = (0.17, 0.63, 0.17)
    picture[~y_true & y_pred] = (0.84, 0.15, 0.16)
    picture[y_true & ~y_pred] = (0.12, 0.47, 0.71)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.8), gridspec_kw={"width_ratios": [1, 1.2]})
    left.imshow(picture)
    left.set_title(f"objeto: {100 * y_true.mean():.1f} % de los píxeles")
    left.set_xticks([])
    left.set_yticks([])
    bars = right.bar(list(scores), list(scores.values()), color=["0.5", "tab:orange", "tab:purple"])
    right.bar_label(bars, fmt="%.3f")
    right.set_ylim(0, 1.1)
    right.set_title("verde = acierto · rojo = falso positivo · azul = falso negativo", fontsize=9)
    fig.tight_layout()
    return fig, scores


def metrics_explorer():
    """Explorador del capítulo 8: mueva y encoja la predicción y mire qué hace cada medida."""
    import ipywidgets as widgets

    object_radius = widgets.IntSlider(value=12, min=0, max=32, description="Radio real")
    predicted_radius = widgets.IntSlider(value=12, min=0, max=32, description="Radio pred.")
    shift = widgets.IntSlider(value=6, min=-32, max=32, description="Desplaz.")

    def show(object_radius, predicted_radius, shift):
        draw_overlap(object_radius, predicted_radius, shift)
        plt.show()

    out = widgets.interactive_output(show, dict(object_radius=object_radius,
                                                predicted_radius=predicted_radius, shift=shift))
    return widgets.VBox([widgets.HBox([object_radius, predicted_radius, shift]), out])
