"""The local data mirror (course_utils.mirror): small files in the original formats, written here.

- IDX (MNIST, Fashion-MNIST), gzipped or not, read before the network, MD5-checked with pooch;
- a TFDS ``data_dir`` prepared by TFDS's own builders (tf_flowers, oxford_iiit_pet), read with
  ``download=False``;
- Keras application weights under Keras's own file name, loaded by build_pretrained_backbone.
"""
import gzip
import hashlib
import socket
import warnings

import numpy as np
import pytest

from course_utils import data, mirror
from course_utils.data import OfflineDataWarning


def _idx_bytes(array):
    codes = {np.dtype(np.uint8): 0x08, np.dtype(np.int8): 0x09}
    header = bytes([0, 0, codes[array.dtype], array.ndim])
    header += b"".join(int(n).to_bytes(4, "big") for n in array.shape)
    return header + array.tobytes()


def _write_idx_set(folder, arrays, gz):
    """Write the four IDX files of one data set; return {stem: (gz md5, raw md5)} as IDX_FILES has."""
    folder.mkdir(parents=True, exist_ok=True)
    hashes = {}
    for stem, array in arrays.items():
        raw = _idx_bytes(array)
        if gz:
            packed = gzip.compress(raw, mtime=0)
            (folder / f"{stem}.gz").write_bytes(packed)
        else:
            packed = b""
            (folder / stem).write_bytes(raw)
        hashes[stem] = (hashlib.md5(packed).hexdigest(), hashlib.md5(raw).hexdigest())
    return hashes


def _small_set(seed, n_train=6, n_test=4):
    rng = np.random.default_rng(seed)
    return {
        "train-images-idx3-ubyte": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "train-labels-idx1-ubyte": rng.integers(0, 10, n_train).astype(np.uint8),
        "t10k-images-idx3-ubyte": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "t10k-labels-idx1-ubyte": rng.integers(0, 10, n_test).astype(np.uint8),
    }


@pytest.fixture
def idx_mirror(tmp_path, monkeypatch):
    """A mirror with MNIST gzipped and Fashion-MNIST uncompressed; the registry holds their MD5s."""
    sets = {"mnist": (_small_set(1), True), "fashion-mnist": (_small_set(2), False)}
    registry = {name: _write_idx_set(tmp_path / name, arrays, gz) for name, (arrays, gz) in sets.items()}
    monkeypatch.setattr(mirror, "IDX_FILES", registry)
    monkeypatch.setenv(mirror.MIRROR_ENV, str(tmp_path))
    return tmp_path, {name: arrays for name, (arrays, _) in sets.items()}


def _no_network(*args, **kwargs):
    raise AssertionError("no debe llamarse a la red cuando la réplica tiene el archivo")


def _check(loaded, arrays):
    (x_train, y_train), (x_test, y_test) = loaded
    np.testing.assert_array_equal(x_train, arrays["train-images-idx3-ubyte"])
    np.testing.assert_array_equal(y_train, arrays["train-labels-idx1-ubyte"])
    np.testing.assert_array_equal(x_test, arrays["t10k-images-idx3-ubyte"])
    np.testing.assert_array_equal(y_test, arrays["t10k-labels-idx1-ubyte"])
    assert x_train.dtype == np.uint8 and x_train.shape[1:] == (28, 28)


def test_read_idx_reads_gzipped_and_plain_files(tmp_path):
    array = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    (tmp_path / "a").write_bytes(_idx_bytes(array))
    (tmp_path / "a.gz").write_bytes(gzip.compress(_idx_bytes(array)))
    for name in ("a", "a.gz"):
        np.testing.assert_array_equal(mirror.read_idx(tmp_path / name), array)


