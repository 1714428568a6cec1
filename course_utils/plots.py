"""Figuras que el libro muestra una y otra vez: rejillas de imágenes, píxeles con su
valor escrito encima, canales por separado."""
import math

import matplotlib.pyplot as plt
import numpy as np


def _as_image(image, name="image"):
    """Valida una imagen (H, W), (H, W, 1), (H, W, 3) o (H, W, 4) y la devuelve lista para imshow."""
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[-1] == 1:
        array = array[..., 0]
    if array.ndim not in (2, 3) or (array.ndim == 3 and array.shape[-1] not in (3, 4)):
        raise ValueError(
            f"{name}: se esperaba una imagen (H, W), (H, W, 1), (H, W, 3) o (H, W, 4); "
            f"se recibió un array de forma {array.shape}."
        )
    return array


def _imshow(ax, image, cmap="gray", vmin=None, vmax=None):
    image = _as_image(image)
    if image.ndim == 2 and vmin is None and vmax is None and image.dtype == np.uint8:
        vmin, vmax = 0, 255  # show 8-bit values on their absolute scale, not stretched
    ax.imshow(image, cmap=cmap if image.ndim == 2 else None, vmin=vmin, vmax=vmax)
    ax.set_xticks([])
    ax.set_yticks([])


def _grid(count, ncols, size, title=None):
    """Figura con ``count`` ejes en rejilla de ``ncols`` columnas, sin marcas; los sobrantes, ocultos."""
    ncols = max(1, min(ncols, count))
    nrows = math.ceil(count / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows + (0.4 if title else 0.3)),
                             squeeze=False)
    for k, ax in enumerate(axes.flat):
        ax.set_xticks([])
        ax.set_yticks([])
        if k >= count:
            ax.axis("off")
    return fig, list(axes.flat)[:count]


def show_images(images, titles=None, ncols=5, cmap="gray", size=2.0, suptitle=None):
    """Rejilla de imágenes con un título opcional para cada una.

    Parameters
    ----------
    images : sequence of array_like
        Imágenes (H, W) o (H, W, 3); también un array (N, H, W) o (N, H, W, C).
    titles : sequence of str, optional
        Un título por imagen.
    ncols : int
        Columnas de la rejilla.
    cmap : str
        Mapa de color para las imágenes en gris.
    size : float
        Lado en pulgadas de cada imagen.
    suptitle : str, optional
        Título de la figura.

    Returns
    -------
    matplotlib.figure.Figure
    """
    images = list(images)
    if not images:
        raise ValueError("show_images: la lista de imágenes está vacía.")
    if titles is not None and len(titles) != len(images):
        raise ValueError(
            f"show_images: hay {len(images)} imágenes pero {len(titles)} títulos; "
            "se esperaba uno por imagen."
        )
    fig, axes = _grid(len(images), ncols, size)
    for k, ax in enumerate(axes):
        _imshow(ax, images[k], cmap=cmap)
        if titles is not None:
            ax.set_title(str(titles[k]))
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    return fig


