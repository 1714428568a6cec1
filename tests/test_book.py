"""Layer 5 of DESIGN.md: the book builds with jupyter-book, warnings treated as errors.

Execution is proven by the notebook tests (nbval), so this build does not execute the
notebooks again: it uses _config.yml with execution turned off.
"""
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_book_builds_without_warnings(tmp_path):
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    repo = config["repository"]["url"].removeprefix("https://github.com/")
    branch = config["repository"]["branch"]
    config["execute"]["execute_notebooks"] = "off"
    config_path = tmp_path / "_config.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True))
    result = subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT), "--builder", "html",
         "--config", str(config_path), "--path-output", str(tmp_path), "-W", "-n", "--keep-going"],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    html = tmp_path / "_build" / "html"
    assert (html / "book" / "index.html").exists()
    for chapter in (ROOT / "book").glob("*.ipynb"):
        page = (html / "book" / f"{chapter.stem}.html").read_text(encoding="utf-8")
        links = set(re.findall(r"https://colab\.research\.google\.com/github/[^\"\s)]+", page))
        assert links == {f"https://colab.research.google.com/github/{repo}/blob/{branch}/book/{chapter.name}"}, (
            f"{chapter.name}: el botón de Colab y la insignia deben abrir este cuaderno; hay {links}")
