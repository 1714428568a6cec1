"""Escribe la primera celda de código de cada cuaderno (book/ y solutions/) a partir de una plantilla.

La celda instala en Colab la versión etiquetada del curso (``git+URL@vAAAA.N``) sin actualizar lo
que Colab ya trae, y llama a ``setup()``. La URL del repositorio sale de ``_config.yml`` y la versión
de ``pyproject.toml`` (la etiqueta es ``v`` + versión): es lo único que hay que cambiar para fijar
la versión de un curso. Solo se toca esa celda (su texto); la llamada a ``setup(...)`` de cada
cuaderno se conserva.

    python scripts/first_cell.py           # reescribe las celdas
    python scripts/first_cell.py --check   # solo comprueba (sale con 1 si alguna difiere)

Después, regenere exercises/ con ``make exercises``.
"""
import argparse
import pathlib
import re
import sys
import tomllib

import nbformat
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[1]

TEMPLATE = '''\
# Preparación. En Colab instala course_utils, la versión etiquetada del curso, sin actualizar nada de
# lo que Colab ya trae (sin --upgrade, pip solo añade lo que falta). En local ya está instalado.
import subprocess
import sys

REPO_URL = "{url}"
RELEASE = "{release}"
if "google.colab" in sys.modules:
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", f"git+{{REPO_URL}}@{{RELEASE}}"], check=True)

from course_utils import setup

{setup}'''


def repository_url(root=ROOT):
    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"].rstrip("/")


def release(root=ROOT):
    """La etiqueta de git de esta versión: ``v`` + la versión de pyproject.toml (p. ej. ``v2026.1``)."""
    return "v" + tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def notebooks(root=ROOT):
    return sorted(root.glob("book/*.ipynb")) + sorted(root.glob("solutions/*/*.ipynb"))


def render(source, url, tag):
    """La primera celda nueva, conservando la llamada a ``setup(...)`` de ``source``."""
    calls = re.findall(r"^setup\(.*$", source, re.M)
    return TEMPLATE.format(url=url, release=tag, setup=calls[-1] if calls else "setup()")


def first_code_cell(notebook):
    return next(cell for cell in notebook.cells if cell.cell_type == "code")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="solo comprobar, sin escribir")
    args = parser.parse_args(argv)
    url, tag = repository_url(), release()
    stale = []
    for path in notebooks():
        notebook = nbformat.read(path, as_version=4)
        cell = first_code_cell(notebook)
        wanted = render(cell.source, url, tag)
        if cell.source != wanted:
            stale.append(path.relative_to(ROOT))
            if not args.check:
                cell.source = wanted
                nbformat.write(notebook, path)
    for path in stale:
        print(("difiere: " if args.check else "reescrita: ") + str(path))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
