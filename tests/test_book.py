"""Layer 5 of DESIGN.md: the book builds (jupyter-book, warnings as errors), and headless Chromium
shows its pages as a reader would, with no network.

One build serves every test here. Execution of the chapters is proven by the notebook tests
(nbval), so this build executes (with nbclient, as Jupyter Book does, keeping the widget state)
only the cheap chapters in ``EXECUTED`` (quick mode), enough to check what only an executed page has: figures with alt text, frozen widget explorers with their
controls, the setup line printed once. Every page is checked for JavaScript errors, typeset
formulas, no request that needs the network (MathJax, RequireJS and the widget manager are served
by the book itself) and the Colab button.

``COURSE_SCREENSHOTS=/a/folder`` saves a screenshot of each executed chapter there.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from browser import Browser, find_chromium

ROOT = Path(__file__).resolve().parents[1]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
REPO = CONFIG["repository"]["url"].removeprefix("https://github.com/")
BRANCH = CONFIG["repository"]["branch"]
CHAPTERS = sorted(p.stem for p in (ROOT / "book").glob("*.ipynb"))
PAGES = ["index", *CHAPTERS, "bibliografia"]
EXECUTED = ["01_imagenes"]  # cheap in quick mode, and it has formulas, figures and a widget explorer


def _execute(path, work):
    """Execute a notebook in quick mode and keep its outputs and frozen widget state, with the
    kernel on IPC sockets (TCP ports picked by the client can collide with other kernels')."""
    import nbformat
    from jupyter_client import KernelManager
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    manager = KernelManager(kernel_name="python3", transport="ipc", ip=str(work / "kernel"))
    NotebookClient(notebook, km=manager, timeout=600, store_widget_state=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(notebook, path)


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    out = tmp_path_factory.mktemp("book")
    source = out / "src"  # a copy of what the book is built from; the chapters in EXECUTED get outputs
    shutil.copytree(ROOT / "book", source / "book")
    for name in ("_vendor", "_ext"):
        shutil.copytree(ROOT / name, source / name)
    shutil.copy(ROOT / "_toc.yml", source / "_toc.yml")
    os.environ["COURSE_QUICK"] = "1"
    for chapter in EXECUTED:
        _execute(source / "book" / f"{chapter}.ipynb", out)
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["execute"]["execute_notebooks"] = "off"
    (source / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False))  # script order
    result = subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source), "--builder", "html",
         "-W", "-n", "--keep-going"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return source / "_build" / "html"


def test_book_builds_without_warnings(html):
    assert (html / "book" / "index.html").exists()
    for page in PAGES:
        assert (html / "book" / f"{page}.html").exists(), page


def test_every_colab_link_opens_its_own_notebook(html):
    for chapter in CHAPTERS:
        page = (html / "book" / f"{chapter}.html").read_text(encoding="utf-8")
        links = set(re.findall(r"https://colab\.research\.google\.com/github/[^\"\s)]+", page))
        assert links == {f"https://colab.research.google.com/github/{REPO}/blob/{BRANCH}/book/{chapter}.ipynb"}, (
            f"{chapter}: el botón de Colab y la insignia deben abrir este cuaderno; hay {links}")


def test_bibliography_page_lists_every_cited_work(html):
    """Each key cited with {cite} in the book has its entry on the bibliography page (the -W build
    has already checked that every key exists in book/references.bib)."""
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "book").glob("*.*") if p.suffix in (".ipynb", ".md")]
    cited = {key.strip() for text in sources
             for keys in re.findall(r"\{cite(?::[a-z]+)?\}`([^`]+)`", text) for key in keys.split(",")}
    page = (html / "book" / "bibliografia.html").read_text(encoding="utf-8")
    entries = page.count('role="doc-biblioentry"')
    assert entries == len(cited), f"la bibliografía tiene {entries} entradas y el libro cita {len(cited)} obras"


def test_the_book_does_not_load_anything_from_a_cdn(html):
    for page in PAGES:
        text = (html / "book" / f"{page}.html").read_text(encoding="utf-8")
        scripts = re.findall(r'<script[^>]+src="([^"]+)"', text)
        remote = [s for s in scripts if re.match(r"(https?:)?//", s)]
        assert not remote, f"{page}: scripts que necesitan la red: {remote}"


# --- What the reader's browser shows -------------------------------------------------------

# Every formula typeset, once MathJax has finished; widgets rendered from their frozen state.
_READY = """(() => {
  if (!document.querySelector('span.math, div.math')) return true;
  if (!(window.MathJax && MathJax.startup && MathJax.startup.promise)) return false;  // not loaded yet
  return MathJax.startup.promise.then(() => true);  // resolved once the first typesetting is done
})()"""
_WIDGETS_READY = """(() => {
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
  return [...views].every(v => v.parentElement.querySelector('.jupyter-widgets, .widget-box'));
})()"""
_PAGE_STATE = r"""(() => {
  const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const maths = [...document.querySelectorAll('span.math, div.math')];
  const untypeset = maths.filter(m => !m.querySelector('mjx-container')).map(m => m.textContent.slice(0, 60));
  const mathErrors = [...document.querySelectorAll('mjx-merror')].map(m => m.textContent);
  const images = [...document.querySelectorAll('.cell_output img, .output img')].map(img => ({
      src: img.getAttribute('src'), alt: img.getAttribute('alt') || '',
      loaded: img.complete && img.naturalWidth > 0, visible: visible(img)}));
  const cells = [...document.querySelectorAll('div.cell')];
  const widgets = [];
  cells.forEach((cell, i) => {
    const views = cell.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
    if (!views.length) return;
    const rendered = cell.querySelector('.jupyter-widgets, .widget-container, .widget-box');
    const controls = cell.querySelectorAll('.widget-slider, .widget-dropdown select, select, input, .widget-toggle-button, button');
    const next = cells.slice(i + 1).find(c => c.querySelector('.cell_output'));
    widgets.push({cell: i, views: views.length, rendered: !!rendered && visible(rendered),
                  controls: [...controls].filter(visible).length,
                  figureAfter: !!(next && next.querySelector('.cell_output img'))});
  });
  const colab = [...document.querySelectorAll('a[href*="colab.research.google.com/github/"]')].map(a => a.href);
  const text = document.body.innerText;
  return {maths: maths.length, untypeset, mathErrors, images, widgets, colab,
          deviceLines: (text.match(/Dispositivo: /g) || []).length};
})()"""


