"""A throw-away nbgrader course for the tests: release, submit, autograde, read the scores.

The course lives in a temporary folder; the repository's own nbgrader files are never touched.
Wrong submissions are small ``.py`` files under ``tests/submissions/<assignment>/`` that say,
cell by cell, what a student wrote differently from the solution (see ``Submission``).
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
SUBMISSIONS = ROOT / "tests" / "submissions"
_SOLUTION_MARKERS = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def assignments():
    """Names of the assignments in solutions/ (a1_imagenes, a2_convoluciones, ...)."""
    return sorted(p.name for p in SOLUTIONS.glob("a*") if p.is_dir())


def grade_id(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def solution_answers(assignment):
    """grade_id -> the answer a perfect student types (the solution without its markers)."""
    nb = nbformat.read(SOLUTIONS / assignment / f"{assignment}.ipynb", as_version=4)
    return {
        grade_id(cell): "\n".join(line for line in cell.source.splitlines()
                                  if not _SOLUTION_MARKERS.match(line))
        for cell in nb.cells if cell.metadata.get("nbgrader", {}).get("solution")
    }


@dataclass
class Submission:
    """A wrong submission: the solution with some cells replaced, deleted or added.

    File format (``tests/submissions/<assignment>/<name>.py``)::

        \"\"\"What the student got wrong, in one line.

        Debe fallar: test_to_grayscale, test_histogram
        \"\"\"
        # %% to_grayscale              <- replaces the cell with this grade_id
        def to_grayscale(image): ...
        # %% delete test_histogram     <- deletes that cell
        # %% after normalize           <- inserts a new code cell after that cell

    ``Debe fallar: todas`` means the whole submission must score zero; ``Debe fallar: ninguna``
    marks an honest alternative, which must score full marks. A line ``Marcada: sí`` says the
    integrity check (course_utils.autograde.integrity) must flag it; every other submission
    must pass that check clean.
    """

    name: str
    description: str
    must_fail: list
    edits: list = field(default_factory=list)  # (action, grade_id, source)
    flagged: bool = False

    @classmethod
    def parse(cls, path):
        text = path.read_text(encoding="utf-8")
        docstring = re.match(r'\s*"""(.*?)"""', text, re.S)
        if not docstring:
            raise ValueError(f"{path}: a wrong submission must open with a docstring")
        failing = re.search(r"Debe fallar:\s*(.+)", docstring.group(1))
        if not failing:
            raise ValueError(f"{path}: the docstring must say 'Debe fallar: <grade ids>'")
        edits = []
        for block in re.split(r"^# %% ", text[docstring.end():], flags=re.M)[1:]:
            header, _, source = block.partition("\n")
            words = header.split()
            action, target = (words[0], words[1]) if len(words) == 2 else ("replace", words[0])
            edits.append((action, target, source.strip("\n")))
        must_fail = [w.strip() for w in failing.group(1).split(",")]
        flagged = bool(re.search(r"Marcada:\s*s[ií]", docstring.group(1)))
        return cls(path.stem, docstring.group(1).strip().splitlines()[0],
                   [] if must_fail == ["ninguna"] else must_fail, edits, flagged)

    def apply(self, notebook, answers):
        """The student's notebook: the released one, answered correctly except for the edits."""
        nb = nbformat.from_dict(json.loads(json.dumps(notebook)))
        for cell in nb.cells:
            if grade_id(cell) in answers:
                cell.source = answers[grade_id(cell)]
        for action, target, source in self.edits:
            index = next((i for i, c in enumerate(nb.cells) if grade_id(c) == target), None)
            if index is None:
                raise ValueError(f"{self.name}: no cell with grade_id {target!r}")
            if action == "replace":
                nb.cells[index].source = source
            elif action == "delete":
                del nb.cells[index]
            elif action == "after":
                nb.cells.insert(index + 1, nbformat.v4.new_code_cell(source))
            else:
                raise ValueError(f"{self.name}: unknown action {action!r}")
        return nb


