"""Honest alternatives (DESIGN.md, layer 4): a correct answer written another way must score full
marks. They live in ``tests/submissions/<aN>/honestas/*.py``, in the format of the wrong
submissions (``Debe fallar: ninguna``), and are graded here with nbgrader like the rest."""

import nbformat
import pytest
from nbgrader_course import SUBMISSIONS, Course, Submission, assignments, solution_answers


def _honest(assignment):
    return [Submission.parse(p) for p in sorted((SUBMISSIONS / assignment / "honestas").glob("*.py"))]


CASES = [(a, s) for a in assignments() for s in _honest(a)]


@pytest.mark.skipif(not CASES, reason="ninguna tarea tiene alternativas honestas")
@pytest.mark.parametrize("assignment", sorted({a for a, _ in CASES}))
def test_honest_alternatives_get_full_marks(assignment, tmp_path_factory):
    course = Course(tmp_path_factory.mktemp(f"{assignment}_honestas"), assignment)
    released = nbformat.read(course.released, as_version=4)
    answers = solution_answers(assignment)
    honest = _honest(assignment)
    assert len(honest) >= 2, f"{assignment}: se esperan al menos dos alternativas honestas"
    for submission in honest:
        assert submission.must_fail == ["ninguna"], f"{submission.name}: una alternativa honesta no debe fallar nada"
        course.submit(submission.name, submission.apply(released, answers))
    course.autograde()
    for submission in honest:
        scores = course.scores(submission.name)
        total = sum(score for score, _ in scores.values())
        assert scores and total == course.max_score(), (
            f"{submission.name} ({submission.description}) debía sacar todos los puntos y saca {scores}")
