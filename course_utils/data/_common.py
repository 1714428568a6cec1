"""Lo que comparten los cargadores: la cadena réplica → red → sustituto, la partición
estratificada, la carga de ``tensorflow_datasets`` y la comprobación rápida de la red."""
import warnings


class OfflineDataWarning(UserWarning):
    """Aviso de que se usa un sustituto local porque la fuente real no está disponible."""


warnings.simplefilter("always", OfflineDataWarning)


def load_or_stand_in(real_loader, stand_in, what, instead):
    """Llama a ``real_loader``; si falla (sin red, sin caché), avisa y usa ``stand_in``."""
    from ..mirror import MirrorError

    try:
        return real_loader()
    except MirrorError:  # a damaged local mirror must not pass unnoticed
        raise
    except Exception as error:  # the download fails in many ways: DNS, HTTP, truncated file
        warnings.warn(
            f"No se pudo cargar {what} ({type(error).__name__}: {error}). "
            f"Se usa en su lugar {instead}. Las cifras no serán comparables con las del libro.",
            OfflineDataWarning,
            stacklevel=3,
        )
        return stand_in()


def mirror_then(name, network_loader):
    """Un cargador que lee ``name`` de la réplica local si la hay y, si no, llama a ``network_loader``."""
    def load():
        from ..mirror import load_idx_dataset

        found = load_idx_dataset(name)
        return found if found is not None else network_loader()
    return load


def stratified_split(images, labels, test_fraction, seed):
    from sklearn.model_selection import train_test_split

    x_train, x_test, y_train, y_test = train_test_split(
        images, labels, test_size=test_fraction, random_state=seed, stratify=labels)
    return (x_train, y_train), (x_test, y_test)


def tfds_load(name, data_dir=None, before_download=None, **kwargs):
    """``tfds.load(name, **kwargs)``: primero de ``data_dir`` o de la réplica local
    (``$COURSE_DATA_DIR/tensorflow_datasets``) sin descargar nada; si no está preparado allí,
    de la red (tras ``before_download()``, que puede fallar pronto si no hay conexión)."""
    import tensorflow_datasets as tfds

    from ..mirror import tfds_data_dir

    local = data_dir or tfds_data_dir()
    for folder in dict.fromkeys([local, None]):  # the mirror (or data_dir), then TFDS's own cache
        try:  # already downloaded and prepared: no network needed
            return tfds.load(name, data_dir=None if folder is None else str(folder), download=False, **kwargs)
        except Exception:
            continue
    if before_download is not None:
        before_download()
    return tfds.load(name, data_dir=None if data_dir is None else str(data_dir), download=True, **kwargs)


def fail_fast_without_network(host, timeout=3.0):
    """Falla en segundos si no hay red, en lugar de esperar a que la descarga se rinda."""
    import socket

    with socket.create_connection((host, 443), timeout=timeout):
        pass