def wrong_submissions(assignment):
    return [Submission.parse(p) for p in sorted((SUBMISSIONS / assignment).glob("*.py"))]


def _nbgrader(course, *args, check=True, env=None):
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course,
                            capture_output=True, text=True, env=env)
    with open(Path(course) / "nbgrader.log", "a") as log:
        log.write(result.stdout + result.stderr)
    if check and result.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


class Course:
    """One assignment released, submitted by several students and autograded."""

    def __init__(self, root, assignment):
        self.root, self.assignment = Path(root), assignment
        # The course's own grading configuration: kernels in the sandbox, integrity check, feedback
        # without hidden tests (course_utils.autograde.config.configure).
        # With COURSE_TEST_SHARED_KERNEL=1 the corpus shares one sandboxed kernel (tests/shared_kernel.py).
        (self.root / "nbgrader_config.py").write_text(
            "import os, sys\n"
            "from course_utils.autograde.config import EXECUTE, configure\n"
            "c = get_config()\n"
            "c.CourseDirectory.course_id = 'prueba'\n"
            f"c.CourseDirectory.db_url = 'sqlite:///{self.root / 'gradebook.db'}'\n"
            "c.ExecutePreprocessor.timeout = 120\n"
            "configure(c)\n"
            "if os.environ.get('COURSE_TEST_SHARED_KERNEL') == '1':\n"
            f"    sys.path.insert(0, {str(Path(__file__).resolve().parent)!r})\n"
            "    c.Autograde.autograde_preprocessors = ['shared_kernel.SharedKernelExecute' if p == EXECUTE else p\n"
            "                                           for p in c.Autograde.autograde_preprocessors]\n"
        )
        shutil.copytree(SOLUTIONS / assignment, self.root / "source" / assignment)
        _nbgrader(self.root, "generate_assignment", assignment, "--force")
        self.autograde_seconds = None

    @property
    def released(self):
        return self.root / "release" / self.assignment / f"{self.assignment}.ipynb"

    def submit(self, student, notebook):
        folder = self.root / "submitted" / student / self.assignment
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, folder / f"{self.assignment}.ipynb")

    def autograde(self, shared_kernel=False, exclude=()):
        """``nbgrader autograde`` of every submission but ``exclude``, each with its own sandboxed
        kernel as in a class, or with ``shared_kernel`` one kernel for all (tests/shared_kernel.py)."""
        start = time.perf_counter()
        env = {**os.environ, "COURSE_TEST_SHARED_KERNEL": "1" if shared_kernel else "0"}
        # A submission that kills its kernel makes nbgrader exit non-zero; its score says the rest.
        _nbgrader(self.root, "autograde", self.assignment, "--force", check=False, env=env,
                  *([f"--CourseDirectory.student_id_exclude={','.join(exclude)}"] if exclude else []))
        self.autograde_seconds = time.perf_counter() - start

    def scores(self, student):
        """grade_id -> (score, max_score) of each graded cell, or {} if it was not graded."""
        from nbgrader.api import Gradebook, MissingEntry

        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}") as gradebook:
            try:
                notebook = gradebook.find_submission_notebook(self.assignment, self.assignment, student)
            except MissingEntry:
                return {}
            return {grade.name: (grade.score, grade.max_score) for grade in notebook.grades}

    def outputs(self, student):
        """Every output of the student's autograded notebook, in order."""
        path = self.root / "autograded" / student / self.assignment / f"{self.assignment}.ipynb"
        notebook = nbformat.read(path, as_version=4)
        return [output for cell in notebook.cells for output in cell.get("outputs", [])]

    def graded_cells(self):
        """grade_id -> points of every graded cell of the assignment."""
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}") as gradebook:
            notebook = gradebook.find_notebook(self.assignment, self.assignment)
            return {cell.name: cell.max_score for cell in notebook.grade_cells}

    def max_score(self):
        from nbgrader.api import Gradebook

        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}") as gradebook:
            return gradebook.find_assignment(self.assignment).max_score
