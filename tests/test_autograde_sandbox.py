"""The instructor's command on submissions that attack the grader: each is contained, and grading
goes on to the next student (course_utils.autograde: sandbox, classroom, feedback)."""
import hashlib
import json
import re
import shutil
import subprocess
import sys
import uuid

import nbformat
import pytest
from nbgrader_course import ROOT, Course, Submission, solution_answers

from course_utils.autograde import classroom, feedback, sandbox

pytestmark = pytest.mark.skipif(sandbox.available() is not None, reason=str(sandbox.available()))
ASSIGNMENT = "a1_imagenes"
ESCAPE = f"/tmp/fuga-{uuid.uuid4().hex}"
# student -> code of an extra cell, right after the set-up cell; the answers are the solution's.
ATTACKS = {
    "red": "import socket\n"
           "for host in (('8.8.8.8', 53), ('127.0.0.1', 22), ('pypi.org', 443)):\n"
           "    try:\n"
           "        socket.create_connection(host, timeout=3)\n"
           "        print('RED ABIERTA', host)\n"
           "    except OSError as error:\n"
           "        print('sin red:', error)\n",
    "escribe_repositorio": "import pathlib\n"
           f"for path in ({str(ROOT / 'course_utils' / 'grading.py')!r}, {ESCAPE!r},\n"
           "             __import__('course_utils').__file__):\n"
           "    try:\n"
           "        with open(path, 'a') as out:\n"
           "            out.write('\\ncheck_array = lambda *a, **k: None\\n')\n"
           "        print('ESCRITO', path)\n"
           "    except OSError as error:\n"
           "        print('no se puede escribir:', error)\n",
    "lee_soluciones": "import glob, os\n"
           f"found = glob.glob({str(ROOT / 'solutions' / '*' / '*.ipynb')!r})\n"
           "for top in ('/home', '/work', '/tmp', '/root', '/opt', '/srv'):\n"
           "    found += glob.glob(top + '/**/*.ipynb', recursive=True) + glob.glob(top + '/**/*.db', recursive=True)\n"
           "found += glob.glob(os.path.expanduser('~root/*'))\n"
           "for path in found:\n"
           "    print('VISTO', path)\n"
           "    print(open(path, errors='replace').read()[:2000])\n",
    "bomba_de_procesos": "import os, time\n"
           "children = 0\n"
           "for _ in range(5000):\n"
           "    try:\n"
           "        pid = os.fork()\n"
           "    except OSError:\n"
           "        break\n"
           "    if pid == 0:\n"
           "        time.sleep(120)\n"
           "        os._exit(0)\n"
           "    children += 1\n"
           "print('procesos creados:', children)\n",
    "memoria_20_gb": "import numpy as np\n"
           "block = np.ones(20 * 2**30, dtype=np.uint8)\n"
           "print(block.sum())\n",
    "salida_1_gb": "import sys\n"
           "line = 'x' * (2**20 - 1) + '\\n'\n"
           "for _ in range(1024):\n"
           "    sys.stdout.write(line)\n",
    "bucle_infinito": "while True:\n"
           "    pass\n",
}


