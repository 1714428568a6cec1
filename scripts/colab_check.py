"""`make test-colab`: Colab as it is, on this machine's Python.

1. A venv with the versions Colab's runtime ships (googlecolab/backend-info, August 2026).
2. A clone of this checkout, tagged with the release the notebooks install (v + pyproject version).
3. The first code cell of a chapter, run as Colab runs it (``google.colab`` imported), with the
   repository URL pointing at that clone: it must install course_utils without changing the
   version of anything Colab already had.
4. The widget tests on ipywidgets 7.7, and one chapter executed in quick mode.

Prints the time of each step; exits non-zero on any failure. Needs the package registry (pip).
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[1]


def release():
    """v + the version in pyproject.toml (as scripts/first_cell.py writes it into the notebooks)."""
    return "v" + tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def repository_url():
    """repository.url of _config.yml (read without PyYAML: this runs on a bare Python)."""
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    return re.search(r"^repository:\s*\n(?:\s+.*\n)*?\s+url:\s*(\S+)", config, re.M).group(1).rstrip("/")

# What Colab's runtime has (its public pip-freeze, August 2026). Python there is 3.13.
COLAB = {
    "tensorflow": "2.20.0",
    "keras": "3.13.2",
    "ipywidgets": "7.7.1",
    "numpy": "2.1.3",
    "tensorflow-datasets": "4.9.10",
    "notebook": "6.5.7",
    "ipykernel": "6.17.1",
}
# Also on Colab (any version that fits the pins above), and what running the checks needs.
ALSO = ["matplotlib", "scipy", "scikit-learn", "scikit-image", "pooch", "nbconvert", "nbclient", "pytest"]
CHAPTER = "book/03_pooling.ipynb"  # cheap in quick mode, and it has a widget explorer
WIDGET_TESTS = ["tests/test_widgets.py", "tests/test_widgets_pooling.py", "tests/test_widgets_conv.py"]


def run(*args, **kwargs):
    print("$", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], check=True, **kwargs)


def freeze(python):
    out = subprocess.run([str(python), "-m", "pip", "list", "--format=json"], check=True,
                         capture_output=True, text=True).stdout
    return {p["name"].lower().replace("_", "-"): p["version"] for p in json.loads(out)}


def main():
    times = {}
    work = pathlib.Path(os.environ.get("COLAB_CHECK_DIR") or tempfile.mkdtemp(prefix="colab-"))
    venv, repo = work / "venv", work / "repo"
    python = venv / "bin" / "python"
    start = time.monotonic()
    if not python.exists():
        run(sys.executable, "-m", "venv", venv)
    run(python, "-m", "pip", "install", "-q", "--upgrade", "pip")
    run(python, "-m", "pip", "install", "-q", *(f"{k}=={v}" for k, v in COLAB.items()), *ALSO)
    times["entorno con las versiones de Colab"] = time.monotonic() - start

    start = time.monotonic()
    tag = release()
    shutil.rmtree(repo, ignore_errors=True)
    run("git", "clone", "-q", ROOT, repo)
    run("git", "-C", repo, "tag", "-f", tag)
    notebook = json.loads((ROOT / CHAPTER).read_text(encoding="utf-8"))
    cell = "".join(next(c for c in notebook["cells"] if c["cell_type"] == "code")["source"])
    url = repository_url()
    assert f'REPO_URL = "{url}"' in cell and f'RELEASE = "{tag}"' in cell, "la primera celda no es la de la plantilla"
    local = cell.replace(f'REPO_URL = "{url}"', f'REPO_URL = "file://{repo}"')
    before = freeze(python)
    program = "import sys, types\nsys.modules['google.colab'] = types.ModuleType('google.colab')  # as on Colab\n" + local
    run(python, "-c", program, cwd=work, env={**os.environ, "PYTHONPATH": "", "COURSE_QUICK": "1"})
    after = freeze(python)
    times["primera celda (pip install de la etiqueta)"] = time.monotonic() - start
    changed = {name: (before[name], after.get(name)) for name in before if after.get(name) != before[name]}
    added = sorted(set(after) - set(before))
    print(f"instalado: {added}; versiones cambiadas: {changed or 'ninguna'}")
    assert after.get("course-utils") == tag[1:], f"no se instaló course_utils {tag}: {after.get('course-utils')}"
    assert not changed, f"la instalación cambió paquetes que Colab ya tenía: {changed}"
    for name, version in COLAB.items():
        assert after[name] == version, (name, after[name])

    start = time.monotonic()
    env = {**os.environ, "PYTHONPATH": "", "COURSE_QUICK": "1", "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"}
    tests = work / "tests"
    shutil.rmtree(tests, ignore_errors=True)
    shutil.copytree(ROOT / "tests", tests)  # the installed course_utils, not the checkout's
    run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *(work / t for t in WIDGET_TESTS), cwd=work, env=env)
    times["pruebas de los widgets con ipywidgets 7.7"] = time.monotonic() - start

    start = time.monotonic()
    run(venv / "bin" / "jupyter", "nbconvert", "--to", "notebook", "--execute", repo / CHAPTER,
        "--output-dir", work / "out", "--ExecutePreprocessor.timeout=600", cwd=work, env=env)
    times[f"{CHAPTER} en modo rápido"] = time.monotonic() - start

    print("\nmake test-colab: correcto")
    for what, seconds in times.items():
        print(f"  {what}: {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