def test_loaders_read_the_mirror_before_the_network(idx_mirror, monkeypatch):
    import keras

    _, arrays = idx_mirror
    monkeypatch.setattr(keras.datasets.mnist, "load_data", _no_network)
    monkeypatch.setattr(keras.datasets.fashion_mnist, "load_data", _no_network)
    with warnings.catch_warnings():
        warnings.simplefilter("error", OfflineDataWarning)  # no stand-in either
        _check(data.load_mnist(), arrays["mnist"])               # gzipped files
        _check(data.load_fashion_mnist(), arrays["fashion-mnist"])  # uncompressed files


def test_a_recompressed_gz_is_accepted_by_the_md5_of_its_content(idx_mirror, monkeypatch):
    root, arrays = idx_mirror
    stem = "t10k-labels-idx1-ubyte"
    path = root / "mnist" / f"{stem}.gz"
    path.write_bytes(gzip.compress(gzip.decompress(path.read_bytes()), compresslevel=1, mtime=123))
    monkeypatch.setattr("keras.datasets.mnist.load_data", _no_network)
    _check(data.load_mnist(), arrays["mnist"])


def test_a_damaged_file_raises_a_spanish_mirror_error(idx_mirror):
    root, _ = idx_mirror
    path = root / "fashion-mnist" / "train-labels-idx1-ubyte"
    damaged = bytearray(path.read_bytes())
    damaged[-1] ^= 0xFF
    path.write_bytes(bytes(damaged))
    with pytest.raises(mirror.MirrorError, match="archivo dañado.*train-labels-idx1-ubyte.*make data"):
        data.load_fashion_mnist()  # not silently replaced by the network or the stand-in


def test_the_real_md5s_are_checked_by_default(tmp_path, monkeypatch):
    """With the published MD5s (not monkeypatched), a small file is not taken for MNIST."""
    _write_idx_set(tmp_path / "mnist", _small_set(3), gz=True)
    monkeypatch.setenv(mirror.MIRROR_ENV, str(tmp_path))
    with pytest.raises(mirror.MirrorError, match="dañado"):
        mirror.load_idx_dataset("mnist")


def test_order_is_mirror_then_network_then_stand_in(tmp_path, monkeypatch):
    import keras

    network = (( np.zeros((2, 28, 28), np.uint8), np.zeros(2, np.uint8)),
               (np.zeros((1, 28, 28), np.uint8), np.zeros(1, np.uint8)))
    # no COURSE_DATA_DIR: the network
    monkeypatch.delenv(mirror.MIRROR_ENV, raising=False)
    monkeypatch.setattr(keras.datasets.mnist, "load_data", lambda: network)
    assert data.load_mnist() is network
    # a mirror without MNIST in it: the network too
    monkeypatch.setenv(mirror.MIRROR_ENV, str(tmp_path))
    (tmp_path / "mnist").mkdir()
    assert data.load_mnist() is network

    # no mirror and no network: the stand-in, with a Spanish warning
    def offline():
        raise OSError("sin red (prueba)")

    monkeypatch.setattr(keras.datasets.mnist, "load_data", offline)
    with pytest.warns(OfflineDataWarning, match="No se pudo cargar MNIST"):
        (x_train, _), _ = data.load_mnist()
    assert x_train.shape[1:] == (28, 28)


def test_fill_idx_downloads_with_pooch_and_the_published_md5(tmp_path, monkeypatch):
    import pooch

    calls = []
    monkeypatch.setattr(pooch, "retrieve", lambda url, known_hash, fname, path, progressbar: calls.append(
        (url, known_hash, fname, path)))
    mirror.fill_idx(tmp_path, names=("fashion-mnist",))
    assert len(calls) == 4
    url, known_hash, fname, path = calls[0]
    assert url.startswith(mirror.IDX_SOURCES["fashion-mnist"]) and url.endswith(fname)
    assert known_hash == "md5:" + mirror.IDX_FILES["fashion-mnist"][fname[:-3]][0]
    assert path == tmp_path / "fashion-mnist"


def test_main_needs_a_directory(monkeypatch, capsys):
    monkeypatch.delenv(mirror.MIRROR_ENV, raising=False)
    with pytest.raises(SystemExit):
        mirror.main([])
    assert "COURSE_DATA_DIR" in capsys.readouterr().err


