"""La réplica local de los datos: una carpeta con los archivos originales, para aulas sin buena red.

La carpeta la nombra la variable de entorno ``COURSE_DATA_DIR``. Dentro, cada conjunto tiene su
subcarpeta con los archivos originales y sus nombres originales (comprimidos con gzip o no)::

    $COURSE_DATA_DIR/mnist/train-images-idx3-ubyte.gz     (o train-images-idx3-ubyte)
    $COURSE_DATA_DIR/fashion-mnist/t10k-labels-idx1-ubyte.gz
    $COURSE_DATA_DIR/tensorflow_datasets/                  (``data_dir`` de TFDS)
    $COURSE_DATA_DIR/keras/models/                         (pesos de ``keras.applications``)

Cada archivo IDX se comprueba con su suma MD5 publicada (con ``pooch``) antes de leerse. La
carpeta ``tensorflow_datasets`` es un ``data_dir`` de TFDS ya preparado (``oxford_iiit_pet`` y
``tf_flowers``), y ``keras/models`` guarda los pesos de ImageNet con los nombres de archivo que usa
Keras (p. ej. ``mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_160_no_top.h5``).

El orden de cada cargador es: la réplica, después la red, después el sustituto sin conexión.
``make data`` (``python -m course_utils.mirror``) llena la carpeta donde haya red.
"""
import argparse
import gzip
import os
import pathlib
import shutil
import tempfile

import numpy as np

MIRROR_ENV = "COURSE_DATA_DIR"

# Archivo -> (MD5 del .gz original publicado, MD5 del IDX sin comprimir).
IDX_FILES = {
    "mnist": {
        "train-images-idx3-ubyte": ("f68b3c2dcbeaaa9fbdd348bbdeb94873", "6bbc9ace898e44ae57da46a324031adb"),
        "train-labels-idx1-ubyte": ("d53e105ee54ea40749a09fcbcd1e9432", "a25bea736e30d166cdddb491f175f624"),
        "t10k-images-idx3-ubyte": ("9fb629c4189551a2d022fa330f9573f3", "2646ac647ad5339dbf082846283269ea"),
        "t10k-labels-idx1-ubyte": ("ec29112dd5afa0611ce80d1b7f02629c", "27ae3e4e09519cfbb04c329615203637"),
    },
    "fashion-mnist": {
        "train-images-idx3-ubyte": ("8d4fb7e6c68d591d4c3dfef9ec88bf0d", "f4a8712d7a061bf5bd6d2ca38dc4d50a"),
        "train-labels-idx1-ubyte": ("25c81989df183df01b3e8a0aad5dffbe", "9018921c3c673c538a1fc5bad174d6f9"),
        "t10k-images-idx3-ubyte": ("bef4ecab320f06d8554ea6380940ec79", "8181f5470baa50b63fa0f6fddb340f0a"),
        "t10k-labels-idx1-ubyte": ("bb300cfdad3c16e7a12a480ee83cd310", "15d484375f8d13e6eb1aabb0c3f46965"),
    },
}
# Where ``make data`` downloads the original .gz files from.
IDX_SOURCES = {
    "mnist": "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "fashion-mnist": "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
}
TFDS_SUBDIR = "tensorflow_datasets"
TFDS_DATASETS = ("oxford_iiit_pet", "tf_flowers")
KERAS_SUBDIR = "keras/models"
# The ImageNet bases the book loads with weights (chapter 9) and the input sizes it uses.
KERAS_WEIGHTS = (("MobileNetV2", (160, 160, 3)),)
_MOBILENET_V2_ROWS = (96, 128, 160, 192, 224)
_IDX_DTYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


class MirrorError(ValueError):
    """La réplica local existe, pero un archivo está dañado o no es lo que se esperaba."""


def mirror_dir():
    """La carpeta de la réplica (``COURSE_DATA_DIR``) como ``pathlib.Path``, o ``None`` si no se ha fijado."""
    value = os.environ.get(MIRROR_ENV, "").strip()
    return pathlib.Path(value).expanduser() if value else None


def subdir(name):
    """La subcarpeta ``name`` de la réplica si existe (p. ej. ``"tensorflow_datasets"``), o ``None``."""
    root = mirror_dir()
    path = root / name if root else None
    return path if path and path.is_dir() else None


