"""Exploradores interactivos (ipywidgets) de los capítulos.

Cada explorador tiene dos partes: una función que dibuja una figura a partir de valores
concretos (se puede llamar sin widgets, y así se prueba) y la función que la conecta a
controles de ipywidgets.
"""
import base64
import html
import io

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


def figure_html(fig, alt):
    """``fig`` como etiqueta ``<img>`` HTML con la imagen PNG incrustada y su texto alternativo."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    data_url = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img src="{data_url}" alt="{html.escape(alt)}" style="max-width: 100%">'


def show_figure(fig, alt):
    """Muestra ``fig`` en la salida de un explorador como una imagen con texto alternativo, y la cierra.

    ``plt.show()`` daría una salida PNG sin más, y el gestor de widgets del libro publicado la
    pinta sin texto alternativo: un lector de pantalla no sabría qué muestra.
    """
    from IPython.display import HTML, display

    markup = figure_html(fig, alt)
    plt.close(fig)
    display(HTML(markup))


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
            show_figure(draw_crop(name, space, channel, row, col, size),
                        f"La imagen {name} en el canal {channel} ({space}) y, ampliado, su recorte de "
                        f"{size}×{size} píxeles desde la fila {row} y la columna {col}, con sus valores")

    out = widgets.interactive_output(show, dict(name=image, space=space, channel=channel,
                                                row=row, col=col, size=size))
    controls = widgets.VBox([widgets.HBox([image, space, channel]), widgets.HBox([row, col, size])])
    return widgets.VBox([controls, out])


# --- Capítulo 2: convoluciones ---

def _gray_image(image, size=None):
    """Imagen de ejemplo (por nombre) o array, en gris real [0, 255] y, si se pide, reducida a ``size``."""
    from skimage.transform import resize

    array = data.load_sample_image(image) if isinstance(image, str) else np.asarray(image)
    if array.ndim == 3:
        array = array[..., :3] @ BT601
    if array.ndim != 2:
        raise ValueError(f"Se esperaba una imagen (H, W) o (H, W, 3); se recibió la forma {array.shape}.")
    array = array.astype(np.float64)
    if size is not None and max(array.shape) > size:
        scale = size / max(array.shape)
        shape = (max(1, round(array.shape[0] * scale)), max(1, round(array.shape[1] * scale)))
        array = resize(array, shape, order=1, anti_aliasing=True, preserve_range=True)
    return array


def draw_kernel_effect(image, kernel, size=256, title=None):
    """Dibuja una imagen en gris, el núcleo con sus pesos y el resultado de aplicarlo.

    El núcleo se aplica con :func:`course_utils.ops.conv2d` y relleno ``(K − 1) // 2``, de modo
    que la salida conserva el tamaño (relleno «same» para núcleos de lado impar).

    Parameters
    ----------
    image : str or array_like
        Nombre de una imagen de :func:`course_utils.data.list_sample_images` o un array
        (H, W) / (H, W, 3); el color se pasa a gris.
    kernel : array_like
        Núcleo cuadrado (K, K) de lado impar.
    size : int or None
        Lado máximo de la imagen (se reduce para que el cálculo sea instantáneo).
    title : str, optional
        Título del panel del núcleo.

    Returns
    -------
    matplotlib.figure.Figure
        Tres paneles: entrada, núcleo, salida. La salida se muestra entre sus percentiles 1 y 99.
    """
    from . import ops

    kernel = np.asarray(kernel, dtype=np.float64)
    if kernel.ndim != 2 or kernel.shape[0] != kernel.shape[1] or kernel.shape[0] % 2 == 0:
        raise ValueError(f"Se esperaba un núcleo cuadrado de lado impar (3×3, 5×5...); se recibió la forma {kernel.shape}.")
    gray = _gray_image(image, size)
    out = ops.conv2d(gray, kernel, padding=kernel.shape[0] // 2)
    low, high = np.percentile(out, [1, 99])
    fig, axes = plt.subplots(1, 3, figsize=(12, 4.2), gridspec_kw={"width_ratios": [1, 0.6, 1]})
    axes[0].imshow(gray, cmap="gray", vmin=0, vmax=255)
    axes[0].set_title(f"Entrada {gray.shape[0]}×{gray.shape[1]}")
    plots.show_pixel_values(kernel, ax=axes[1], fmt="{:.2f}", cmap="coolwarm",
                            title=title or f"Núcleo {kernel.shape[0]}×{kernel.shape[1]}")
    axes[2].imshow(out, cmap="gray", vmin=low, vmax=high if high > low else low + 1)
    axes[2].set_title(f"Salida: valores de {out.min():.0f} a {out.max():.0f}")
    for ax in (axes[0], axes[2]):
        ax.set_xticks([])
        ax.set_yticks([])
    fig.tight_layout()
    return fig


def kernel_editor(image="camera", size=256):
    """Editor de núcleos del capítulo 2: elija un filtro clásico o escriba los nueve pesos.

    El resultado se recalcula en cuanto cambia un peso, el filtro o la imagen.
    """
    import ipywidgets as widgets
    from . import ops

    picture = widgets.Dropdown(options=data.list_sample_images(), value=image, description="Imagen")
    preset = widgets.Dropdown(options=list(ops.KERNELS), value="Sobel X", description="Filtro")
    cells = [widgets.FloatText(value=0.0, step=0.1, layout=widgets.Layout(width="70px")) for _ in range(9)]
    grid = widgets.GridBox(cells, layout=widgets.Layout(grid_template_columns="repeat(3, 75px)"))
    out = widgets.Output()
    state = {"loading": False}

    def redraw(_=None):
        if state["loading"]:
            return
        kernel = np.array([cell.value for cell in cells]).reshape(3, 3)
        with out:
            out.clear_output(wait=True)
            show_figure(draw_kernel_effect(picture.value, kernel, size=size, title="Núcleo"),
                        f"La imagen {picture.value}, el núcleo 3×3 {kernel.tolist()} y el resultado de la convolución")

    def load_preset(_=None):
        state["loading"] = True  # fill the nine cells, then redraw once
        for cell, value in zip(cells, ops.named_kernel(preset.value).ravel()):
            cell.value = round(float(value), 4)
        state["loading"] = False
        redraw()

    preset.observe(load_preset, names="value")
    picture.observe(redraw, names="value")
    for cell in cells:
        cell.observe(redraw, names="value")
    load_preset()
    controls = widgets.HBox([widgets.VBox([picture, preset]), widgets.VBox([widgets.Label("Pesos"), grid])])
    return widgets.VBox([controls, out])


def draw_conv_window(n, kernel_size, padding=0, stride=1, row=0, col=0):
    """Dibuja qué píxeles de la entrada ve la salida ``(row, col)`` de una convolución.

    A la izquierda, la entrada de ``n × n`` con su anillo de relleno (gris), los centros de todas
    las posiciones del núcleo (puntos, separados ``stride``: el paso) y, en rojo, la ventana de la salida
    elegida. A la derecha, la salida con esa celda en rojo y la fórmula del tamaño en el título.

    Parameters
    ----------
    n : int
        Lado de la entrada.
    kernel_size, padding, stride : int
        Hiperparámetros de la convolución.
    row, col : int
        Celda de la salida (empezando en 0).

    Returns
    -------
    matplotlib.figure.Figure
    """
    from . import ops

    out_size = ops.conv_output_size(n, kernel_size, padding, stride)
    if not (0 <= row < out_size and 0 <= col < out_size):
        raise ValueError(f"La salida es de {out_size}×{out_size}: fila y columna deben estar entre 0 y "
                         f"{out_size - 1}; se recibió ({row}, {col}).")
    rows, cols = ops.receptive_window(row, col, kernel_size, stride, padding)
    side = n + 2 * padding
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 5), gridspec_kw={"width_ratios": [side, max(out_size, 3)]})
    for r in range(side):  # padded coordinates: image pixel (i, j) sits at (i + padding, j + padding)
        for c in range(side):
            is_pad = not (padding <= r < padding + n and padding <= c < padding + n)
            left.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, facecolor="0.85" if is_pad else "white",
                                     edgecolor="0.6", lw=0.5))
    centres = [stride * i + kernel_size / 2 - 0.5 for i in range(out_size)]
    left.scatter(*np.meshgrid(centres, centres), s=8, color="tab:blue", zorder=3)
    left.add_patch(Rectangle((cols.start + padding - 0.5, rows.start + padding - 0.5), kernel_size, kernel_size,
                             facecolor="red", alpha=0.3, edgecolor="red", lw=2.5, zorder=4))
    left.set_title(f"Entrada {n}×{n} con relleno P = {padding} (gris) · núcleo {kernel_size}×{kernel_size} · "
                   f"paso S = {stride}", fontsize=9)
    for r in range(out_size):
        for c in range(out_size):
            chosen = (r, c) == (row, col)
            right.add_patch(Rectangle((c - 0.5, r - 0.5), 1, 1, facecolor="red" if chosen else "white",
                                      alpha=0.6 if chosen else 1, edgecolor="0.4", lw=0.8))
    right.set_title(f"Salida {out_size}×{out_size} = ⌊({n} − {kernel_size} + 2·{padding}) / {stride}⌋ + 1",
                    fontsize=9)
    for ax, length in ((left, side), (right, out_size)):
        ax.set_xlim(-0.5, length - 0.5)
        ax.set_ylim(length - 0.5, -0.5)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
    fig.tight_layout()
    return fig


def conv_explorer():
    """Explorador del capítulo 2: tamaño de la entrada, núcleo, relleno y paso, y qué ve cada salida."""
    import ipywidgets as widgets
    from . import ops

    style = {"description_width": "initial"}
    n = widgets.IntSlider(value=7, min=3, max=12, description="Entrada N", style=style)
    k = widgets.IntSlider(value=3, min=1, max=7, description="Núcleo K", style=style)
    p = widgets.IntSlider(value=1, min=0, max=3, description="Relleno P", style=style)
    s = widgets.IntSlider(value=2, min=1, max=4, description="Paso S", style=style)
    row = widgets.IntSlider(value=0, min=0, max=3, description="Fila de la salida", style=style)
    col = widgets.IntSlider(value=0, min=0, max=3, description="Columna de la salida", style=style)
    out = widgets.Output()
    state = {"busy": False}

    def redraw(_=None):
        if state["busy"]:  # changing a slider's maximum below fires another change: draw once
            return
        state["busy"] = True
        try:
            with out:
                out.clear_output(wait=True)
                try:
                    size = ops.conv_output_size(n.value, k.value, p.value, s.value)
                except ValueError as error:
                    print(error)
                    return
                row.max, col.max = size - 1, size - 1  # sliders clamp their value to the new maximum
                show_figure(draw_conv_window(n.value, k.value, p.value, s.value, row.value, col.value),
                            f"Entrada de {n.value}×{n.value} con relleno {p.value}: la ventana de {k.value}×{k.value} "
                            f"con paso {s.value} que produce la salida ({row.value}, {col.value}) de un mapa de {size}×{size}")
        finally:
            state["busy"] = False

    for control in (n, k, p, s, row, col):
        control.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox([widgets.VBox([n, k, p]), widgets.VBox([s, row, col])]), out])


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
    size = widgets.IntSlider(value=min(2, largest), min=1, max=largest, description="Ventana V")
    stride = widgets.IntSlider(value=min(2, largest), min=1, max=4, description="Paso S")

    def show(mode, size, stride):
        show_figure(draw_pooling(fmap, mode, size, stride),
                    f"Mapa de activación de {fmap.shape[0]}×{fmap.shape[1]} y su pooling ({POOL_LABELS[mode]}) "
                    f"con ventana {size} y paso {stride}")

    out = widgets.interactive_output(show, dict(mode=mode, size=size, stride=stride))
    return widgets.VBox([mode, widgets.HBox([size, stride]), out])


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
    from .models import augmentation

    if not isinstance(n, (int, np.integer)) or not 1 <= n <= 64:
        raise ValueError(f"draw_augmentations: n debe ser un entero entre 1 y 64; se recibió {n!r}.")
    unknown = set(strengths) - set(augmentation.AUGMENTATIONS)
    if unknown:
        raise ValueError(
            f"draw_augmentations: transformaciones desconocidas {sorted(unknown)}; "
            f"las disponibles son {list(augmentation.AUGMENTATIONS)}."
        )
    picture = _as_unit_image(image)
    augment = augmentation.build_augmentation(seed=seed, **strengths)
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
        show_figure(draw_augmentations(images[name], seed=seed, flip=flip, **strengths),
                    f"Ocho versiones aumentadas de la imagen {name} (semilla {seed})")

    out = widgets.interactive_output(show, dict(name=choose, flip=flip, seed=seed, **sliders))
    controls = widgets.VBox([widgets.HBox([choose, flip, seed]),
                             widgets.HBox(list(sliders.values())[:3]),
                             widgets.HBox(list(sliders.values())[3:])])
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
        show_figure(draw_denoising(model, images, sigma, seed),
                    f"Imágenes originales, con ruido de σ = {sigma:.2f} y la reconstrucción del autoencoder")

    out = widgets.interactive_output(show, dict(sigma=sigma, seed=seed))
    return widgets.VBox([widgets.HBox([sigma, seed]), out])


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
    from .metrics import dice_score, iou_score

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
        fig, scores = draw_overlap(object_radius, predicted_radius, shift)
        show_figure(fig, f"Un disco real de radio {object_radius} y uno predicho de radio {predicted_radius} "
                         f"desplazado {shift} píxeles, con su solapamiento")

    out = widgets.interactive_output(show, dict(object_radius=object_radius,
                                                predicted_radius=predicted_radius, shift=shift))
    return widgets.VBox([widgets.HBox([object_radius, predicted_radius, shift]), out])
