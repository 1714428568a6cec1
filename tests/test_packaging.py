"""pyproject.toml and environment.yml declare the same dependencies with the same ranges."""
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _parse(requirement):
    name, spec = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def _pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["dev"]
    return dict(_parse(r) for r in requirements)


def _environment():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict) and "pip" in d)
    return dict(_parse(r) for r in pip if not r.startswith("-e"))


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    assert _environment() == _pyproject()


def test_core_dependencies_have_the_ranges_the_course_needs():
    deps = _pyproject()
    assert deps["tensorflow"] == ">=2.16,<3"  # Keras 3 is TensorFlow's Keras from 2.16 on
    assert deps["keras"] == ">=3.0,<4"
    assert deps["jupyter-book"] == ">=1.0,<2"
    assert deps["nbgrader"] == ">=0.9,<0.10"
    assert deps["ipywidgets"] == ">=7.7,<9"  # Colab ships 7.7.1; 8 elsewhere
    assert {"nbval", "matplotlib", "scikit-learn", "scikit-image"} <= set(deps)


def test_python_versions_declared_are_the_tested_ones():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.11"  # tomllib in the tests; Colab runs 3.13
    versions = {c.rsplit(":: ", 1)[1] for c in project["classifiers"] if re.search(r"Python :: 3\.\d+$", c)}
    assert {"3.11", "3.13"} <= versions
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in environment["dependencies"]


def test_licences_are_stated():
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert "Attribution-ShareAlike 4.0" in (ROOT / "LICENSE-CONTENT").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "MIT" in readme and "CC BY-SA 4.0" in readme
    footer = yaml.safe_load((ROOT / "_config.yml").read_text())["html"]["extra_footer"]
    assert "CC BY-SA 4.0" in footer and "MIT" in footer


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    assert "make test" in (ROOT / "README.md").read_text()
    assert "make book" in (ROOT / "README.md").read_text()


def test_nbgrader_config_points_at_solutions_and_exercises():
    config = (ROOT / "nbgrader_config.py").read_text()
    assert 'source_directory = "solutions"' in config
    assert 'release_directory = "exercises"' in config


def test_install_leaves_out_the_slow_iri_grammar():
    """make install uninstalls rfc3987-syntax: importing it costs 2-3 s in every nbgrader process."""
    import importlib.util

    assert importlib.util.find_spec("rfc3987_syntax") is None, "rfc3987-syntax está instalado: `make install`"
    assert "pip uninstall -q -y rfc3987-syntax" in (ROOT / "Makefile").read_text()


def test_readme_chapter_table_gives_each_chapter_its_assignments():
    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Capítulos y tareas", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\d)\. [^|]+\| (.+) \|$", table, re.M)
    assert [int(number) for number, _ in rows] == list(range(1, 10))
    named = set(re.findall(r"`(a\d_\w+)`", table))
    assert named == {p.name for p in (ROOT / "solutions").iterdir() if p.is_dir()}
    assert all("`a" in tasks for _, tasks in rows), rows
