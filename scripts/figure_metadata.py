"""Pone el pie, el nombre y el texto alternativo de la figura que produce una celda (MyST-NB).

El libro muestra cada figura con el texto alternativo que diga qué muestra (para quien no la ve) y,
si la prosa la cita, con un pie y un nombre para ``{numref}``. Se guardan en los metadatos de la
celda, que MyST-NB lee al construir el libro::

    {"mystnb": {"image": {"alt": "..."}, "figure": {"caption": "...", "name": "fig-..."}}}

Uso (la celda se elige por un fragmento único de su código, o por su id)::

    python scripts/figure_metadata.py book/01_imagenes.ipynb "show_images(x_train[:8]" \\
        --alt "Ocho dígitos de MNIST en escala de grises, de 28×28 píxeles" \\
        --caption "Los primeros ocho dígitos del conjunto de entrenamiento." --name fig-mnist-ejemplos
    python scripts/figure_metadata.py book/01_imagenes.ipynb --list   # celdas con figura y su texto

Solo cambia los metadatos de esa celda; el resto del cuaderno queda igual.
"""
import argparse
import sys

import nbformat


def find_cell(notebook, selector):
    """La celda de código cuyo id es ``selector`` o cuyo código contiene ``selector`` (una sola)."""
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    by_id = [c for c in cells if c.get("id") == selector]
    if by_id:
        return by_id[0]
    matches = [c for c in cells if selector in c.source]
    if len(matches) != 1:
        raise SystemExit(f"figure_metadata: {len(matches)} celdas contienen {selector!r}; hace falta exactamente una.")
    return matches[0]


def set_figure(cell, alt, caption=None, name=None):
    """Escribe ``alt`` (y, si se dan, ``caption`` y ``name``) en ``cell.metadata["mystnb"]``."""
    if not alt or len(alt.split()) < 3:
        raise ValueError("figure_metadata: el texto alternativo debe decir qué muestra la figura (unas palabras).")
    mystnb = cell.metadata.setdefault("mystnb", {})
    mystnb.setdefault("image", {})["alt"] = alt
    if caption or name:
        figure = mystnb.setdefault("figure", {})
        if caption:
            figure["caption"] = caption
        if name:
            figure["name"] = name
    return cell


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebook")
    parser.add_argument("selector", nargs="?", help="id de la celda o fragmento único de su código")
    parser.add_argument("--alt", help="texto alternativo: qué muestra la figura")
    parser.add_argument("--caption", help="pie de figura (si la prosa la cita)")
    parser.add_argument("--name", help="nombre para {numref}, p. ej. fig-mnist-ejemplos")
    parser.add_argument("--list", action="store_true", help="listar las celdas con metadatos de figura")
    args = parser.parse_args(argv)
    notebook = nbformat.read(args.notebook, as_version=4)
    if args.list:
        for index, cell in enumerate(notebook.cells):
            mystnb = cell.get("metadata", {}).get("mystnb", {})
            if "image" in mystnb or "figure" in mystnb:
                print(f"celda {index} ({cell.get('id')}): alt={mystnb.get('image', {}).get('alt')!r} "
                      f"figura={mystnb.get('figure')!r}")
        return 0
    if not args.selector or not args.alt:
        parser.error("hacen falta la celda y --alt")
    set_figure(find_cell(notebook, args.selector), args.alt, args.caption, args.name)
    nbformat.write(notebook, args.notebook)
    return 0


if __name__ == "__main__":
    sys.exit(main())
