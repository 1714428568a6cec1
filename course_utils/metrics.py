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


def segmentation_report(y_true, y_pred, class_names):
    """IoU y Dice de cada clase (una contra el resto) y su media, más la exactitud por píxel.

    Parameters
    ----------
    y_true, y_pred : array_like of int
        Máscaras de clases (N, H, W) o (H, W), con valores en ``range(len(class_names))``.
    class_names : sequence of str
        Nombre de cada clase.

    Returns
    -------
    dict
        ``{"exactitud": float, "iou": {clase: float}, "dice": {clase: float},
        "iou_medio": float, "dice_medio": float}``.
    """
    import numpy as np

    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"segmentation_report: y_true tiene forma {y_true.shape} e y_pred "
                         f"{y_pred.shape}; se esperaba la misma.")
    n = len(class_names)
    for mask, which in ((y_true, "y_true"), (y_pred, "y_pred")):
        if mask.size and (mask.min() < 0 or mask.max() >= n):
            raise ValueError(f"segmentation_report: {which} tiene clases fuera de 0..{n - 1}.")
    iou = {name: iou_score(y_true == k, y_pred == k) for k, name in enumerate(class_names)}
    dice = {name: dice_score(y_true == k, y_pred == k) for k, name in enumerate(class_names)}
    return {"exactitud": float((y_true == y_pred).mean()), "iou": iou, "dice": dice,
            "iou_medio": float(np.mean(list(iou.values()))),
            "dice_medio": float(np.mean(list(dice.values())))}