def show_pixel_values(image, ax=None, fontsize=None, fmt=None, cmap="gray", title=None):
    """Muestra una imagen pequeña en gris con el valor de cada píxel escrito encima.

    Sirve para ver que una imagen es una matriz de números. El texto es blanco sobre
    píxeles oscuros y negro sobre los claros.

    Parameters
    ----------
    image : array_like
        Matriz (H, W), de como mucho 32×32 para que los números se lean.
    ax : matplotlib.axes.Axes, optional
        Ejes donde dibujar; si no se da, se crea una figura.
    fontsize : float, optional
        Tamaño del texto; por defecto se ajusta al tamaño de la matriz.
    fmt : str, optional
        Formato de los números: ``"{:d}"`` para enteros, ``"{:.2f}"`` para reales.
    cmap : str
        Mapa de color.
    title : str, optional
        Título de los ejes.

    Returns
    -------
    matplotlib.axes.Axes
    """
    array = np.asarray(image)
    if array.ndim != 2:
        raise ValueError(
            f"show_pixel_values: se esperaba una matriz (H, W) de un solo canal; "
            f"se recibió la forma {array.shape}. Elija un canal o pásela a gris antes."
        )
    if max(array.shape) > 32:
        raise ValueError(
            f"show_pixel_values: la matriz {array.shape} es demasiado grande para leer sus "
            "valores; recorte una zona de como mucho 32×32."
        )
    if ax is None:
        side = max(3.0, 0.45 * max(array.shape))
        _, ax = plt.subplots(figsize=(side, side))
    integer = np.issubdtype(array.dtype, np.integer)
    fmt = fmt or ("{:d}" if integer else "{:.2f}")
    vmin, vmax = (0, 255) if array.dtype == np.uint8 else (float(array.min()), float(array.max()))
    ax.imshow(array, cmap=cmap, vmin=vmin, vmax=vmax)
    middle = (vmin + vmax) / 2
    fontsize = fontsize or max(5, 11 - max(array.shape) // 4)
    for (row, col), value in np.ndenumerate(array):
        colour = "white" if value < middle else "black"
        text = fmt.format(int(value) if integer else float(value))
        ax.text(col, row, text, ha="center", va="center", color=colour, fontsize=fontsize)
    ax.set_xticks(range(array.shape[1]))
    ax.set_yticks(range(array.shape[0]))
    ax.tick_params(labelsize=7, length=0)
    if title:
        ax.set_title(title)
    return ax


def _black_to(colour):
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list(f"negro-{colour}", ["black", colour])


def show_channels(image, names=None, cmaps=None, size=3.0, original=None):
    """La imagen completa y cada uno de sus canales por separado, en escala de intensidad.

    Cada canal se pinta de negro (0) a su color puro (255): cuanto más intenso el color en el
    panel, más luz de ese color tiene el píxel.

    Parameters
    ----------
    image : array_like
        Imagen (H, W, C) con C = 3 (RGB) o 4 (RGBA).
    names : sequence of str, optional
        Nombre de cada canal; por defecto R, G, B (y A).
    cmaps : sequence, optional
        Mapa de color de cada canal; por defecto de negro a rojo, verde y azul (y gris).
    size : float
        Lado en pulgadas de cada panel.
    original : array_like, optional
        Imagen del primer panel, si ``image`` no es RGB (p. ej. sus canales HSV).

    Returns
    -------
    matplotlib.figure.Figure
    """
    array = np.asarray(image)
    if array.ndim != 3 or array.shape[-1] not in (3, 4):
        raise ValueError(
            f"show_channels: se esperaba una imagen (H, W, 3) o (H, W, 4); "
            f"se recibió la forma {array.shape}."
        )
    channels = array.shape[-1]
    names = names or ["R (rojo)", "G (verde)", "B (azul)", "A (alfa)"][:channels]
    cmaps = cmaps or [_black_to("red"), _black_to("lime"), _black_to("blue"), "gray"][:channels]
    if len(names) != channels or len(cmaps) != channels:
        raise ValueError(f"show_channels: se esperaban {channels} nombres y {channels} mapas de color.")
    fig, axes = plt.subplots(1, channels + 1, figsize=(size * (channels + 1), size))
    axes[0].imshow(array if original is None else np.asarray(original))
    axes[0].set_title("Imagen")
    vmax = 255 if array.dtype == np.uint8 else float(array.max())
    for k in range(channels):
        axes[k + 1].imshow(array[..., k], cmap=cmaps[k], vmin=0, vmax=vmax)
        axes[k + 1].set_title(names[k])
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    fig.tight_layout()
    return fig


def plot_history(history, metrics=("loss", "accuracy"), title=None):
    """Curvas de entrenamiento y validación de ``model.fit``, una gráfica por métrica.

    Parameters
    ----------
    history : keras.callbacks.History or dict
        Lo que devuelve ``model.fit`` (o su atributo ``history``).
    metrics : sequence of str
        Métricas a dibujar; se usan las que existan en el historial.
    title : str, optional
        Título de la figura.

    Returns
    -------
    matplotlib.figure.Figure
    """
    logs = getattr(history, "history", history)
    metrics = [m for m in metrics if m in logs]
    if not metrics:
        raise ValueError(f"plot_history: el historial no tiene ninguna de las métricas pedidas; tiene {list(logs)}.")
    fig, axes = plt.subplots(1, len(metrics), figsize=(5 * len(metrics), 3.5), squeeze=False)
    for ax, metric in zip(axes.flat, metrics):
        epochs = np.arange(1, len(logs[metric]) + 1)
        ax.plot(epochs, logs[metric], "o-", label="entrenamiento")
        if f"val_{metric}" in logs:
            ax.plot(epochs, logs[f"val_{metric}"], "s--", label="validación")
        ax.set_xlabel("época")
        ax.set_ylabel(metric)
        ax.legend()
        ax.grid(alpha=0.3)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_confusion_matrix(y_true, y_pred, class_names=None, normalize=False, ax=None):
    """Matriz de confusión: filas = clase real, columnas = clase predicha.

    Parameters
    ----------
    y_true, y_pred : array_like of int
        Etiquetas reales y predichas, de la misma longitud.
    class_names : sequence of str, optional
        Nombre de cada clase.
    normalize : bool
        Si es ``True``, cada fila se divide por su total (exhaustividad por clase).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    numpy.ndarray
        La matriz de confusión (cuentas, o proporciones si ``normalize``).
    """
    from sklearn.metrics import ConfusionMatrixDisplay, confusion_matrix

    y_true, y_pred = np.asarray(y_true).ravel(), np.asarray(y_pred).ravel()
    if y_true.shape != y_pred.shape:
        raise ValueError(f"plot_confusion_matrix: y_true tiene {y_true.size} etiquetas e y_pred {y_pred.size}.")
    n = int(max(y_true.max(), y_pred.max())) + 1 if class_names is None else len(class_names)
    labels = np.arange(n)
    matrix = confusion_matrix(y_true, y_pred, labels=labels)
    # Filas sin ejemplos: proporción 0 (no nan), como en la versión anterior de esta función.
    shown = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1) if normalize else matrix
    if ax is None:
        _, ax = plt.subplots(figsize=(0.5 * n + 2.5, 0.5 * n + 2))
    names = list(class_names) if class_names is not None else [str(k) for k in range(n)]
    display = ConfusionMatrixDisplay(shown, display_labels=names)
    display.plot(ax=ax, cmap="Blues", colorbar=False, values_format=".2f" if normalize else "d",
                 xticks_rotation=45 if max(len(s) for s in names) > 2 else "horizontal")
    for text in display.text_.ravel():
        text.set_fontsize(8)
    ax.set_xlabel("clase predicha")
    ax.set_ylabel("clase real")
    return shown


