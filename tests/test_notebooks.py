"""Static checks of every notebook: Colab badge and install line use the repository URL of
_config.yml, the first cell calls setup(), notebooks are committed without outputs, chapters
are in the table of contents and close with a summary and references."""
import importlib.util
import re
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
REPO_URL = CONFIG["repository"]["url"].rstrip("/")
REPO = REPO_URL.removeprefix("https://github.com/")
BRANCH = CONFIG["repository"]["branch"]
CHAPTERS = sorted((ROOT / "book").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("*/*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("*/*.ipynb"))
ALL = CHAPTERS + SOLUTIONS + EXERCISES
_spec = importlib.util.spec_from_file_location("first_cell", ROOT / "scripts" / "first_cell.py")
first_cell = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(first_cell)
COLAB = re.compile(r"https://colab\.research\.google\.com/github/([^)\s\"]+)")


def _read(path):
    return nbformat.read(path, as_version=4)


def _name(path):
    return str(path.relative_to(ROOT))


def _student_path(path):
    """Where students open this notebook: a solution's badge points at its exercise."""
    relative = path.relative_to(ROOT)
    if relative.parts[0] == "solutions":
        relative = Path("exercises", *relative.parts[1:])
    return relative.as_posix()


def test_there_are_notebooks():
    assert CHAPTERS and SOLUTIONS and EXERCISES


@pytest.mark.parametrize("path", ALL, ids=_name)
def test_colab_badge_points_at_this_notebook_in_the_repository(path):
    links = COLAB.findall(_read(path).cells[0].source)
    assert links == [f"{REPO}/blob/{BRANCH}/{_student_path(path)}"], (
        f"{_name(path)}: la primera celda debe tener la insignia «Abrir en Colab» de este cuaderno")


@pytest.mark.parametrize("path", ALL, ids=_name)
def test_first_code_cell_installs_the_tagged_release_and_calls_setup(path):
    """The first code cell is scripts/first_cell.py's template: the URL of _config.yml, the tag
    v<version of pyproject.toml>, a pip install without --upgrade (Colab's packages stay), setup()."""
    first = next(c for c in _read(path).cells if c.cell_type == "code")
    assert first.source == first_cell.render(first.source, REPO_URL, first_cell.release()), (
        f"{_name(path)}: la primera celda no es la de la plantilla; ejecute python scripts/first_cell.py")
    assert f'REPO_URL = "{REPO_URL}"' in first.source
    assert re.search(r'^RELEASE = "v\d{4}\.\d+"$', first.source, re.M)
    assert '"google.colab" in sys.modules' in first.source
    install = re.search(r"subprocess\.run\((\[.*?\])", first.source).group(1)
    assert '"install"' in install and "@{RELEASE}" in install
    assert not re.search(r"--upgrade|-U\b|--force-reinstall", install), "la instalación no debe actualizar nada"
    assert re.search(r"^setup\(", first.source, re.M)


@pytest.mark.parametrize("path", ALL, ids=_name)
def test_notebook_is_committed_without_outputs(path):
    dirty = [i for i, c in enumerate(_read(path).cells)
             if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, f"{_name(path)}: celdas con salidas {dirty}; guárdelo sin salidas"


@pytest.mark.parametrize("path", CHAPTERS, ids=_name)
def test_chapter_opens_with_title_and_goals_and_closes_with_summary_and_references(path):
    markdown = "\n".join(c.source for c in _read(path).cells if c.cell_type == "markdown")
    assert _read(path).cells[0].source.startswith("# ")
    for heading in ("Objetivos", "Resumen", "Referencias"):
        assert re.search(rf"^#+ .*{heading}", markdown, re.M), f"{_name(path)}: falta la sección {heading}"


def _toc_files(entries):
    for entry in entries:
        if "file" in entry:
            yield entry["file"]
        yield from _toc_files(entry.get("sections", []) + entry.get("chapters", []))


def test_table_of_contents_lists_every_chapter():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    listed = set(_toc_files(toc.get("chapters", []) + toc.get("parts", [])))
    assert listed == {f"book/{p.stem}" for p in CHAPTERS} | {"book/bibliografia"}


@pytest.mark.parametrize("path", CHAPTERS, ids=_name)
def test_figure_metadata_has_alt_text_that_says_what_the_figure_shows(path):
    """Cells with MyST-NB figure metadata (scripts/figure_metadata.py writes it) give alt text of a
    few words, and a caption and a name when they are a numbered figure."""
    for index, cell in enumerate(_read(path).cells):
        mystnb = cell.get("metadata", {}).get("mystnb", {})
        if not mystnb:
            continue
        alt = mystnb.get("image", {}).get("alt", "")
        assert len(alt.split()) >= 3, f"{_name(path)}, celda {index}: falta el texto alternativo (image.alt)"
        if "figure" in mystnb:
            assert mystnb["figure"].get("caption") and mystnb["figure"].get("name", "").startswith("fig-"), (
                f"{_name(path)}, celda {index}: una figura numerada necesita caption y name (fig-...)")


# Calls that draw a figure: matplotlib's, and the course's plotting helpers (plots.*, widgets.draw_*).
_DRAWS_A_FIGURE = re.compile(r"\b(plt\.(show|subplots|figure|imshow)|show_(images|image_rows|channels|pixel_values|"
                             r"segmentation|vision_tasks)|plot_[a-z_]+|draw_[a-z_]+)\(")


@pytest.mark.parametrize("path", CHAPTERS, ids=_name)
def test_every_cell_that_draws_a_figure_has_alt_text(path):
    """A published page shows each figure with the alt text of its cell's metadata; without it
    the figure's alt text is its own file name."""
    missing = [index for index, cell in enumerate(_read(path).cells)
               if cell.cell_type == "code" and _DRAWS_A_FIGURE.search(cell.source)
               and not cell.get("metadata", {}).get("mystnb", {}).get("image", {}).get("alt")]
    assert not missing, (f"{_name(path)}: celdas con figura sin texto alternativo: {missing} "
                         "(scripts/figure_metadata.py lo añade)")


def _partial_credit_cells():
    for path in SOLUTIONS:
        for cell in _read(path).cells:
            grade = cell.metadata.get("nbgrader", {})
            if grade.get("grade") and "grading.Checks()" in cell.source:
                yield pytest.param(cell, grade["points"], id=f"{path.stem}:{grade['grade_id']}")


PARTIAL_CREDIT = list(_partial_credit_cells())


def test_several_assignments_give_partial_credit():
    assert len({p.id.split(":")[0] for p in PARTIAL_CREDIT}) >= 4, [p.id for p in PARTIAL_CREDIT]


@pytest.mark.parametrize("cell, points", PARTIAL_CREDIT)
def test_partial_credit_cell_scores_its_own_points_after_the_hidden_tests(cell, points):
    """nbgrader reads a cell's score from its last value: it must be ``checks.score(points)``,
    with the cell's own points, after the hidden tests (or those would not count)."""
    lines = cell.source.rstrip().splitlines()
    assert lines[-1] == f"checks.score({points:g})", lines[-1]
    hidden = cell.source.find("### END HIDDEN TESTS")
    assert hidden != -1 and hidden < cell.source.rfind("checks.score("), "checks.score debe ir tras las pruebas ocultas"
    body = cell.source[cell.source.find("### BEGIN HIDDEN TESTS"):hidden]
    assert "with checks:" in body, "las pruebas ocultas deben sumar por comprobación"


def _calls_outside_checks(tree, inside=False):
    """Names of the functions called outside every ``with checks:`` block of ``tree``."""
    import ast

    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            continue  # runs where it is called, which this static reading cannot follow
        guarded = inside or (isinstance(node, ast.With) and any(
            isinstance(item.context_expr, ast.Name) and item.context_expr.id == "checks" for item in node.items))
        if isinstance(node, ast.Call) and not guarded:
            func = node.func
            yield func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        yield from _calls_outside_checks(node, guarded)


@pytest.mark.parametrize("cell, points", PARTIAL_CREDIT)
def test_partial_credit_cell_gives_nothing_to_an_answer_that_delegates(cell, points):
    """``call_without`` raises an AssertionError, which a ``with checks:`` block would turn into a
    partial loss: the visible test must call the answer through it, outside those blocks and outside
    any helper function, so that delegating to course_utils scores 0."""
    import ast

    assert "call_without" in set(_calls_outside_checks(ast.parse(cell.source)))
