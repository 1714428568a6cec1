"""Ejecuta capítulos en modo completo y comprueba sus cifras contra las guardadas.

No forma parte de `make test`: entrena los modelos completos con los datos reales (la réplica
local, ``COURSE_DATA_DIR``). Para cada capítulo:

1. lo ejecuta de principio a fin con ``jupyter nbconvert --execute`` (sin ``COURSE_QUICK``) y con
   ``COURSE_RESULTS_OUT`` apuntando a un archivo donde ``course_utils.results.compare`` anota cada
   cifra medida;
2. mide el tiempo de reloj;
3. compara cada cifra nueva con la guardada en ``course_utils/full_mode_results/<capítulo>.json``:
   debe quedar a no más de ``tolerance`` de ella. Una cifra guardada que el cuaderno ya no mide
   también es un fallo, salvo las marcadas ``"historical": true``: cifras de una versión
   anterior del cuaderno, que este ya no mide y solo cita (se listan como «histórica»).

Imprime una tabla en español y sale con código 1 si alguna cifra se sale de su tolerancia.

    COURSE_DATA_DIR=/ruta/a/la/réplica python scripts/full_mode.py 01_imagenes 04_cnn
    python scripts/full_mode.py --check-only salida/04_cnn.jsonl   # solo comprobar un registro ya hecho
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from course_utils import results  # noqa: E402
from course_utils.config import QUICK_ENV  # noqa: E402

OK, MISS, MISSING, NEW, HISTORICAL = "dentro", "FUERA", "no medida", "sin ficha", "histórica"


def read_records(path):
    """Las medidas anotadas por ``results.compare``: una línea JSON por medida."""
    path = pathlib.Path(path)
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check(chapter, records, directory=results.RESULTS_DIR):
    """Compara las medidas de ``chapter`` con su ficha; devuelve una fila por clave.

    Si una clave se midió varias veces en la misma ejecución, se compara la media. Un capítulo sin
    ficha (los que no entrenan nada, como el 1, el 2 y el 3) solo se cronometra: no da filas.
    Cada fila: ``{"chapter", "key", "stored", "measured", "tolerance", "status"}``.
    """
    has_card = (pathlib.Path(directory) / f"{chapter}.json").is_file()
    stored = results.load_chapter(chapter, directory)["results"] if has_card else {}
    measured = {}
    for record in records:
        if record["chapter"] == chapter:
            measured.setdefault(record["key"], []).append(float(record["value"]))
    rows = []
    for key, entry in sorted(stored.items()):
        values = measured.pop(key, None)
        value = sum(values) / len(values) if values else None
        tolerance = float(entry.get("tolerance", 0.0))
        if value is None:
            status = HISTORICAL if entry.get("historical") else MISSING
        else:
            status = OK if abs(value - float(entry["value"])) <= tolerance + 1e-12 else MISS
        rows.append({"chapter": chapter, "key": key, "stored": float(entry["value"]), "measured": value,
                     "tolerance": tolerance, "status": status})
    for key, values in sorted(measured.items()):  # compare() refuses unknown keys, but be safe
        rows.append({"chapter": chapter, "key": key, "stored": None, "measured": sum(values) / len(values),
                     "tolerance": None, "status": NEW})
    return rows


def _num(value):
    from course_utils.config import fmt_number

    return "—" if value is None else fmt_number(value, 4)


def table(rows, times=None):
    """La tabla en español (texto), con el tiempo de cada capítulo si se da ``times``."""
    header = ("capítulo", "cifra", "guardada", "medida", "tolerancia", "diferencia", "estado")
    lines = [header]
    for row in rows:
        difference = (None if row["measured"] is None or row["stored"] is None
                      else row["measured"] - row["stored"])
        lines.append((row["chapter"], row["key"], _num(row["stored"]), _num(row["measured"]),
                      _num(row["tolerance"]), _num(difference), row["status"]))
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    text = ["  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)) for line in lines]
    text.insert(1, "  ".join("-" * width for width in widths))
    if times:
        text.append("")
        for chapter, seconds in times.items():
            text.append(f"{chapter}: {seconds:.0f} s ({seconds / 60:.1f} min) de reloj en modo completo")
    return "\n".join(text)


def failed(rows):
    return [row for row in rows if row["status"] not in (OK, HISTORICAL)]


def execute(chapter, out_dir):
    """Ejecuta ``book/<chapter>.ipynb`` en modo completo; devuelve (segundos, archivo de medidas)."""
    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    log = out_dir / f"{chapter}.jsonl"
    log.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k != QUICK_ENV}
    env.update({results.RESULTS_OUT_ENV: str(log), "PYTHONPATH": str(ROOT)})
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                    str(ROOT / "book" / f"{chapter}.ipynb"), "--output-dir", str(out_dir),
                    "--ExecutePreprocessor.timeout=-1"], check=True, env=env)
    return time.monotonic() - start, log


def main(argv=None):
    parser = argparse.ArgumentParser(description="Modo completo: ejecuta capítulos y comprueba sus cifras.")
    parser.add_argument("chapters", nargs="*", help="p. ej. 04_cnn (por defecto, los que tienen ficha)")
    parser.add_argument("--out", default="_build/full_mode", help="carpeta de los cuadernos ejecutados")
    parser.add_argument("--check-only", metavar="JSONL", nargs="+",
                        help="no ejecutar: comprobar registros de medidas ya hechos")
    parser.add_argument("--results-dir", default=str(results.RESULTS_DIR),
                        help="carpeta de las fichas guardadas (por defecto, course_utils/full_mode_results)")
    args = parser.parse_args(argv)
    directory = pathlib.Path(args.results_dir)
    if os.environ.get(QUICK_ENV):
        print(f"Aviso: se ignora {QUICK_ENV}; este guion ejecuta el modo completo.")
    rows, times = [], {}
    if args.check_only:
        records = [r for path in args.check_only for r in read_records(path)]
        chapters = args.chapters or sorted({r["chapter"] for r in records})
        for chapter in chapters:
            rows += check(chapter, records, directory)
    else:
        chapters = args.chapters or sorted(p.stem for p in directory.glob("*.json"))
        if not os.environ.get("COURSE_DATA_DIR"):
            print("Aviso: COURSE_DATA_DIR no está fijada; los datos vendrán de la red o de los sustitutos.")
        for chapter in chapters:
            print(f"Ejecutando {chapter} en modo completo...", flush=True)
            times[chapter], log = execute(chapter, args.out)
            rows += check(chapter, read_records(log), directory)
    print(table(rows, times))
    misses = failed(rows)
    if misses:
        print(f"\n{len(misses)} cifra(s) fuera de su tolerancia o sin medir.")
        return 1
    print("\nTodas las cifras están dentro de su tolerancia.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
