"""Las cifras del modo completo medidas en los datos reales, una ficha JSON por capítulo.

El libro publicado se ejecuta en modo completo; las frases que describen un resultado se
escriben a partir de estas cifras, medidas con ``scripts/full_mode.py`` en los datos reales.
Cada cuaderno imprime la cifra guardada junto a la de su propia ejecución (:func:`compare`).

Ficha ``full_mode_results/<capítulo>.json``::

    {"chapter": "04_cnn", "wall_time_s": 812, "machine": "CPU de 2 núcleos",
     "results": {"exactitud_mnist": {"value": 0.9921, "spread": 0.0004, "runs": 3,
                                     "tolerance": 0.003, "what": "exactitud en prueba, media de 3 semillas"}}}

``spread`` (la mitad del rango, o la desviación típica si ``what`` lo dice) y ``runs`` son
opcionales; ``tolerance`` es lo que ``scripts/full_mode.py`` admite entre una ejecución nueva y
la cifra guardada. ``"historical": true`` marca una cifra de una versión anterior del cuaderno,
que este cita con :func:`stored` pero ya no mide: el guion no la echa en falta. Si la variable ``COURSE_RESULTS_OUT`` nombra un archivo, :func:`compare`
añade ahí cada medida (una línea JSON), que es lo que ese guion comprueba.
"""
import json
import os
import pathlib

RESULTS_DIR = pathlib.Path(__file__).with_name("full_mode_results")
RESULTS_OUT_ENV = "COURSE_RESULTS_OUT"


def load_chapter(chapter, directory=RESULTS_DIR):
    """La ficha de ``chapter`` (p. ej. ``"04_cnn"``); error en español si no existe."""
    path = pathlib.Path(directory) / f"{chapter}.json"
    if not path.is_file():
        known = sorted(p.stem for p in pathlib.Path(directory).glob("*.json"))
        raise KeyError(f"results: no hay ficha del modo completo para {chapter!r}; las hay para {known}.")
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def stored(chapter, key, directory=RESULTS_DIR):
    """La entrada guardada ``key`` del capítulo ``chapter``: ``{"value": ..., ...}``."""
    results = load_chapter(chapter, directory)["results"]
    if key not in results:
        raise KeyError(f"results: la ficha de {chapter!r} no tiene {key!r}; tiene {sorted(results)}.")
    return results[key]


def _record(chapter, key, measured):
    out = os.environ.get(RESULTS_OUT_ENV, "").strip()
    if out:
        with open(out, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"chapter": chapter, "key": key, "value": float(measured)}) + "\n")


def compare(chapter, key, measured, fmt=str, directory=RESULTS_DIR):
    """Imprime la cifra de esta ejecución junto a la guardada del modo completo y devuelve la línea.

    Parameters
    ----------
    chapter, key : str
        Capítulo y clave de la ficha.
    measured : float
        Lo que ha medido esta ejecución.
    fmt : callable
        Cómo escribir los números (p. ej. :func:`course_utils.config.fmt_percent`).
    """
    entry = stored(chapter, key, directory)
    _record(chapter, key, measured)
    line = f"{entry.get('what', key)}: esta ejecución {fmt(measured)} · modo completo (guardado) {fmt(entry['value'])}"
    if "spread" in entry:
        line += f" ± {fmt(entry['spread'])} en {entry.get('runs', '?')} ejecuciones"
    print(line)
    return line