def read_idx(path):
    """Lee un archivo IDX (el formato de MNIST), comprimido con gzip o no, como ``numpy.ndarray``."""
    path = pathlib.Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        raw = handle.read()
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] not in _IDX_DTYPES:
        raise MirrorError(f"read_idx: {path} no es un archivo IDX (cabecera {raw[:4]!r}).")
    ndim = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    data = np.frombuffer(raw, dtype=_IDX_DTYPES[raw[2]], offset=4 + 4 * ndim)
    if data.size != int(np.prod(shape)):
        raise MirrorError(f"read_idx: {path} anuncia forma {shape} pero trae {data.size} valores.")
    return data.reshape(shape).astype(np.dtype(_IDX_DTYPES[raw[2]]).newbyteorder("="))


def _verify(path, gz_md5, raw_md5):
    """Comprueba la suma MD5 de ``path`` (el .gz original, o su contenido sin comprimir)."""
    import pooch

    if path.suffix == ".gz":
        if pooch.file_hash(str(path), alg="md5") == gz_md5:
            return
        with tempfile.TemporaryDirectory() as tmp:  # a recompressed .gz: check what it holds
            plain = pathlib.Path(tmp) / path.stem
            with gzip.open(path, "rb") as src, open(plain, "wb") as dst:
                shutil.copyfileobj(src, dst)
            actual = pooch.file_hash(str(plain), alg="md5")
    else:
        actual = pooch.file_hash(str(path), alg="md5")
    if actual != raw_md5:
        raise MirrorError(f"La réplica local tiene un archivo dañado: {path} (MD5 {actual}, se esperaba "
                          f"{raw_md5} sin comprimir). Vuelva a copiarlo o ejecute `make data`.")


def _find(folder, stem):
    for candidate in (folder / f"{stem}.gz", folder / stem):
        if candidate.is_file():
            return candidate
    return None


def load_idx_dataset(name):
    """``((x_train, y_train), (x_test, y_test))`` de ``name`` (``"mnist"`` o ``"fashion-mnist"``) en la réplica,
    en ``uint8`` como ``keras.datasets``.

    Devuelve ``None`` si no hay réplica o no tiene ese conjunto. Lanza :class:`MirrorError` si un
    archivo está dañado, para que el problema no pase inadvertido.
    """
    if name not in IDX_FILES:
        raise ValueError(f"load_idx_dataset: conjunto desconocido {name!r}; los de la réplica son {sorted(IDX_FILES)}.")
    folder = subdir(name)
    if folder is None:
        return None
    paths = {stem: _find(folder, stem) for stem in IDX_FILES[name]}
    if not all(paths.values()):
        return None
    arrays = {}
    for stem, path in paths.items():
        _verify(path, *IDX_FILES[name][stem])
        arrays[stem] = read_idx(path)
    return ((arrays["train-images-idx3-ubyte"], arrays["train-labels-idx1-ubyte"]),
            (arrays["t10k-images-idx3-ubyte"], arrays["t10k-labels-idx1-ubyte"]))


def fill_idx(directory, names=tuple(IDX_FILES)):
    """Descarga (con ``pooch``, comprobando la MD5) los .gz originales de ``names`` en ``directory``."""
    import pooch

    directory = pathlib.Path(directory)
    for name in names:
        for stem, (gz_md5, _) in IDX_FILES[name].items():
            pooch.retrieve(IDX_SOURCES[name] + f"{stem}.gz", known_hash=f"md5:{gz_md5}",
                           fname=f"{stem}.gz", path=directory / name, progressbar=False)


# --- TFDS y pesos de Keras -------------------------------------------------------------------

def tfds_data_dir():
    """El ``data_dir`` de TFDS de la réplica (``$COURSE_DATA_DIR/tensorflow_datasets``), o ``None``."""
    return subdir(TFDS_SUBDIR)


