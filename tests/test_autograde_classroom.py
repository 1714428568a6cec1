"""A whole class through the instructor's path: a Moodle zip of 40 submissions of a1, collected with
`nbgrader zip_collect`, graded in parallel by the class command, exported as Moodle's grade CSV."""
import csv
import random
import zipfile

import nbformat
import pytest
from nbgrader_course import Course, Submission, solution_answers, wrong_submissions

from course_utils.autograde import classroom, platform, sandbox

pytestmark = pytest.mark.skipif(sandbox.available() is not None, reason=str(sandbox.available()))
ASSIGNMENT = "a1_imagenes"
CLASS_SIZE = 40
NAMES = ["Ana García López", "Luis Pérez", "María José Ruiz", "Carmen Díaz", "Javier Núñez", "Lucía Sanz",
         "Pablo Ortega", "Elena Gil", "Sergio Romero", "Marta Vidal"]


def test_moodle_names_are_understood():
    assert platform.parse_moodle_name(
        "/x/Ana García López_123456_assignsubmission_file_a1_imagenes.ipynb") == (
        "123456", "Ana García López", "a1_imagenes.ipynb")
    assert platform.parse_moodle_name("/x/Luis Pérez_77_assignsubmission_file_/a1_imagenes (1).ipynb") == (
        "77", "Luis Pérez", "a1_imagenes (1).ipynb")
    assert platform.parse_moodle_name("/x/a1_imagenes.ipynb") is None


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """40 students: solutions, untouched notebooks, wrong answers and tricks, in Moodle's zip."""
    course = Course(tmp_path_factory.mktemp("clase"), ASSIGNMENT)
    released = nbformat.read(course.released, as_version=4)
    answers = solution_answers(ASSIGNMENT)
    corpus = [Submission("solucion", "", [])] + wrong_submissions(ASSIGNMENT)
    rng = random.Random(0)
    expected = {}
    archive = course.root / "entregas.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for k in range(CLASS_SIZE):
            participant = str(500_000 + k)
            name = f"{NAMES[k % len(NAMES)]} {k}"
            if k % 10 == 9:
                notebook, kind = released, None  # untouched
            else:
                kind = corpus[0] if k % 3 == 0 else rng.choice(corpus)
                notebook = kind.apply(released, answers)
            expected[participant] = kind
            text = nbformat.writes(notebook)
            if k % 4 == 0:  # Moodle's "download submissions in folders"
                zipped.writestr(f"{name}_{participant}_assignsubmission_file_/{ASSIGNMENT} (1).ipynb", text)
            else:
                zipped.writestr(f"{name}_{participant}_assignsubmission_file_{ASSIGNMENT}.ipynb", text)
    platform.collect(ASSIGNMENT, archive, course.root)
    results = classroom.grade_class(ASSIGNMENT, course.root, jobs=2, tiempo=300)
    return course, {r.student: r for r in results}, expected


def test_the_zip_is_collected_for_every_student(graded_class):
    course, results, expected = graded_class
    assert set(results) == set(expected)
    for participant in expected:
        assert (course.root / "submitted" / participant / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").exists()


def test_every_student_gets_the_grade_of_their_submission(graded_class):
    course, results, expected = graded_class
    top = course.max_score()
    for participant, kind in expected.items():
        result = results[participant]
        if kind is None:
            assert result.score == 0, result
        elif kind.flagged:
            assert result.state == "marcada" and result.score == 0, result
        elif not kind.must_fail:
            assert result.state == "calificada" and result.score == top, (kind.name, result)
        else:
            assert result.score < top, (kind.name, result)


def test_grades_csv_for_moodle(graded_class):
    course, results, expected = graded_class
    path = platform.grades(ASSIGNMENT, course.root, scale=10)
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == CLASS_SIZE
    assert set(rows[0]) == {"Identificador", "Nombre completo", "Calificación", "Calificación máxima",
                            "Comentarios de retroalimentación"}
    by_id = {row["Identificador"]: row for row in rows}
    first = by_id["Participante 500000"]
    assert first["Nombre completo"] == "Ana García López 0"
    assert float(first["Calificación"]) == pytest.approx(10 * results["500000"].score / course.max_score())
    flagged = [row for row in rows if "integridad" in row["Comentarios de retroalimentación"]]
    assert len(flagged) == sum(r.state == "marcada" for r in results.values())


def test_class_scales_with_the_cores(graded_class, record_property):
    _, results, _ = graded_class
    seconds = sum(r.seconds for r in results.values())
    record_property("tiempo", ("autocorrección en paralelo de a1, por entrega", seconds / len(results)))
    assert all(r.state != "error" for r in results.values()), [r for r in results.values() if r.state == "error"]
