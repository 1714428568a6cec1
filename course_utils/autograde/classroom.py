"""Corrección de una clase entera: integridad, cajón, paralelo, barra de progreso y resumen.

Uso (desde la carpeta del curso, donde está ``nbgrader_config.py``)::

    python -m course_utils.autograde a1_imagenes [--trabajos 4] [--tiempo 600] [--memoria 6144]

Para cada alumno con una carpeta ``submitted/<alumno>/<tarea>/``:

1. :func:`course_utils.autograde.integrity.check` lee sus cuadernos en este proceso (sin
   ejecutarlos) y los compara con la versión publicada;
2. un proceso ``python -m course_utils.autograde.worker`` corre ``nbgrader autograde`` para un
   lote de alumnos (``--lote``, 8 por omisión), uno tras otro, cada núcleo dentro de su propio cajón
   de bubblewrap (:mod:`~course_utils.autograde.sandbox`), con un tiempo máximo de reloj por entrega
   (pasado ese tiempo se mata el proceso y todo lo que lanzó, y el resto del lote sigue en otro);
3. si la integridad falló, nbgrader no ejecuta la entrega (:class:`~course_utils.autograde.sandbox.SandboxExecute`)
   y todas sus notas pasan a 0 en el libro de notas (``manual_score``), con el motivo como
   comentario, para que el profesor lo revise en formgrader.

Los lotes se corrigen en paralelo (:mod:`concurrent.futures`, uno por núcleo de CPU) y todo
acaba en el libro de notas de nbgrader de siempre, así que ``nbgrader generate_feedback`` y
``nbgrader export`` funcionan igual. Al final se imprime un resumen (calificadas, errores,
tiempos agotados, marcadas con su motivo), que también se guarda en ``resumen/<tarea>.csv``.
"""
import argparse
import csv
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import integrity, worker

STATES = ("calificada", "marcada", "error", "tiempo agotado")
TIMED_OUT = "tiempo agotado"  # the code _run_batch gives a submission killed for its wall-clock time


@dataclass
class Result:
    student: str
    state: str = "calificada"
    score: float = 0.0
    max_score: float = 0.0
    seconds: float = 0.0
    reasons: list = field(default_factory=list)


def course_settings(root):
    """Carpetas y libro de notas del curso según su ``nbgrader_config.py``."""
    from traitlets.config.loader import PyFileConfigLoader

    root = Path(root).resolve()
    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config() \
        if (root / "nbgrader_config.py").exists() else {}
    course = config.get("CourseDirectory", {}) if config else {}
    db_url = course.get("db_url", f"sqlite:///{root / 'gradebook.db'}")
    if db_url.startswith("sqlite:///") and not db_url.startswith("sqlite:////"):
        db_url = f"sqlite:///{root / db_url[len('sqlite:///'):]}"  # siempre absoluto
    return {
        "root": root,
        "source": root / course.get("source_directory", "source"),
        "release": root / course.get("release_directory", "release"),
        "submitted": root / course.get("submitted_directory", "submitted"),
        "db_url": db_url,
    }


def students_of(settings, assignment):
    folder = settings["submitted"]
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / assignment).is_dir())


def _ensure_released(settings, assignment):
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(settings["db_url"]) as gradebook:
        try:
            gradebook.find_assignment(assignment)
            return
        except MissingEntry:
            pass
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force"],
                   cwd=settings["root"], check=True, capture_output=True)


def _check_integrity(settings, assignment, student):
    reasons = []
    for notebook in sorted((settings["submitted"] / student / assignment).glob("*.ipynb")):
        released = settings["release"] / assignment / notebook.name
        if not released.exists():
            continue
        try:
            reasons += [f"{notebook.stem}: {r}" if notebook.stem != assignment else r
                        for r in integrity.check(notebook, released)]
        except Exception as error:  # un cuaderno ilegible se marca para revisarlo
            reasons.append(f"{notebook.name} no se puede leer como cuaderno ({type(error).__name__})")
    return reasons


def _worker_command(assignment, students, options):
    command = [sys.executable, "-m", "course_utils.autograde.worker", assignment, *students,
               "--memoria", str(options.memoria), "--cpu", str(options.cpu),
               "--procesos", str(options.procesos), "--fichero", str(options.fichero)]
    if options.tiempo_celda:
        command += ["--tiempo-celda", str(options.tiempo_celda)]
    return command


def _split_log(text):
    """alumno -> (código de salida de nbgrader, o None si no acabó; segundos; su parte del registro)."""
    parts, student, lines = {}, None, []
    for line in text.splitlines(keepends=True):
        if line.startswith(worker.START):
            student, lines = line[len(worker.START):].strip(), []
            parts[student] = (None, 0.0, "")
        elif line.startswith(worker.END) and student is not None:
            words = line.split()
            parts[student] = (int(words[-3]), float(words[-1]), "".join(lines))
            student = None
        elif student is not None:
            lines.append(line)
            parts[student] = (None, 0.0, "".join(lines))
    return parts