@pytest.fixture(scope="module")
def pages(html):
    if find_chromium() is None:
        pytest.fail("Falta Chromium (paquete de Debian `chromium`); .ci/run lo instala con apt-get.")
    browser = Browser()
    shots = os.environ.get("COURSE_SCREENSHOTS", "").strip()
    seen = {}
    try:
        for page in PAGES:
            problems = browser.open((html / "book" / f"{page}.html").as_uri(), ready=_READY)
            browser.wait_for(_WIDGETS_READY, 60)
            state = browser.evaluate(_PAGE_STATE)
            seen[page] = {**problems, **state}
            if shots and page in EXECUTED + ["03_pooling"]:
                Path(shots).mkdir(parents=True, exist_ok=True)
                browser.evaluate("(document.querySelector('.jupyter-widgets') || document.querySelector('div.math')"
                                 " || document.body).scrollIntoView(); window.scrollBy(0, -80); true")
                browser.wait_for("new Promise(r => setTimeout(() => r(true), 500))", 5)
                browser.screenshot(Path(shots) / f"{page}.png")
    finally:
        browser.close()
    return seen


@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_javascript_errors_and_needs_no_network(pages, page):
    seen = pages[page]
    assert not seen["exceptions"], f"{page}: errores de JavaScript {seen['exceptions']}"
    # the theme's notice on a first visit (no light/dark choice stored yet) is not an error
    console = [c for c in seen["console"] if not c.startswith("Got invalid theme mode")]
    assert not console, f"{page}: errores en la consola {console}"
    # only the Colab badge (an image on colab.research.google.com) may need the network
    needed = [f for f in seen["failed"] if f[0] != "Image" or "colab" not in f[1]]
    assert not needed, f"{page}: peticiones que necesitan la red o fallan: {needed}"


@pytest.mark.parametrize("page", PAGES)
def test_every_formula_is_typeset(pages, page):
    seen = pages[page]
    assert not seen["untypeset"], f"{page}: fórmulas sin componer: {seen['untypeset'][:5]}"
    assert not seen["mathErrors"], f"{page}: errores de MathJax: {seen['mathErrors'][:5]}"


def test_chapters_have_formulas(pages):
    assert sum(pages[c]["maths"] for c in CHAPTERS) > 50


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_colab_button_points_at_this_chapter(pages, chapter):
    expected = f"https://colab.research.google.com/github/{REPO}/blob/{BRANCH}/book/{chapter}.ipynb"
    assert pages[chapter]["colab"] and set(pages[chapter]["colab"]) == {expected}, pages[chapter]["colab"]


@pytest.mark.parametrize("chapter", EXECUTED)
def test_every_figure_is_shown_with_alt_text_that_says_what_it_shows(pages, chapter):
    images = pages[chapter]["images"]
    assert images, f"{chapter}: la página ejecutada no tiene figuras"
    broken = [i["src"] for i in images if not i["loaded"]]
    assert not broken, f"{chapter}: figuras que no se cargan: {broken}"
    unnamed = [i["src"] for i in images if not alt_text_describes(i["alt"], i["src"])]
    assert not unnamed, (
        f"{chapter}: {len(unnamed)} de {len(images)} figuras sin texto alternativo que diga qué muestran. "
        "Añádalo en los metadatos de la celda: scripts/figure_metadata.py (ver su ayuda).")


@pytest.mark.parametrize("chapter", EXECUTED)
def test_widget_explorers_show_their_controls_and_the_static_figure_after_them(pages, chapter):
    widgets = pages[chapter]["widgets"]
    assert widgets, f"{chapter}: no hay exploradores congelados en la página"
    for widget in widgets:
        assert widget["rendered"], f"{chapter}: el explorador de la celda {widget['cell']} está vacío"
        assert widget["controls"] >= 2, f"{chapter}: el explorador de la celda {widget['cell']} no muestra sus controles"
        assert widget["figureAfter"], f"{chapter}: tras el explorador de la celda {widget['cell']} falta la figura estática"


@pytest.mark.parametrize("chapter", EXECUTED)
def test_setup_line_is_printed_once(pages, chapter):
    assert pages[chapter]["deviceLines"] == 1


def alt_text_describes(alt, src=""):
    """Whether ``alt`` describes a figure: not empty, not a file name, a few words."""
    alt = alt.strip()
    if not alt or alt == src or re.search(r"\.(png|jpe?g|svg|gif)$", alt, re.I) or "_images/" in alt:
        return False
    return len(alt.split()) >= 3


def test_alt_text_check_rejects_file_names():
    assert not alt_text_describes("../_images/abc123.png", "../_images/abc123.png")
    assert not alt_text_describes("")
    assert not alt_text_describes("figura")
    assert alt_text_describes("Cuadrícula de ocho dígitos de MNIST en escala de grises")