def keras_weights_filename(name, input_shape):
    """El nombre de archivo con el que Keras guarda los pesos de ImageNet sin cabeza de ``name``.

    Es el nombre que ``keras.applications`` pasa a ``keras.utils.get_file`` (y que queda en
    ``~/.keras/models``); para MobileNetV2 depende del tamaño de entrada (96, 128, 160, 192 o 224;
    cualquier otro usa los de 224, como hace Keras).
    """
    if name == "MobileNetV2":
        rows, cols = int(input_shape[0]), int(input_shape[1])
        rows = rows if rows == cols and rows in _MOBILENET_V2_ROWS else 224
        return f"mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_{rows}_no_top.h5"
    names = {
        "VGG16": "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
        "ResNet50": "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5",
        "InceptionV3": "inception_v3_weights_tf_dim_ordering_tf_kernels_notop.h5",
        "EfficientNetB0": "efficientnetb0_notop.h5",
    }
    if name not in names:
        raise ValueError(f"keras_weights_filename: no conozco los pesos de {name!r}; conozco "
                         f"{sorted([*names, 'MobileNetV2'])}.")
    return names[name]


def keras_weights(name, input_shape):
    """La ruta de los pesos de ImageNet de ``name`` en la réplica (``$COURSE_DATA_DIR/keras/models``), o ``None``."""
    folder = subdir(KERAS_SUBDIR)
    if folder is None:
        return None
    path = folder / keras_weights_filename(name, input_shape)
    return path if path.is_file() else None


def fill_tfds(directory, names=TFDS_DATASETS):
    """Descarga y prepara con ``tensorflow_datasets`` los conjuntos ``names`` en ``directory``."""
    import tensorflow_datasets as tfds

    for name in names:
        tfds.builder(name, data_dir=str(directory)).download_and_prepare()


_KERAS_ORIGINS = {  # where keras.applications downloads each file from
    "MobileNetV2": "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v2/",
    "VGG16": "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/",
    "ResNet50": "https://storage.googleapis.com/tensorflow/keras-applications/resnet/",
    "InceptionV3": "https://storage.googleapis.com/tensorflow/keras-applications/inception_v3/",
    "EfficientNetB0": "https://storage.googleapis.com/keras-applications/",
}


def fill_keras(directory, weights=KERAS_WEIGHTS):
    """Descarga con ``keras.utils.get_file`` los pesos de ImageNet ``weights`` en ``directory``
    (la carpeta ``keras/models`` de la réplica), con los nombres de archivo de Keras."""
    import keras

    directory = pathlib.Path(directory)
    for name, input_shape in weights:
        filename = keras_weights_filename(name, input_shape)
        keras.utils.get_file(filename, _KERAS_ORIGINS[name] + filename,
                             cache_dir=str(directory.parent), cache_subdir=directory.name)


def main(argv=None):
    """``python -m course_utils.mirror``: llena la réplica (``make data``)."""
    parser = argparse.ArgumentParser(
        prog="python -m course_utils.mirror",
        description="Llena la réplica local de los datos (la carpeta COURSE_DATA_DIR) donde haya red.")
    parser.add_argument("--dir", default=os.environ.get(MIRROR_ENV, "").strip() or None,
                        help="carpeta de la réplica (por defecto, la variable COURSE_DATA_DIR)")
    parser.add_argument("--only", choices=("idx", "tfds", "keras"), action="append",
                        help="llenar solo esta parte (se puede repetir); por defecto, todas")
    args = parser.parse_args(argv)
    if not args.dir:
        parser.error("diga dónde está la réplica: --dir CARPETA o la variable COURSE_DATA_DIR")
    root = pathlib.Path(args.dir).expanduser()
    parts = args.only or ["idx", "tfds", "keras"]
    if "idx" in parts:
        print(f"MNIST y Fashion-MNIST (IDX originales) en {root}")
        fill_idx(root)
    if "tfds" in parts:
        print(f"Oxford-IIIT Pet y tf_flowers (TFDS) en {root / TFDS_SUBDIR}")
        fill_tfds(root / TFDS_SUBDIR)
    if "keras" in parts:
        print(f"Pesos de ImageNet de keras.applications en {root / KERAS_SUBDIR}")
        fill_keras(root / KERAS_SUBDIR)
    print(f"Réplica lista. Cópiela a cada máquina y fije COURSE_DATA_DIR={root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
