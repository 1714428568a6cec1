"""Métricas de segmentación: IoU, Dice y el informe por clase del capítulo 8."""


def _binary_masks(y_true, y_pred, name):
    import numpy as np

    a, b = np.asarray(y_true), np.asarray(y_pred)
    if a.shape != b.shape:
        raise ValueError(f"{name}: las dos máscaras deben tener la misma forma; "
                         f"se recibió {a.shape} y {b.shape}.")
    for mask, which in ((a, "y_true"), (b, "y_pred")):
        if mask.size and not np.isin(mask, (0, 1)).all():
            raise ValueError(f"{name}: {which} debe ser una máscara binaria (0/1 o bool); "
                             f"tiene valores {np.unique(mask)[:5].tolist()}...")
    return a.astype(bool), b.astype(bool)


def iou_score(y_true, y_pred):
    """Intersección sobre unión (índice de Jaccard) de dos máscaras binarias.

    :math:`|A \\cap B| / |A \\cup B|`; si las dos máscaras están vacías, 1.0 (coinciden).

    Parameters
    ----------
    y_true, y_pred : array_like
        Máscaras de la misma forma con valores 0/1 o ``bool``.

    Returns
    -------
    float

    Examples
    --------
    >>> iou_score([1, 1, 0, 0], [1, 0, 1, 0])
    0.3333333333333333
    """
    a, b = _binary_masks(y_true, y_pred, "iou_score")
    union = int((a | b).sum())
    return 1.0 if union == 0 else int((a & b).sum()) / union


def dice_score(y_true, y_pred):
    """Coeficiente de Dice (F1 por píxel) de dos máscaras binarias.

    :math:`2|A \\cap B| / (|A| + |B|)`; si las dos máscaras están vacías, 1.0.

    Examples
    --------
    >>> dice_score([1, 1, 0, 0], [1, 0, 1, 0])
    0.5
    """
    a, b = _binary_masks(y_true, y_pred, "dice_score")
    total = int(a.sum()) + int(b.sum())
    return 1.0 if total == 0 else 2 * int((a & b).sum()) / total


def segmentation_report(y_true, y_pred, class_names, average="pooled"):
    """IoU y Dice de cada clase (una contra el resto) y su media, más la exactitud por píxel.

    Dos convenciones para un conjunto de varias imágenes:

    - ``average="pooled"`` (por defecto, la de ``keras.metrics.MeanIoU``): se suman las
      intersecciones y las uniones de **todos los píxeles del conjunto** y se divide una vez por
      clase. Las imágenes grandes y los objetos grandes pesan más.
    - ``average="per_image"``: la IoU y el Dice de cada clase se calculan **imagen a imagen** y
      se promedian sobre las imágenes en que la clase aparece (en la máscara real o en la
      predicha). Cada imagen pesa lo mismo, y un objeto pequeño mal segmentado baja la media
      tanto como uno grande.

    Una clase **ausente** de las dos máscaras (unión vacía) no tiene IoU ni Dice: se informa como
    ``nan`` y queda fuera de la media, como hace ``MeanIoU`` de Keras. Con una sola imagen
    (H, W), las dos convenciones coinciden.

    Parameters
    ----------
    y_true, y_pred : array_like of int
        Máscaras de clases (N, H, W) o (H, W), con valores en ``range(len(class_names))``.
    class_names : sequence of str
        Nombre de cada clase.
    average : {"pooled", "per_image"}
        Cómo se agregan las imágenes (ver arriba).

    Returns
    -------
    dict
        ``{"exactitud": float, "iou": {clase: float}, "dice": {clase: float},
        "iou_medio": float, "dice_medio": float}``; ``nan`` para las clases ausentes.

    Examples
    --------
    >>> report = segmentation_report([[0, 0], [0, 1]], [[0, 0], [1, 1]], ["fondo", "objeto", "borde"])
    >>> round(report["iou"]["objeto"], 3), report["iou"]["borde"], round(report["iou_medio"], 3)
    (0.5, nan, 0.583)
    """
    import numpy as np

    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"segmentation_report: y_true tiene forma {y_true.shape} e y_pred "
                         f"{y_pred.shape}; se esperaba la misma.")
    if average not in ("pooled", "per_image"):
        raise ValueError(f"segmentation_report: average debe ser 'pooled' o 'per_image'; "
                         f"se recibió {average!r}.")
    n = len(class_names)
    for mask, which in ((y_true, "y_true"), (y_pred, "y_pred")):
        if mask.size and (mask.min() < 0 or mask.max() >= n):
            raise ValueError(f"segmentation_report: {which} tiene clases fuera de 0..{n - 1}.")
    if average == "per_image" and y_true.ndim < 3:
        raise ValueError("segmentation_report: average='per_image' necesita un lote de máscaras "
                         f"(N, H, W); se recibió la forma {y_true.shape}.")
    if average == "pooled":
        groups = [(y_true, y_pred)]
    else:
        groups = list(zip(y_true, y_pred))

    def mean_without_absent(values):
        values = [v for v in values if not np.isnan(v)]
        return float(np.mean(values)) if values else float("nan")

    iou, dice = {}, {}
    for k, name in enumerate(class_names):
        per_group_iou, per_group_dice = [], []
        for a, b in groups:
            a, b = a == k, b == k
            union, total, both = int((a | b).sum()), int(a.sum()) + int(b.sum()), int((a & b).sum())
            per_group_iou.append(both / union if union else float("nan"))
            per_group_dice.append(2 * both / total if total else float("nan"))
        iou[name], dice[name] = mean_without_absent(per_group_iou), mean_without_absent(per_group_dice)
    return {"exactitud": float((y_true == y_pred).mean()), "iou": iou, "dice": dice,
            "iou_medio": mean_without_absent(iou.values()),
            "dice_medio": mean_without_absent(dice.values())}