def _run_batch(settings, assignment, students, options, log_dir):
    """Corre un proceso worker para el lote ``students``; devuelve alumno -> (código, segundos, registro).

    El código es el de nbgrader, ``TIMED_OUT`` si la entrega pasó de ``options.tiempo`` segundos de
    reloj (se mata el proceso y todo lo que lanzó, y los alumnos que faltaban vuelven a empezar en
    otro proceso) o ``None`` si el proceso murió sin acabarla.
    """
    outcome, pending = {}, list(students)
    while pending:
        log = log_dir / f".lote-{pending[0]}.log"
        killed = False
        with open(log, "w", encoding="utf-8") as out:
            process = subprocess.Popen(_worker_command(assignment, pending, options), cwd=settings["root"],
                                       stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
            current, since = None, time.monotonic()
            while process.poll() is None:
                time.sleep(0.2)
                started = list(_split_log(log.read_text(encoding="utf-8", errors="replace")))
                if started and started[-1] != current:
                    current, since = started[-1], time.monotonic()
                if time.monotonic() - since > options.tiempo:
                    os.killpg(process.pid, signal.SIGKILL)  # nbgrader, el núcleo y lo que este lanzara
                    process.wait()
                    killed = True
        parts = _split_log(log.read_text(encoding="utf-8", errors="replace"))
        log.unlink()
        for student, (code, seconds, text) in parts.items():
            outcome[student] = (TIMED_OUT if killed and code is None else code, seconds, text)
            (log_dir / f"{student}.log").write_text(text, encoding="utf-8")
        done = [s for s in pending if s in parts]
        if not done:  # el proceso murió antes de empezar: el lote entero queda sin corregir
            outcome.update({s: (None, 0.0, "el proceso de corrección no arrancó\n") for s in pending})
            break
        pending = pending[len(done):]
    return outcome


def _scores(settings, assignment, student):
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(settings["db_url"]) as gradebook:
        try:
            submission = gradebook.find_submission(assignment, student)
        except MissingEntry:
            return None
        return submission.score, submission.max_score


def _zero(settings, assignment, student, reasons):
    """Todas las notas de la entrega a 0, con el motivo como comentario."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(settings["db_url"]) as gradebook:
        try:
            submission = gradebook.find_submission(assignment, student)
        except MissingEntry:
            return
        for notebook in submission.notebooks:
            integrity.zero_notebook(notebook, reasons)
        gradebook.db.commit()


def _result(student, code, seconds, text, options):
    """El :class:`Result` de una entrega según cómo acabó nbgrader y lo que dejó en su registro."""
    if code == TIMED_OUT:
        return Result(student, "tiempo agotado", seconds=seconds, reasons=[f"superó {options.tiempo} s de reloj"])
    if code is None:
        return Result(student, "error", seconds=seconds,
                      reasons=["el proceso de corrección terminó sin acabar esta entrega"])
    if "CellTimeoutError" in text or "Timeout waiting for execute reply" in text:
        return Result(student, "tiempo agotado", seconds=seconds, reasons=["una celda superó su tiempo máximo"])
    if code != 0:
        errors = [line for line in text.splitlines() if "[ERROR]" in line]
        reason = (errors[-1].split("]", 1)[-1].strip() if errors else f"código {code}")[:200]
        return Result(student, "error", seconds=seconds, reasons=[reason])
    return Result(student, seconds=seconds)


def grade_batch(settings, assignment, students, options, log_dir, lock, report):
    """Corrige un lote de alumnos en un proceso; llama a ``report(result)`` por cada uno."""
    flagged = {student: _check_integrity(settings, assignment, student) for student in students}
    outcome = _run_batch(settings, assignment, students, options, log_dir)
    for student in students:
        result = _result(student, *outcome.get(student, (None, 0.0, "")), options)
        with lock:  # una escritura a la vez en el libro de notas desde este proceso
            if flagged[student]:
                result.state = "marcada"
                result.reasons = flagged[student] + result.reasons
                _zero(settings, assignment, student, flagged[student])
            scores = _scores(settings, assignment, student)
            if scores:
                result.score, result.max_score = scores
            report(result)


def batches(students, jobs, size):
    """Lotes de como mucho ``size`` alumnos, y al menos uno por trabajo mientras haya alumnos."""
    size = max(1, min(size, -(-len(students) // jobs)))
    return [students[i:i + size] for i in range(0, len(students), size)]


def _progress(done, total, counts, started, stream):
    width = 30
    filled = int(width * done / total) if total else width
    elapsed = time.perf_counter() - started
    extra = ", ".join(f"{n} {s}" for s, n in counts.items() if n and s != "calificada")
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} entregas"
                 f" · {elapsed:.0f} s{' · ' + extra if extra else ''}   ")
    stream.flush()


def grade_class(assignment, root=".", students=None, jobs=None, stream=sys.stderr, **limits):
    """Corrige todas las entregas de ``assignment``; devuelve la lista de :class:`Result`."""
    from . import sandbox

    problem = sandbox.available()
    if problem:
        raise SystemExit(problem)
    options = argparse.Namespace(**{**DEFAULTS, **limits})
    settings = course_settings(root)
    _ensure_released(settings, assignment)
    students = list(students or students_of(settings, assignment))
    if not students:
        raise SystemExit(f"No hay entregas de {assignment} en {settings['submitted']}/<alumno>/{assignment}/.")
    log_dir = settings["root"] / "resumen" / f"{assignment}-registros"
    log_dir.mkdir(parents=True, exist_ok=True)
    jobs = jobs or os.cpu_count() or 1
    lock = threading.Lock()
    counts = dict.fromkeys(STATES, 0)
    results = []
    started = time.perf_counter()
    _progress(0, len(students), counts, started, stream)

    def report(result):  # called under the lock
        results.append(result)
        counts[result.state] += 1
        _progress(len(results), len(students), counts, started, stream)

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(grade_batch, settings, assignment, batch, options, log_dir, lock, report)
                   for batch in batches(students, jobs, options.lote)]
        for future in as_completed(futures):
            future.result()
    stream.write("\n")
    results.sort(key=lambda r: r.student)
    _save(settings, assignment, results)
    return results


DEFAULTS = {"lote": 8, "tiempo": 600, "tiempo_celda": None, "memoria": 6144, "cpu": 900, "procesos": 256, "fichero": 64}


def _save(settings, assignment, results):
    path = settings["root"] / "resumen" / f"{assignment}.csv"
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["alumno", "estado", "puntos", "maximo", "segundos", "motivo"])
        for r in results:
            writer.writerow([r.student, r.state, f"{r.score:g}", f"{r.max_score:g}", f"{r.seconds:.1f}",
                             " | ".join(r.reasons)])


def summary(results, assignment):
    """El resumen para el profesor, en español: una línea por alumno y los totales."""
    width = max([len("alumno")] + [len(r.student) for r in results])
    lines = [f"Resumen de {assignment}", f"{'alumno':<{width}}  {'estado':<14}  {'puntos':>11}  motivo",
             "-" * (width + 40)]
    for r in results:
        points = f"{r.score:g}/{r.max_score:g}"
        lines.append(f"{r.student:<{width}}  {r.state:<14}  {points:>11}  {' | '.join(r.reasons)}")
    counts = {s: sum(r.state == s for r in results) for s in STATES}
    lines.append("-" * (width + 40))
    lines.append(f"{len(results)} entregas: {counts['calificada']} calificadas, {counts['error']} con errores, "
                 f"{counts['tiempo agotado']} con el tiempo agotado, {counts['marcada']} marcadas para revisar.")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m course_utils.autograde",
        description="Corrige todas las entregas de una tarea, cada una en un cajón de bubblewrap.")
    parser.add_argument("assignment", help="la tarea, p. ej. a1_imagenes")
    parser.add_argument("--curso", default=".", help="carpeta del curso (con nbgrader_config.py)")
    parser.add_argument("--alumno", action="append", help="corregir solo este alumno (se puede repetir)")
    parser.add_argument("--trabajos", type=int, default=None, help="entregas a la vez (por omisión, una por núcleo)")
    parser.add_argument("--lote", type=int, default=DEFAULTS["lote"],
                        help="entregas que corrige cada proceso de nbgrader, una tras otra (cada una en su cajón)")
    parser.add_argument("--tiempo", type=int, default=DEFAULTS["tiempo"], help="segundos de reloj por entrega")
    parser.add_argument("--tiempo-celda", type=int, default=None, help="segundos por celda (por omisión, los de nbgrader_config.py)")
    parser.add_argument("--memoria", type=int, default=DEFAULTS["memoria"], help="MiB de memoria por entrega")
    parser.add_argument("--cpu", type=int, default=DEFAULTS["cpu"], help="segundos de CPU por entrega")
    parser.add_argument("--procesos", type=int, default=DEFAULTS["procesos"], help="procesos e hilos por entrega")
    parser.add_argument("--fichero", type=int, default=DEFAULTS["fichero"], help="MiB por fichero que escriba una entrega")
    args = parser.parse_args(argv)
    results = grade_class(args.assignment, args.curso, args.alumno, args.trabajos, lote=args.lote, tiempo=args.tiempo,
                          tiempo_celda=args.tiempo_celda, memoria=args.memoria, cpu=args.cpu,
                          procesos=args.procesos, fichero=args.fichero)
    print(summary(results, args.assignment))
    return 0
