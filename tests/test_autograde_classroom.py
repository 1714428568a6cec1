"""A whole class through the instructor's path: a Moodle zip of 40 submissions of a1 (every wrong
submission and trick of its corpus once, untouched notebooks and solutions), collected with
`nbgrader zip_collect`, graded in parallel by the class command, exported as Moodle's grade CSV."""
import csv
import json
import random
import time
import zipfile

import nbformat
import pytest
from nbgrader_course import Course, Submission, solution_answers, wrong_submissions

from course_utils.autograde import classroom, platform, sandbox

pytestmark = pytest.mark.skipif(sandbox.available() is not None, reason=str(sandbox.available()))
ASSIGNMENT = "a1_imagenes"
CLASS_SIZE = 40  # the "class of at least 40 submissions"
UNTOUCHED = 4
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
    """The class in Moodle's zip, in a shuffled order: every submission of the corpus (wrong answers,
    tricks, honest alternatives), solutions and untouched notebooks (kind None)."""
    course = Course(tmp_path_factory.mktemp("clase"), ASSIGNMENT)
    released = nbformat.read(course.released, as_version=4)
    answers = solution_answers(ASSIGNMENT)
    corpus = wrong_submissions(ASSIGNMENT)
    solutions = CLASS_SIZE - UNTOUCHED - len(corpus)
    assert solutions > 0, "el corpus de a1 ya no cabe en la clase: suba CLASS_SIZE"
    kinds = corpus + [None] * UNTOUCHED + [Submission("solucion", "", [])] * solutions
    random.Random(0).shuffle(kinds)
    expected = {}
    archive = course.root / "entregas.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for k, kind in enumerate(kinds):
            participant = str(500_000 + k)
            name = f"{NAMES[k % len(NAMES)]} {k}"
            notebook = released if kind is None else kind.apply(released, answers)
            expected[participant] = kind
            text = nbformat.writes(notebook)
            if k % 4 == 0:  # Moodle's "download submissions in folders"
                zipped.writestr(f"{name}_{participant}_assignsubmission_file_/{ASSIGNMENT} (1).ipynb", text)
            else:
                zipped.writestr(f"{name}_{participant}_assignsubmission_file_{ASSIGNMENT}.ipynb", text)
    platform.collect(ASSIGNMENT, archive, course.root)
    start = time.perf_counter()
    results = classroom.grade_class(ASSIGNMENT, course.root, jobs=2, tiempo=300)
    course.autograde_seconds = time.perf_counter() - start
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
    course, results, _ = graded_class
    record_property("tiempo", ("autocorrección de una clase de a1 en paralelo (2 núcleos), reloj por entrega",
                               course.autograde_seconds / len(results)))
    assert all(0 < r.seconds < course.autograde_seconds for r in results.values())
    assert all(r.state != "error" for r in results.values()), [r for r in results.values() if r.state == "error"]


def test_batches_cover_every_student_once_and_keep_every_core_busy():
    students = [f"s{k}" for k in range(21)]
    for jobs, size in ((2, 8), (4, 8), (2, 100), (8, 1)):
        lots = classroom.batches(students, jobs, size)
        assert [s for lot in lots for s in lot] == students
        assert len(lots) >= min(jobs, len(students)) and max(map(len, lots)) <= size


def test_a_submission_past_its_wall_clock_is_killed_and_the_rest_of_its_batch_is_graded(tmp_path):
    course = Course(tmp_path, ASSIGNMENT)
    released = nbformat.read(course.released, as_version=4)
    solution = Submission("solucion", "", []).apply(released, solution_answers(ASSIGNMENT))
    hanging = nbformat.from_dict(json.loads(json.dumps(solution)))
    hanging.cells.insert(1, nbformat.v4.new_code_cell("import time\nwhile True:\n    time.sleep(1)\n"))
    course.submit("a_cuelga", hanging)
    for student in ("b_solucion", "c_solucion"):
        course.submit(student, solution)
    results = {r.student: r for r in classroom.grade_class(ASSIGNMENT, course.root, jobs=1, lote=3, tiempo=10)}
    assert results["a_cuelga"].state == "tiempo agotado" and "10 s de reloj" in results["a_cuelga"].reasons[0]
    for student in ("b_solucion", "c_solucion"):
        assert results[student].state == "calificada" and results[student].score == course.max_score()
