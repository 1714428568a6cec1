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


# --- Capítulo 3: pooling ---

POOL_LABELS = {"max": "máximo", "avg": "media", "min": "mínimo"}


def _default_feature_map():
    """Mapa 8×8 de enteros 0–9, fijo, para el explorador de pooling."""
    return np.random.default_rng(3).integers(0, 10, size=(8, 8))


def draw_pooling(feature_map, mode="max", size=2, stride=2):
    """Dibuja un mapa con las ventanas de pooling encima y, al lado, el mapa reducido con sus valores.

    Cada ventana y la celda de salida que produce llevan el mismo color; los píxeles que no
    cubre ninguna ventana (las que no caben se descartan, ``padding="valid"``) se tachan.

    Parameters
    ----------
    feature_map : array_like
        Mapa de características (H, W), de como mucho 16×16 para que los números se lean.
    mode : {"max", "avg", "min"}
        Tipo de pooling.
    size : int
        Lado ``F`` de la ventana.
    stride : int
        Paso ``S`` entre ventanas.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from . import ops

    fmap = np.asarray(feature_map)
    if fmap.ndim != 2 or max(fmap.shape) > 16:
        raise ValueError(f"draw_pooling: se esperaba un mapa (H, W) de como mucho 16×16; "
                         f"se recibió la forma {fmap.shape}.")
    pooled = ops.pool2d(fmap, size, stride, mode)
    rows, cols = pooled.shape
    covered = np.zeros(fmap.shape, dtype=bool)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.8), gridspec_kw={"width_ratios": [fmap.shape[1], max(cols, 3)]})
    plots.show_pixel_values(fmap, ax=left)
    colours = plt.get_cmap("tab10")
    for k, (i, j) in enumerate(np.ndindex(rows, cols)):
        top, start = i * stride, j * stride
        covered[top:top + size, start:start + size] = True
        inset = 0.06 * (k % 3)  # overlapping windows stay distinguishable
        left.add_patch(Rectangle((start - 0.5 + inset, top - 0.5 + inset), size - 2 * inset, size - 2 * inset,
                                 fill=False, color=colours(k % 10), lw=2))
    for r, c in zip(*np.nonzero(~covered)):
        left.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, fill=False, hatch="xx", color="tab:red", lw=0))
    dropped = int((~covered).sum())
    left.set_title(f"Entrada {fmap.shape[0]}×{fmap.shape[1]} · ventanas {size}×{size}, paso {stride}"
                   + (f" · {dropped} píxeles sin mirar" if dropped else ""))
    integer = mode != "avg" and np.issubdtype(pooled.dtype, np.integer)
    plots.show_pixel_values(pooled, ax=right, fmt="{:d}" if integer else "{:.2f}")
    for k, (i, j) in enumerate(np.ndindex(rows, cols)):
        right.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, color=colours(k % 10), lw=3))
    right.set_title(f"{POOL_LABELS[mode].capitalize()} · salida {rows}×{cols}")
    fig.tight_layout()
    return fig


def pooling_explorer(feature_map=None):
    """Explorador del capítulo 3: tipo de pooling, tamaño de ventana y paso sobre un mapa pequeño.

    Parameters
    ----------
    feature_map : array_like, optional
        Mapa (H, W) de como mucho 16×16; por defecto, uno 8×8 de enteros entre 0 y 9.
    """
    import ipywidgets as widgets

    fmap = _default_feature_map() if feature_map is None else np.asarray(feature_map)
    if fmap.ndim != 2 or max(fmap.shape) > 16:
        raise ValueError(f"pooling_explorer: se esperaba un mapa (H, W) de como mucho 16×16; "
                         f"se recibió la forma {fmap.shape}.")
    largest = min(4, *fmap.shape)
    mode = widgets.ToggleButtons(options=[(label, key) for key, label in POOL_LABELS.items()],
                                 value="max", description="Tipo")
    size = widgets.IntSlider(value=min(2, largest), min=1, max=largest, description="Ventana F")
    stride = widgets.IntSlider(value=min(2, largest), min=1, max=4, description="Paso S")

    def show(mode, size, stride):
        draw_pooling(fmap, mode, size, stride)
        plt.show()

    out = widgets.interactive_output(show, dict(mode=mode, size=size, stride=stride))
    return widgets.VBox([mode, widgets.HBox([size, stride]), out])