# --- Capítulo 6: qué aprende una CNN ---

def _upsample(heatmap, shape):
    """Amplía un mapa (h, w) a ``shape`` (H, W) con interpolación bilineal, sin cambiar su rango."""
    from skimage.transform import resize

    heatmap = np.asarray(heatmap, dtype=np.float64)
    if heatmap.shape == tuple(shape):
        return heatmap
    return resize(heatmap, shape, order=1, mode="edge", anti_aliasing=False, preserve_range=True)


def plot_filters(kernels, ncols=8, size=1.0, title=None):
    """Los filtros de una capa convolucional como imágenes, cada uno con su propia escala.

    Parameters
    ----------
    kernels : array_like
        Pesos de ``Conv2D`` con forma (kh, kw, canales_entrada, filtros), como ``layer.kernel``.
        Con un canal de entrada cada filtro se muestra en gris (claro = peso positivo); con tres,
        como imagen RGB.
    ncols : int
        Columnas de la rejilla.
    size : float
        Lado en pulgadas de cada filtro.
    title : str, optional
        Título de la figura.

    Returns
    -------
    matplotlib.figure.Figure
    """
    weights = np.asarray(kernels, dtype=np.float64)
    if weights.ndim != 4 or weights.shape[2] not in (1, 3):
        raise ValueError(
            "plot_filters: se esperaban pesos (alto, ancho, canales_entrada, filtros) con 1 o 3 "
            f"canales de entrada, como layer.kernel de una Conv2D; se recibió la forma {weights.shape}."
        )
    fig, axes = _grid(weights.shape[-1], ncols, size, title)
    for k, ax in enumerate(axes):
        w = weights[..., k]
        w = (w - w.min()) / (w.max() - w.min()) if w.max() > w.min() else np.zeros_like(w)
        ax.imshow(w[..., 0] if w.shape[-1] == 1 else w, cmap="gray", vmin=0, vmax=1)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_feature_maps(maps, max_maps=16, ncols=8, size=1.1, title=None):
    """Los mapas de activación de una capa para una imagen: un panel por canal.

    Parameters
    ----------
    maps : array_like
        Activaciones (H, W, C) de una imagen, o (1, H, W, C) como las devuelve ``predict``.
    max_maps : int
        Canales que se muestran como mucho (los primeros).
    ncols : int
        Columnas de la rejilla.
    size : float
        Lado en pulgadas de cada panel.
    title : str, optional
        Título de la figura (p. ej. el nombre de la capa y la forma).

    Returns
    -------
    matplotlib.figure.Figure
    """
    array = np.asarray(maps, dtype=np.float64)
    if array.ndim == 4 and array.shape[0] == 1:
        array = array[0]
    if array.ndim != 3:
        raise ValueError(
            "plot_feature_maps: se esperaban activaciones (H, W, C) de una sola imagen; "
            f"se recibió la forma {np.shape(maps)}."
        )
    if not isinstance(max_maps, int) or max_maps < 1:
        raise ValueError(f"plot_feature_maps: max_maps debe ser un entero positivo; se recibió {max_maps!r}.")
    fig, axes = _grid(min(max_maps, array.shape[-1]), ncols, size, title)
    for k, ax in enumerate(axes):
        ax.imshow(array[..., k], cmap="viridis")
        ax.set_title(str(k), fontsize=7)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_heatmap_overlay(image, heatmap, alpha=0.5, cmap="jet", ax=None, title=None, patch=None, stride=None,
                         vmin=None, vmax=None, colorbar=False):
    """Superpone un mapa de calor (oclusión, saliencia, Grad-CAM) a la imagen que explica.

    Un mapa de una capa convolucional (Grad-CAM sale con la resolución de la última) se amplía
    con interpolación bilineal, centro de celda sobre centro de celda. Un mapa de oclusión no es
    una rejilla de celdas sino una lista de parches que se solapan: con ``patch`` y ``stride``
    cada píxel recibe la media de los parches que lo cubren
    (:func:`course_utils.interpret.occlusion_to_pixels`), y cada valor queda sobre la zona que
    tapó; estirarlo sin más lo desplazaría hacia la esquina superior izquierda.

    Parameters
    ----------
    image : array_like
        Imagen (H, W), (H, W, 1) o (H, W, 3).
    heatmap : array_like
        Mapa (h, w) con h ≤ H y w ≤ W; se muestra con su propio rango.
    alpha : float
        Opacidad del mapa, entre 0 y 1.
    cmap : str
        Mapa de color del mapa de calor.
    ax : matplotlib.axes.Axes, optional
    title : str, optional
    patch, stride : int, optional
        Si el mapa es de oclusión, el lado del parche y el paso con que se calculó.
    vmin, vmax : float, optional
        Escala del color; por defecto, el rango del propio mapa.
    colorbar : bool
        Dibuja la barra de color, para que se lea la escala de cada panel.

    Returns
    -------
    numpy.ndarray
        El mapa ampliado a (H, W), el que se dibuja.
    """
    picture = _as_image(image)
    heat = np.asarray(heatmap, dtype=np.float64)
    if heat.ndim != 2:
        raise ValueError(f"plot_heatmap_overlay: el mapa de calor debe ser una matriz (h, w); se recibió la forma {heat.shape}.")
    if heat.shape[0] > picture.shape[0] or heat.shape[1] > picture.shape[1]:
        raise ValueError(
            f"plot_heatmap_overlay: el mapa {heat.shape} es mayor que la imagen {picture.shape[:2]}."
        )
    if not 0 <= alpha <= 1:
        raise ValueError(f"plot_heatmap_overlay: alpha debe estar entre 0 y 1; se recibió {alpha!r}.")
    if (patch is None) != (stride is None):
        raise ValueError("plot_heatmap_overlay: un mapa de oclusión necesita patch y stride a la vez.")
    if patch is not None:
        from .interpret import occlusion_to_pixels

        heat = occlusion_to_pixels(heat, picture.shape[:2], patch, stride)
    else:
        heat = _upsample(heat, picture.shape[:2])
    if ax is None:
        _, ax = plt.subplots(figsize=(3, 3))
    _imshow(ax, picture)
    shown = ax.imshow(heat, cmap=cmap, alpha=alpha, vmin=vmin, vmax=vmax)
    if colorbar:
        ax.figure.colorbar(shown, ax=ax, fraction=0.046, pad=0.04)
    if title:
        ax.set_title(title)
    return heat


