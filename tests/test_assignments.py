"""Layers 3 and 4 of DESIGN.md: exercises/ is what nbgrader generates from solutions/, and the
nbgrader cycle grades fairly: the solution gets full marks, the untouched student version zero,
every wrong submission of the corpus loses the points of the test that should catch it, every
trick is flagged (and scores 0), and every honest alternative gets full marks.

The temporary course uses the course's grading configuration (course_utils.autograde.config):
each kernel runs inside bubblewrap, and the integrity check zeroes flagged submissions."""
import nbformat
import pytest
from nbgrader_course import (EXERCISES, Course, Submission, assignments, solution_answers,
                             wrong_submissions)

from course_utils.autograde import integrity

AUTOGRADE_BUDGET_S = 30  # per submission, on a 2-core CPU
MIN_WRONG_SUBMISSIONS = 6
MIN_HONEST_ALTERNATIVES = 2
_COURSES = {}


def graded_course(assignment, tmp_path_factory):
    """Release the assignment, submit every case, autograde them all once (cached).

    The solution is graded as a class is, with its own sandboxed kernel: its time is the one a
    student's submission takes, and nothing left in a kernel can help it. The untouched notebook
    and the corpus then share one sandboxed kernel, reset between notebooks
    (tests/shared_kernel.py)."""
    if assignment not in _COURSES:
        course = Course(tmp_path_factory.mktemp(assignment), assignment)
        released = nbformat.read(course.released, as_version=4)
        answers = solution_answers(assignment)
        course.submit("solucion", Submission("solucion", "", []).apply(released, answers))
        course.autograde()
        course.seconds_per_submission = course.autograde_seconds
        course.submit("sin_tocar", released)
        for submission in wrong_submissions(assignment):
            course.submit(submission.name, submission.apply(released, answers))
        course.autograde(shared_kernel=True, exclude=("solucion",))
        _COURSES[assignment] = course
    return _COURSES[assignment]


@pytest.mark.parametrize("assignment", assignments())
def test_exercises_are_generated_from_solutions(assignment, tmp_path_factory):
    course = graded_course(assignment, tmp_path_factory)
    generated = nbformat.read(course.released, as_version=4)
    committed = nbformat.read(EXERCISES / assignment / f"{assignment}.ipynb", as_version=4)
    assert committed == generated, (
        f"exercises/{assignment} no es lo que genera nbgrader desde solutions/: ejecute `make exercises`")


@pytest.mark.parametrize("assignment", assignments())
def test_solution_gets_full_marks(assignment, tmp_path_factory):
    course = graded_course(assignment, tmp_path_factory)
    scores = course.scores("solucion")
    lost = {cell: score for cell, score in scores.items() if score[0] != score[1]}
    assert scores and not lost, f"la solución pierde puntos en {lost}"
    assert sum(s for s, _ in scores.values()) == course.max_score() > 0
    # The whole notebook runs, hidden tests included (this is the run of solutions/ in quick mode).
    errors = [f"{o['ename']}: {o['evalue']}" for o in course.outputs("solucion") if o["output_type"] == "error"]
    assert not errors, f"la solución da errores al ejecutarse: {errors}"


@pytest.mark.parametrize("assignment", assignments())
def test_untouched_exercise_scores_zero(assignment, tmp_path_factory):
    course = graded_course(assignment, tmp_path_factory)
    scores = course.scores("sin_tocar")
    assert scores, "el cuaderno sin tocar no llegó a calificarse"
    assert sum(s for s, _ in scores.values()) == 0, f"sin tocar puntúa {scores}"


@pytest.mark.parametrize("assignment", assignments())
def test_corpus_has_enough_wrong_submissions(assignment):
    corpus = wrong_submissions(assignment)
    assert len([s for s in corpus if s.must_fail]) >= MIN_WRONG_SUBMISSIONS
    assert len([s for s in corpus if not s.must_fail]) >= MIN_HONEST_ALTERNATIVES, "faltan alternativas honestas"


@pytest.mark.parametrize("assignment", assignments())
def test_integrity_check_passes_the_solution_clean(assignment):
    released = nbformat.read(EXERCISES / assignment / f"{assignment}.ipynb", as_version=4)
    solution = Submission("solucion", "", []).apply(released, solution_answers(assignment))
    assert integrity.check(solution, released) == []
    assert integrity.check(released, released) == []


@pytest.mark.parametrize("assignment,submission", [
    (a, s) for a in assignments() for s in wrong_submissions(a)], ids=lambda x: getattr(x, "name", x))
def test_integrity_check_flags_the_tricks_and_nothing_else(assignment, submission):
    released = nbformat.read(EXERCISES / assignment / f"{assignment}.ipynb", as_version=4)
    reasons = integrity.check(submission.apply(released, solution_answers(assignment)), released)
    if submission.flagged:
        assert reasons, f"{submission.name} ({submission.description}) no se marca"
    else:
        assert reasons == [], f"{submission.name} se marca sin ser trampa: {reasons}"


@pytest.mark.parametrize("assignment,submission", [
    (a, s) for a in assignments() for s in wrong_submissions(a)], ids=lambda x: getattr(x, "name", x))
def test_wrong_submission_loses_the_right_points(assignment, submission, tmp_path_factory):
    course = graded_course(assignment, tmp_path_factory)
    scores = course.scores(submission.name)
    total = sum(score for score, _ in scores.values())
    if not submission.must_fail:  # an honest alternative
        assert scores and total == course.max_score(), f"{submission.name} ({submission.description}) pierde puntos: {scores}"
        return
    assert total < course.max_score(), f"{submission.name} ({submission.description}) saca todos los puntos"
    if submission.flagged:  # not run at all: every graded cell carries the notice instead
        kinds = {output.get("ename", output["output_type"]) for output in course.outputs(submission.name)}
        assert total == 0 and kinds == {"EntregaMarcada"}, f"{submission.name} se ejecutó: {kinds}"
        return
    if submission.must_fail == ["todas"]:
        assert total == 0, f"{submission.name} debía sacar 0 y saca {scores}"
        return
    for cell, max_score in course.graded_cells().items():
        score = scores.get(cell, (0, max_score))[0]  # a deleted test cell scores nothing
        if cell in submission.must_fail:  # partial credit: some of its checks may still pass
            assert score < max_score, f"{submission.name}: {cell} debía fallar y saca {score}/{max_score}"
        else:
            assert score == max_score, f"{submission.name}: {cell} no debía fallar y saca {score}/{max_score}"


@pytest.mark.parametrize("assignment", assignments())
def test_autograde_is_fast(assignment, tmp_path_factory, record_property):
    course = graded_course(assignment, tmp_path_factory)
    per_submission = course.seconds_per_submission  # the solution, with its own kernel and nbgrader run
    record_property("tiempo", (f"autocorrección de {assignment}, por entrega (la solución, con su propio núcleo)",
                               per_submission))
    assert per_submission < AUTOGRADE_BUDGET_S
