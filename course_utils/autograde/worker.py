"""Corrige las entregas de varios alumnos: ``nbgrader autograde`` con el núcleo dentro del cajón.

Lo lanza :mod:`course_utils.autograde.classroom`, un proceso por lote de alumnos::

    python -m course_utils.autograde.worker a1_imagenes ana luis marta [--memoria 6144] [--cpu 900]

Para cada alumno es la orden ``nbgrader autograde <tarea> --student <alumno> --force`` de siempre,
con la configuración del curso (``nbgrader_config.py``), salvo que el preprocesador ``Execute`` de
nbgrader se sustituye por :class:`~course_utils.autograde.sandbox.SandboxExecute` y se añade la
comprobación de integridad (:func:`course_utils.autograde.config.configure`). Cada entrega tiene
su propio núcleo y su propio cajón; lo que se comparte es este proceso, que así importa nbgrader una
vez por lote y no una por alumno.

Antes de cada alumno escribe ``<<< alumno: <id>`` y, al acabar, ``>>> alumno: <id> código <n>
segundos <s>`` (código 0 si nbgrader terminó bien): el proceso del profesor reparte con esas marcas
el registro por alumno y sabe cuánto lleva cada entrega.
"""
import argparse
import sys
import time

from traitlets.config import Config

START, END = "<<< alumno:", ">>> alumno:"


def sandbox_config(memory_mb=6144, cpu_seconds=900, processes=256, file_size_mb=64, cell_timeout=None):
    """La configuración de nbgrader con el núcleo en el cajón y la comprobación de integridad."""
    from .config import configure

    config = configure(Config(), memory_mb=memory_mb, cpu_seconds=cpu_seconds, processes=processes,
                       file_size_mb=file_size_mb)
    if cell_timeout:
        config.SandboxExecute.timeout = cell_timeout
    return config


def grade_student(assignment, student, config):
    """``nbgrader autograde`` de un alumno; devuelve 0 si nbgrader terminó bien."""
    from nbgrader.apps.autogradeapp import AutogradeApp

    AutogradeApp.clear_instance()
    app = AutogradeApp()
    try:
        app.initialize([assignment, "--student", student, "--force", "--Autograde.create_student=True"])
        app.update_config(config)
        app.start()
    except SystemExit as stop:  # nbgrader sale con código 1 si la entrega no se pudo corregir
        return stop.code if isinstance(stop.code, int) else 1
    except Exception as error:  # una entrega rota no detiene el lote
        print(f"[ERROR] {type(error).__name__}: {error}", flush=True)
        return 1
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignment")
    parser.add_argument("students", nargs="+")
    parser.add_argument("--memoria", type=int, default=6144, help="MiB por entrega")
    parser.add_argument("--cpu", type=int, default=900, help="segundos de CPU por entrega")
    parser.add_argument("--procesos", type=int, default=256)
    parser.add_argument("--fichero", type=int, default=64, help="MiB por fichero escrito")
    parser.add_argument("--tiempo-celda", type=int, default=None, help="segundos por celda")
    args = parser.parse_args(argv)

    config = sandbox_config(args.memoria, args.cpu, args.procesos, args.fichero, args.tiempo_celda)
    worst = 0
    for student in args.students:
        print(f"{START} {student}", flush=True)
        started = time.perf_counter()
        code = grade_student(args.assignment, student, config)
        print(f"{END} {student} código {code} segundos {time.perf_counter() - started:.1f}", flush=True)
        worst = worst or code
    return worst


if __name__ == "__main__":
    sys.exit(main())