def plot_embedding(points, labels, ax=None, title=None, class_names=None):
    """Nube de puntos 2-D (p. ej. t-SNE de los *embeddings*) coloreada por clase.

    Parameters
    ----------
    points : array_like
        Coordenadas (N, 2).
    labels : array_like of int
        Clase de cada punto (N,).
    ax : matplotlib.axes.Axes, optional
    title : str, optional
    class_names : sequence of str, optional
        Nombre de cada clase para la leyenda.

    Returns
    -------
    matplotlib.axes.Axes
    """
    points, labels = np.asarray(points, dtype=np.float64), np.asarray(labels).ravel()
    if points.ndim != 2 or points.shape[1] != 2 or len(points) != len(labels):
        raise ValueError(
            "plot_embedding: se esperaban puntos (N, 2) y N etiquetas; "
            f"se recibieron puntos {points.shape} y {labels.size} etiquetas."
        )
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 5))
    colours = plt.get_cmap("tab10")
    for k in np.unique(labels):
        chosen = labels == k
        name = class_names[int(k)] if class_names is not None else str(k)
        ax.scatter(points[chosen, 0], points[chosen, 1], s=10, color=colours(int(k) % 10), label=name)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.legend(fontsize=7, markerscale=1.5, loc="best", ncol=2)
    if title:
        ax.set_title(title)
    return ax


