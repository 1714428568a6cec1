"""Corrige la entrega de un alumno: ``nbgrader autograde`` con el núcleo dentro del cajón.

Lo lanza :mod:`course_utils.autograde.classroom`, un proceso por entrega::

    python -m course_utils.autograde.worker a1_imagenes ana [--memoria 6144] [--cpu 900]

Es la orden ``nbgrader autograde <tarea> --student <alumno> --force`` de siempre, con la
configuración del curso (``nbgrader_config.py``), salvo que el preprocesador ``Execute`` de
nbgrader se sustituye por :class:`~course_utils.autograde.sandbox.SandboxExecute` y se añade la
comprobación de integridad (:func:`course_utils.autograde.config.configure`).
"""
import argparse
import sys

from traitlets.config import Config

def sandbox_config(memory_mb=6144, cpu_seconds=900, processes=256, file_size_mb=64, cell_timeout=None):
    """La configuración de nbgrader con el núcleo en el cajón y la comprobación de integridad."""
    from .config import configure

    config = configure(Config(), memory_mb=memory_mb, cpu_seconds=cpu_seconds, processes=processes,
                       file_size_mb=file_size_mb)
    if cell_timeout:
        config.SandboxExecute.timeout = cell_timeout
    return config


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("assignment")
    parser.add_argument("student")
    parser.add_argument("--memoria", type=int, default=6144, help="MiB por entrega")
    parser.add_argument("--cpu", type=int, default=900, help="segundos de CPU por entrega")
    parser.add_argument("--procesos", type=int, default=256)
    parser.add_argument("--fichero", type=int, default=64, help="MiB por fichero escrito")
    parser.add_argument("--tiempo-celda", type=int, default=None, help="segundos por celda")
    args = parser.parse_args(argv)

    from nbgrader.apps.autogradeapp import AutogradeApp

    app = AutogradeApp()
    app.initialize([args.assignment, "--student", args.student, "--force",
                    "--Autograde.create_student=True"])
    app.update_config(sandbox_config(args.memoria, args.cpu, args.procesos, args.fichero, args.tiempo_celda))
    app.start()


if __name__ == "__main__":
    sys.exit(main())