def _fingerprint():
    """Hash of every file the sandbox must never change: course_utils and solutions/."""
    digest = hashlib.sha256()
    for folder in (ROOT / "course_utils", ROOT / "solutions"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def attacked_class(tmp_path_factory):
    course = Course(tmp_path_factory.mktemp("cajon"), ASSIGNMENT)
    # The attacks the integrity check flags run all the same here: the sandbox must contain them even
    # if the check missed them (by default a flagged submission is not run at all).
    with open(course.root / "nbgrader_config.py", "a") as config:
        config.write("c.SandboxExecute.run_flagged = True\n")
    released = nbformat.read(course.released, as_version=4)
    answers = solution_answers(ASSIGNMENT)
    for student, code in ATTACKS.items():
        notebook = Submission(student, "", []).apply(released, answers)
        notebook.cells.insert(1, nbformat.v4.new_code_cell(code))
        course.submit(student, notebook)
    course.submit("zz_solucion", Submission("solucion", "", []).apply(released, answers))
    before = _fingerprint()
    results = classroom.grade_class(ASSIGNMENT, course.root, jobs=2, tiempo=120, tiempo_celda=10)
    return course, {r.student: r for r in results}, before


def _outputs(course, student):
    """What the student's code printed, and the messages of its errors (not their tracebacks)."""
    path = course.root / "autograded" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    if not path.exists():
        return ""
    notebook = nbformat.read(path, as_version=4)
    return json.dumps([(o.get("text"), o.get("ename"), o.get("evalue"), o.get("data"))
                       for cell in notebook.cells for o in cell.get("outputs", [])])


def test_every_attack_is_contained_and_grading_goes_on(attacked_class):
    course, results, before = attacked_class
    assert set(results) == set(ATTACKS) | {"zz_solucion"}
    solution = results["zz_solucion"]
    assert solution.state == "calificada" and solution.score == solution.max_score > 0, solution
    assert _fingerprint() == before, "una entrega cambió course_utils/ o solutions/"
    assert not shutil.os.path.exists(ESCAPE), "una entrega escribió fuera de su cajón"
    for student in ATTACKS:
        assert results[student].score == 0 or results[student].state != "marcada", results[student]
        text = _outputs(course, student)
        assert "RED ABIERTA" not in text, student
        seen = re.findall(r"VISTO (\S+?)\\n", text)
        assert all(path.startswith(sandbox.HOME) for path in seen), f"{student} ve {seen}"  # only its own copy
        # Writing inside the sandbox (its private /tmp) is allowed; the repository and course_utils are not.
        assert f"ESCRITO {ROOT}" not in text and "ESCRITO /opt" not in text, student
        assert "BEGIN SOLUTION" not in text, f"{student} vio las soluciones"


def test_attacks_are_flagged_or_stopped(attacked_class):
    _, results, _ = attacked_class
    for student in ("red", "escribe_repositorio", "lee_soluciones", "bomba_de_procesos"):
        assert results[student].state == "marcada" and results[student].score == 0, results[student]
    assert results["bucle_infinito"].state == "tiempo agotado", results["bucle_infinito"]
    # Allocating 20 GB fails inside the sandbox (MemoryError) instead of taking the machine.
    assert "MemoryError" in _outputs(attacked_class[0], "memoria_20_gb")
    # Printing 1 GB: cut at the source, the notebook keeps about 1 MB and the answers still count.
    assert "salida recortada" in _outputs(attacked_class[0], "salida_1_gb")
    assert len(_outputs(attacked_class[0], "salida_1_gb")) < 3_000_000
    assert results["salida_1_gb"].score == results["salida_1_gb"].max_score, results["salida_1_gb"]


def test_summary_is_in_spanish(attacked_class):
    _, results, _ = attacked_class
    text = classroom.summary(list(results.values()), ASSIGNMENT)
    assert "marcadas para revisar" in text and "tiempo agotado" in text
    assert "importa socket" in text  # the reason the instructor reviews


def test_feedback_shows_the_message_not_the_hidden_tests(attacked_class, tmp_path):
    course, _, _ = attacked_class
    notebook = nbformat.read(course.root / "autograded" / "zz_solucion" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
                             as_version=4)
    cell = next(c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "test_to_grayscale")
    assert "_hidden_tests" in cell.source
    cell.outputs = [nbformat.v4.new_output("error", ename="AssertionError", evalue="to_grayscale: se esperaba 1",
                                           traceback=["Traceback", "  _hidden_tests()", "AssertionError: ..."])]
    feedback.hide(cell)
    assert "_hidden_tests" not in cell.source and "default_rng" not in cell.source
    assert "Pruebas ocultas" in cell.source
    assert cell.outputs[0]["traceback"] == ["AssertionError: to_grayscale: se esperaba 1"]
    # nbgrader generate_feedback, with the course's configuration, shows no hidden test.
    subprocess.run([sys.executable, "-m", "nbgrader", "generate_feedback", ASSIGNMENT, "--student",
                    "zz_solucion", "--force"], cwd=course.root, check=True, capture_output=True)
    html = (course.root / "feedback" / "zz_solucion" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "Pruebas ocultas" in html and "_hidden_tests" not in html and "default_rng()" not in html


def test_tmp_is_mounted_before_the_interpreter_and_the_venv():
    """A venv under /tmp (a clone there) must stay visible: bwrap applies mounts in order."""
    box = sandbox.Box(None)
    try:
        argv = box.command(["true"], memory_mb=64, cpu_seconds=1, processes=1, file_size_mb=1)
    finally:
        box.remove()
    assert argv.index("--tmpfs") < argv.index("--ro-bind")