# --- Capítulo 7: autoencoders ---

def show_image_rows(rows, row_titles=None, col_titles=None, size=1.3, suptitle=None):
    """Varias filas de imágenes alineadas, p. ej. originales / con ruido / reconstruidas.

    Parameters
    ----------
    rows : sequence of sequence of array_like
        Una secuencia de imágenes por fila (o un array (N, H, W[, C]) por fila); todas las filas
        con el mismo número de imágenes.
    row_titles : sequence of str, optional
        Un rótulo por fila, escrito a la izquierda.
    col_titles : sequence of str, optional
        Un título por columna, sobre la primera fila.
    size : float
        Lado en pulgadas de cada imagen.
    suptitle : str, optional
        Título de la figura.

    Returns
    -------
    matplotlib.figure.Figure
    """
    rows = [list(row) for row in rows]
    if not rows or not rows[0]:
        raise ValueError("show_image_rows: se esperaba al menos una fila con alguna imagen.")
    ncols = len(rows[0])
    if any(len(row) != ncols for row in rows):
        raise ValueError(
            "show_image_rows: todas las filas deben tener el mismo número de imágenes; se recibieron "
            f"{[len(row) for row in rows]}.")
    for titles, count, what in ((row_titles, len(rows), "filas"), (col_titles, ncols, "columnas")):
        if titles is not None and len(titles) != count:
            raise ValueError(f"show_image_rows: hay {count} {what} pero {len(titles)} rótulos.")
    fig, axes = plt.subplots(len(rows), ncols, figsize=(size * ncols + 0.8, size * len(rows) + 0.3),
                             squeeze=False)
    for r, row in enumerate(rows):
        for c, image in enumerate(row):
            _imshow(axes[r, c], image, vmin=0, vmax=1 if np.asarray(image).dtype != np.uint8 else 255)
            if col_titles is not None and r == 0:
                axes[r, c].set_title(str(col_titles[c]))
        if row_titles is not None:
            axes[r, 0].set_ylabel(str(row_titles[r]))
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout()
    return fig


# --- Capítulo 8 ------------------------------------------------------------------------------