# --- TFDS data_dir ---------------------------------------------------------------------------

def _prepare_small_tfds(data_dir, name, splits):
    """Prepare ``name`` in ``data_dir`` with TFDS's own builder (same features, version, file
    layout), but from the examples given here instead of the download."""
    import tensorflow_datasets as tfds
    from tensorflow_datasets.core import registered

    real = tfds.builder_cls(name)
    with registered.skip_registration():
        class Small(real):
            def _split_generators(self, dl_manager):
                return {split: self._generate_examples(examples) for split, examples in splits.items()}

            def _generate_examples(self, examples):
                yield from enumerate(examples)
    Small.name = name
    Small(data_dir=str(data_dir)).download_and_prepare()
    return data_dir / name / str(real.VERSION)


def _offline(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("sin red (prueba)")
    monkeypatch.setattr(socket, "create_connection", no_network)


def test_flowers_come_from_the_mirrors_tfds_data_dir(tmp_path, monkeypatch):
    rng = np.random.default_rng(0)
    examples = [{"image": rng.integers(0, 256, (40 + i, 50, 3), dtype=np.uint8), "label": i % 5}
                for i in range(10)]
    prepared = _prepare_small_tfds(tmp_path / mirror.TFDS_SUBDIR, "tf_flowers", {"train": examples})
    assert (prepared / "dataset_info.json").is_file()
    monkeypatch.setenv(mirror.MIRROR_ENV, str(tmp_path))
    _offline(monkeypatch)
    with warnings.catch_warnings():
        warnings.simplefilter("error", OfflineDataWarning)
        task = data.load_flowers(image_size=32, test_fraction=0.5)
    assert task.source == "tf_flowers"
    assert task.class_names == ("dandelion", "daisy", "tulips", "sunflowers", "roses")
    assert task.x_train.shape == (5, 32, 32, 3) and task.x_test.shape == (5, 32, 32, 3)
    assert task.x_train.dtype == np.uint8
    assert sorted(np.concatenate([task.y_train, task.y_test]).tolist()) == sorted(i % 5 for i in range(10))


def test_pets_come_from_the_mirrors_tfds_data_dir(tmp_path, monkeypatch):
    rng = np.random.default_rng(1)

    def example(i):
        h, w = 48 + i, 40
        trimap = np.full((h, w, 1), 2, np.uint8)          # background
        trimap[h // 4:3 * h // 4, w // 4:3 * w // 4] = 1   # the pet
        trimap[h // 4, w // 4:3 * w // 4] = 3              # a border row
        return {"image": rng.integers(0, 256, (h, w, 3), dtype=np.uint8), "segmentation_mask": trimap,
                "label": i % 37, "species": i % 2, "file_name": f"pet_{i}.jpg",
                "head_bbox": np.array([0.1, 0.1, 0.5, 0.5], np.float32)}

    _prepare_small_tfds(tmp_path / mirror.TFDS_SUBDIR, "oxford_iiit_pet",
                        {"train": [example(i) for i in range(4)], "test": [example(i) for i in range(4, 7)]})
    monkeypatch.setenv(mirror.MIRROR_ENV, str(tmp_path))
    _offline(monkeypatch)
    with warnings.catch_warnings():
        warnings.simplefilter("error", OfflineDataWarning)
        (x_train, y_train), (x_test, y_test) = data.load_oxford_pets(size=32)
    assert x_train.shape == (4, 32, 32, 3) and x_train.dtype == np.uint8
    assert y_train.shape == (4, 32, 32) and x_test.shape == (3, 32, 32, 3) and y_test.shape == (3, 32, 32)
    assert set(np.unique(y_train)) == {0, 1, 2}  # trimap 1, 2, 3 -> pet 0, background 1, border 2
    assert y_train[0, 16, 16] == 0 and y_train[0, 0, 0] == 1


# --- Keras application weights -------------------------------------------------------------

def test_keras_weights_filenames_are_kerass_own():
    assert mirror.keras_weights_filename("MobileNetV2", (160, 160, 3)) == (
        "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_160_no_top.h5")
    assert mirror.keras_weights_filename("MobileNetV2", (100, 100, 3)).endswith("_1.0_224_no_top.h5")
    assert mirror.keras_weights_filename("EfficientNetB0", (96, 96, 3)) == "efficientnetb0_notop.h5"
    with pytest.raises(ValueError, match="no conozco"):
        mirror.keras_weights_filename("AlexNet", (96, 96, 3))


def _save_legacy_h5(model, path):
    """Write weights in the legacy HDF5 layout of the files keras.applications downloads."""
    import h5py
    from keras.src.legacy.saving import legacy_h5_format

    with h5py.File(path, "w") as handle:
        legacy_h5_format.save_weights_to_hdf5_group(handle, model)


def test_pretrained_backbone_loads_imagenet_weights_from_the_mirror(tmp_path, monkeypatch):
    import keras

    from course_utils.models.transfer import build_pretrained_backbone

    shape = (96, 96, 3)
    keras.utils.set_random_seed(5)
    reference = keras.applications.MobileNetV2(include_top=False, weights=None, input_shape=shape)
    folder = tmp_path / mirror.KERAS_SUBDIR
    folder.mkdir(parents=True)
    _save_legacy_h5(reference, folder / mirror.keras_weights_filename("MobileNetV2", shape))
    monkeypatch.setenv(mirror.MIRROR_ENV, str(tmp_path))
    monkeypatch.setattr(keras.utils, "get_file", _no_network)
    monkeypatch.setattr("keras.src.utils.file_utils.get_file", _no_network)
    with warnings.catch_warnings():
        warnings.simplefilter("error", OfflineDataWarning)
        base = build_pretrained_backbone("MobileNetV2", shape)
    assert base.output_shape == (None, 3, 3, 1280)
    for got, want in zip(base.get_weights(), reference.get_weights()):
        np.testing.assert_array_equal(got, want)
    # the chapter's preprocessing for this backbone: [0, 255] -> [-1, 1]
    preprocess = keras.applications.mobilenet_v2.preprocess_input
    np.testing.assert_allclose(preprocess(np.array([0.0, 127.5, 255.0], np.float32)), [-1.0, 0.0, 1.0])
    features = base(preprocess(np.full((1, *shape), 255.0, np.float32)))
    assert features.shape == (1, 3, 3, 1280)


def test_a_damaged_weights_file_raises_a_spanish_mirror_error(tmp_path, monkeypatch):
    from course_utils.models.transfer import build_pretrained_backbone

    shape = (96, 96, 3)
    folder = tmp_path / mirror.KERAS_SUBDIR
    folder.mkdir(parents=True)
    (folder / mirror.keras_weights_filename("MobileNetV2", shape)).write_bytes(b"no es un HDF5")
    monkeypatch.setenv(mirror.MIRROR_ENV, str(tmp_path))
    with pytest.raises(mirror.MirrorError, match="pesos dañado"):
        build_pretrained_backbone("MobileNetV2", shape)


def test_fill_keras_uses_kerass_get_file_into_the_mirror(tmp_path, monkeypatch):
    import keras

    calls = []
    monkeypatch.setattr(keras.utils, "get_file", lambda fname, origin, cache_dir, cache_subdir: calls.append(
        (fname, origin, cache_dir, cache_subdir)))
    mirror.fill_keras(tmp_path / "keras" / "models")
    fname, origin, cache_dir, cache_subdir = calls[0]
    assert fname == mirror.keras_weights_filename(*mirror.KERAS_WEIGHTS[0])
    assert origin.endswith("/" + fname) and origin.startswith("https://storage.googleapis.com/")
    assert (cache_dir, cache_subdir) == (str(tmp_path / "keras"), "models")
