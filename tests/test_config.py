"""course_utils.config: run mode, budget, setup."""
import random

import numpy as np
import pytest

from course_utils import config


@pytest.mark.parametrize("value,quick", [("1", True), ("true", True), ("sí", True), ("0", False), ("", False)])
def test_is_quick_reads_the_environment(monkeypatch, value, quick):
    monkeypatch.setenv("COURSE_QUICK", value)
    assert config.is_quick() is quick


def test_budget_picks_the_value_of_the_mode(monkeypatch):
    monkeypatch.setenv("COURSE_QUICK", "1")
    assert config.budget(full=15, quick=1) == 1
    monkeypatch.delenv("COURSE_QUICK")
    assert config.budget(full=15, quick=1) == 15


def test_setup_seeds_every_generator_and_reports_the_device(capsys, monkeypatch):
    monkeypatch.setenv("COURSE_QUICK", "1")
    import tensorflow as tf

    config.setup(seed=7)
    first = (random.random(), np.random.rand(), float(tf.random.uniform(())))
    line = config.setup(seed=7)
    second = (random.random(), np.random.rand(), float(tf.random.uniform(())))
    assert first == second
    assert line.startswith("Dispositivo: CPU") and "modo rápido" in line and "semilla 7" in line
    assert line in capsys.readouterr().out


def test_setup_without_tensorflow_still_seeds_numpy(capsys):
    line = config.setup(seed=3, tensorflow=False)
    a = np.random.rand()
    config.setup(seed=3, tensorflow=False, verbose=False)
    assert np.random.rand() == a
    assert "solo NumPy" in line


def test_a_notebook_shows_the_setup_line_once():
    """The first cell ends in setup(): the printed line, and no second copy as the cell's result."""
    import nbformat
    import nbclient

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "from course_utils import setup\n\nsetup(tensorflow=False)")])
    nbclient.NotebookClient(notebook, kernel_name="python3", timeout=120).execute()
    outputs = notebook.cells[0].outputs
    assert [o["output_type"] for o in outputs] == ["stream"], outputs
    assert outputs[0]["text"].count("Dispositivo:") == 1


def test_setup_rejects_a_bad_seed():
    with pytest.raises(ValueError, match="semilla"):
        config.setup(seed=-1)


def test_enable_onednn_turns_it_on_unless_the_reader_chose(monkeypatch):
    monkeypatch.delenv("TF_ENABLE_ONEDNN_OPTS", raising=False)
    config.enable_onednn()
    assert config.os.environ["TF_ENABLE_ONEDNN_OPTS"] == "1"
    monkeypatch.setenv("TF_ENABLE_ONEDNN_OPTS", "0")
    config.enable_onednn()
    assert config.os.environ["TF_ENABLE_ONEDNN_OPTS"] == "0"


def test_after_setup_tensorflow_runs_its_oneDNN_kernels():
    """On CPUs without AVX-512 VNNI or AMX, TensorFlow leaves oneDNN off unless asked; setup() asks."""
    import os
    import subprocess
    import sys

    code = ("from course_utils import setup\nsetup(verbose=False)\n"
            "from tensorflow.python.util import _pywrap_util_port as port\nprint(port.IsMklEnabled())")
    env = {k: v for k, v in os.environ.items() if k != "TF_ENABLE_ONEDNN_OPTS"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert run.stdout.strip().splitlines()[-1:] == ["True"], run.stderr[-2000:]