# One fixed colour per class, so a class keeps its colour in every figure of the chapter.
MASK_COLORS = np.array([
    [0.12, 0.47, 0.71], [0.20, 0.20, 0.20], [1.00, 0.84, 0.00], [0.84, 0.15, 0.16],
    [0.17, 0.63, 0.17], [0.58, 0.40, 0.74], [1.00, 0.50, 0.05], [0.09, 0.75, 0.81],
])


def _as_mask(mask, name, num_classes):
    array = np.asarray(mask)
    if array.ndim != 2 or not np.issubdtype(array.dtype, np.integer) and array.dtype != bool:
        raise ValueError(f"{name}: se esperaba una máscara (H, W) de enteros (una clase por píxel); "
                         f"se recibió forma {array.shape} y dtype {array.dtype}.")
    if array.size and (array.min() < 0 or array.max() >= num_classes):
        raise ValueError(f"{name}: la máscara tiene clases fuera de 0..{num_classes - 1}.")
    return array.astype(np.int64)


def colorize_mask(mask, num_classes=None, colors=None):
    """Máscara de clases (H, W) → imagen RGB (H, W, 3) en [0, 1], un color fijo por clase.

    Parameters
    ----------
    mask : array_like of int
        Una clase por píxel.
    num_classes : int, optional
        Número de clases; por defecto, la mayor clase presente más uno.
    colors : array_like, optional
        (num_classes, 3) colores RGB en [0, 1]; por defecto ``MASK_COLORS``.
    """
    colors = MASK_COLORS if colors is None else np.asarray(colors, dtype=np.float64)
    num_classes = num_classes or int(np.max(mask)) + 1
    if num_classes > len(colors):
        raise ValueError(f"colorize_mask: hay {num_classes} clases y solo {len(colors)} colores; "
                         "pase colors con uno por clase.")
    return colors[_as_mask(mask, "colorize_mask", num_classes)]


def overlay_mask(image, mask, num_classes=None, alpha=0.45, colors=None, ignore=None):
    """La imagen con la máscara coloreada encima, semitransparente.

    Parameters
    ----------
    image : array_like
        Imagen (H, W), (H, W, 1) o (H, W, 3), ``uint8`` en [0, 255] o real en [0, 1].
    mask : array_like of int
        Máscara (H, W) de clases.
    alpha : float
        Opacidad de la máscara, entre 0 y 1.
    ignore : int, optional
        Clase que no se colorea (p. ej. el fondo), para ver la imagen debajo.

    Returns
    -------
    numpy.ndarray
        Imagen RGB (H, W, 3) en [0, 1].
    """
    base = _as_image(image, "overlay_mask").astype(np.float64)
    base = base / 255.0 if np.asarray(image).dtype == np.uint8 or base.max() > 1 else base
    if base.ndim == 2:
        base = np.repeat(base[..., None], 3, axis=-1)
    base = base[..., :3]
    if base.shape[:2] != np.shape(mask):
        raise ValueError(f"overlay_mask: la imagen es {base.shape[:2]} y la máscara {np.shape(mask)}; "
                         "se esperaba el mismo alto y ancho.")
    if not 0 <= alpha <= 1:
        raise ValueError(f"overlay_mask: alpha debe estar entre 0 y 1; se recibió {alpha!r}.")
    colored = colorize_mask(mask, num_classes, colors)
    weight = np.full(np.shape(mask), alpha)
    if ignore is not None:
        weight[np.asarray(mask) == ignore] = 0.0
    return (1 - weight[..., None]) * base + weight[..., None] * colored


