"""De Moodle al libro de notas y vuelta: recoger el zip de entregas y exportar las notas en CSV.

Recoger (``make collect A=a1_imagenes ZIP=entregas.zip``)::

    python -m course_utils.autograde.platform recoger a1_imagenes entregas.zip

copia el zip que descarga Moodle («Descargar todas las entregas») a
``downloaded/<tarea>/archive/`` y llama a ``nbgrader zip_collect`` con :class:`MoodleCollector`,
que entiende los nombres de Moodle, con carpetas o sin ellas::

    Ana García López_123456_assignsubmission_file_a1_imagenes.ipynb
    Ana García López_123456_assignsubmission_file_/a1_imagenes.ipynb

El identificador del alumno en nbgrader es el número de participante de Moodle (``123456``), y
su nombre queda en el libro de notas. Un cuaderno con otro nombre («a1_imagenes (1).ipynb») se
recoge con el nombre de la tarea si la tarea tiene un solo cuaderno.

Exportar (``make grades A=a1_imagenes``)::

    python -m course_utils.autograde.platform notas a1_imagenes [--salida notas.csv] [--sobre 10]

escribe la «hoja de calificaciones» que importa la tarea de Moodle («Subir hoja de
calificaciones»): columnas ``Identificador`` (``Participante 123456``), ``Nombre completo``,
``Calificación``, ``Calificación máxima`` y ``Comentarios de retroalimentación``. Moodle busca
las columnas por su nombre en el idioma del sitio: ``--idioma en`` las escribe en inglés
(``Identifier``, ``Participant 123456``, ``Grade``...).
"""
import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from nbgrader.plugins import FileNameCollectorPlugin

MOODLE = re.compile(r"^(?P<name>.+?)_(?P<student_id>\d+)_assignsubmission_(?:file|onlinetext)_?(?P<rest>.*)$")
HEADERS = {
    "es": ("Identificador", "Nombre completo", "Calificación", "Calificación máxima",
           "Comentarios de retroalimentación", "Participante"),
    "en": ("Identifier", "Full name", "Grade", "Maximum grade", "Feedback comments", "Participant"),
}


def parse_moodle_name(path):
    """``(participante, nombre, fichero)`` de una ruta con el nombre que pone Moodle, o ``None``."""
    path = Path(path)
    match = MOODLE.match(path.name)
    if match and match.group("rest"):
        return match.group("student_id"), match.group("name"), match.group("rest")
    match = MOODLE.match(path.parent.name)  # descarga «en carpetas»: una carpeta por entrega
    if match:
        return match.group("student_id"), match.group("name"), path.name
    return None


class MoodleCollector(FileNameCollectorPlugin):
    """Recolector de ``nbgrader zip_collect`` para los nombres de fichero de Moodle."""

    def collect(self, submitted_file):
        if os.path.splitext(submitted_file)[1] not in self.valid_ext:
            return None
        parsed = parse_moodle_name(submitted_file)
        if parsed is None:
            self.log.warning("No es un nombre de Moodle: %s", submitted_file)
            return None
        student_id, name, file_id = parsed
        coursedir = getattr(self.parent, "coursedir", None)
        if coursedir is not None and file_id.endswith(".ipynb"):
            released = sorted(Path(coursedir.format_path(coursedir.release_directory, ".",
                                                         coursedir.assignment_id)).glob("*.ipynb"))
            names = [p.name for p in released]
            if file_id not in names and len(names) == 1:
                self.log.info("%s: %s se recoge como %s", student_id, file_id, names[0])
                file_id = names[0]
            self._remember(coursedir, student_id, name)
        return {"student_id": student_id, "file_id": file_id}

    def _remember(self, coursedir, student_id, name):
        from nbgrader.api import Gradebook

        first, _, last = name.partition(" ")
        with Gradebook(coursedir.db_url) as gradebook:
            gradebook.update_or_create_student(student_id, first_name=first, last_name=last)


def collect(assignment, archive, root="."):
    """Recoge el zip de Moodle ``archive`` en ``submitted/<alumno>/<assignment>/``."""
    root = Path(root).resolve()
    folder = root / "downloaded" / assignment / "archive"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(archive, folder / Path(archive).name)
    subprocess.run([sys.executable, "-m", "nbgrader", "zip_collect", assignment, "--force",
                    "--ZipCollectApp.collector_plugin=course_utils.autograde.platform.MoodleCollector"],
                   cwd=root, check=True)


def grades(assignment, root=".", out=None, scale=None, language="es"):
    """Escribe el CSV de notas de ``assignment`` para Moodle; devuelve su ruta."""
    from nbgrader.api import Gradebook

    from .classroom import course_settings

    settings = course_settings(root)
    ident, full, grade, maximum, comments, participant = HEADERS[language]
    out = Path(out or settings["root"] / "resumen" / f"{assignment}-moodle.csv")
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    with Gradebook(settings["db_url"]) as gradebook:
        assignment_max = gradebook.find_assignment(assignment).max_score
        for submission in gradebook.assignment_submissions(assignment):
            student = submission.student
            score = submission.score
            top = scale or assignment_max
            value = score * top / assignment_max if assignment_max else 0.0
            notes = sorted({c.manual_comment for nb in submission.notebooks for c in nb.comments
                            if c.manual_comment})
            identifier = (f"{participant} {student.id}" if student.id.isdigit() else student.id)
            name = " ".join(filter(None, [student.first_name, student.last_name]))
            rows.append([identifier, name, f"{value:.2f}", f"{top:g}", " ".join(notes)])
    rows.sort()
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([ident, full, grade, maximum, comments])
        writer.writerows(rows)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m course_utils.autograde.platform",
                                     description="Moodle ⇄ nbgrader: recoger entregas y exportar notas.")
    sub = parser.add_subparsers(dest="orden", required=True)
    take = sub.add_parser("recoger", help="recoge el zip de entregas de Moodle")
    take.add_argument("assignment")
    take.add_argument("zip")
    take.add_argument("--curso", default=".")
    give = sub.add_parser("notas", help="escribe el CSV de notas para Moodle")
    give.add_argument("assignment")
    give.add_argument("--curso", default=".")
    give.add_argument("--salida", default=None)
    give.add_argument("--sobre", type=float, default=None, help="nota máxima en Moodle (p. ej. 10)")
    give.add_argument("--idioma", choices=sorted(HEADERS), default="es")
    args = parser.parse_args(argv)
    if args.orden == "recoger":
        collect(args.assignment, args.zip, args.curso)
    else:
        print(grades(args.assignment, args.curso, args.salida, args.sobre, args.idioma))
    return 0


if __name__ == "__main__":
    sys.exit(main())