def show_segmentation(images, true_masks, pred_masks=None, class_names=None, n=4, overlay=False,
                      size=2.2, suptitle=None):
    """Una fila por ejemplo: imagen, máscara real y, si se da, máscara predicha.

    Parameters
    ----------
    images : array_like
        Imágenes (N, H, W[, C]).
    true_masks, pred_masks : array_like of int
        Máscaras (N, H, W) de clases; ``pred_masks`` es opcional.
    class_names : sequence of str, optional
        Nombre de cada clase, para la leyenda de colores.
    n : int
        Cuántos ejemplos mostrar (los primeros).
    overlay : bool
        Si es ``True``, añade una columna con la predicción (o la máscara real) sobre la imagen.
    size : float
        Lado en pulgadas de cada panel.
    suptitle : str, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    from matplotlib.patches import Patch

    images, true_masks = np.asarray(images), np.asarray(true_masks)
    if images.shape[0] != true_masks.shape[0]:
        raise ValueError(f"show_segmentation: hay {images.shape[0]} imágenes y "
                         f"{true_masks.shape[0]} máscaras; se esperaba una por imagen.")
    if pred_masks is not None and np.shape(pred_masks) != true_masks.shape:
        raise ValueError(f"show_segmentation: las máscaras predichas tienen forma {np.shape(pred_masks)} "
                         f"y las reales {true_masks.shape}; se esperaba la misma.")
    num_classes = len(class_names) if class_names else int(true_masks.max()) + 1
    if pred_masks is not None and not class_names:
        num_classes = max(num_classes, int(np.max(pred_masks)) + 1)
    columns = [("Imagen", lambda k: images[k]),
               ("Máscara real", lambda k: colorize_mask(true_masks[k], num_classes))]
    if pred_masks is not None:
        columns.append(("Máscara predicha", lambda k: colorize_mask(pred_masks[k], num_classes)))
    if overlay:
        shown = true_masks if pred_masks is None else np.asarray(pred_masks)
        columns.append(("Predicción superpuesta" if pred_masks is not None else "Superpuesta",
                        lambda k: overlay_mask(images[k], shown[k], num_classes)))
    n = max(1, min(n, images.shape[0]))
    fig, axes = plt.subplots(n, len(columns), figsize=(size * len(columns), size * n + 0.6),
                             squeeze=False)
    for row in range(n):
        for col, (title, draw) in enumerate(columns):
            _imshow(axes[row, col], draw(row))
            if row == 0:
                axes[row, col].set_title(title)
    if class_names:
        handles = [Patch(color=MASK_COLORS[k], label=name) for k, name in enumerate(class_names)]
        fig.legend(handles=handles, loc="lower center", ncol=len(handles), frameon=False)
    if suptitle:
        fig.suptitle(suptitle)
    fig.tight_layout(rect=(0, 0.06 if class_names else 0, 1, 1))
    return fig


def show_vision_tasks(image, mask, class_names, size=3.0):
    """Una imagen vista por cuatro tareas: clasificación, detección, segmentación semántica y
    segmentación de instancias.

    Las instancias son las componentes conexas de cada clase (dos objetos de la misma clase
    que no se tocan son dos instancias); las cajas de la detección las rodean.

    Parameters
    ----------
    image : array_like
        Imagen (H, W) o (H, W, 3).
    mask : array_like of int
        Máscara (H, W) de clases, con 0 = fondo.
    class_names : sequence of str
        Nombre de cada clase (el 0 es el fondo).
    size : float
        Lado en pulgadas de cada panel.

    Returns
    -------
    tuple
        ``(figure, instances)``: la figura y la máscara de instancias (0 = fondo, 1..n).
    """
    from matplotlib.patches import Rectangle
    from scipy import ndimage

    mask = _as_mask(mask, "show_vision_tasks", len(class_names))
    instances, names = np.zeros_like(mask), []
    for label in np.unique(mask[mask > 0]):
        components, count = ndimage.label(mask == label)
        instances[components > 0] = components[components > 0] + len(names)
        names += [class_names[label]] * count
    fig, axes = plt.subplots(1, 4, figsize=(4 * size, size + 0.5))
    panels = [("Clasificación:\n" + ", ".join(sorted(set(names))), image),
              ("Detección: cajas", image),
              ("Segmentación semántica", colorize_mask(mask, len(class_names))),
              ("Segmentación de instancias", colorize_mask(instances, len(names) + 1))]
    for ax, (title, picture) in zip(axes, panels):
        _imshow(ax, picture)
        ax.set_title(title)
    for (rows, cols), name in zip(ndimage.find_objects(instances), names):
        axes[1].add_patch(Rectangle((cols.start - 0.5, rows.start - 0.5), cols.stop - cols.start,
                                    rows.stop - rows.start, fill=False, color="yellow", lw=2))
        axes[1].text(cols.start, rows.start - 1, name, color="yellow", fontsize=8)
    fig.tight_layout()
    return fig, instances
