"""Benchmark (not a test): a class of a1 submissions, plain serial `nbgrader autograde` against the
class command (sandbox, integrity check, batches of students per nbgrader process, one batch per
core), on the same machine in one run.

    PYTHONPATH=$PWD:$PWD/tests nice -n 10 python tests/bench_autograde.py [--alumnos 100]

Prints submissions per minute for both, and the sandbox's overhead per submission (the class
command with one job, with and without bubblewrap: COURSE_SANDBOX=off).
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nbgrader_course import Course, Submission, solution_answers, wrong_submissions  # noqa: E402

from course_utils.autograde import classroom  # noqa: E402

ASSIGNMENT = "a1_imagenes"


def _cpu():
    """CPU seconds used so far by this process's finished children (nbgrader, kernels)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def make_class(root, size):
    root.mkdir(parents=True)
    course = Course(root, ASSIGNMENT)
    released = nbformat.read(course.released, as_version=4)
    answers = solution_answers(ASSIGNMENT)
    # No tricks: plain nbgrader runs them unsandboxed, and one rewrites course_utils/grading.py.
    corpus = [Submission("solucion", "", [])] + [s for s in wrong_submissions(ASSIGNMENT) if not s.flagged]
    for k in range(size):
        course.submit(f"alumno{k:03d}", corpus[k % len(corpus)].apply(released, answers))
    return course


def plain_config(course):
    """nbgrader as it was: no sandbox, no integrity check, the stock Execute."""
    (course.root / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        "c.CourseDirectory.course_id = 'prueba'\n"
        f"c.CourseDirectory.db_url = 'sqlite:///{course.root / 'gradebook.db'}'\n"
        "c.ExecutePreprocessor.timeout = 120\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--alumnos", type=int, default=100)
    parser.add_argument("--overhead", type=int, default=8, help="entregas para medir el coste del cajón")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        plain = make_class(Path(tmp) / "serie", args.alumnos)
        plain_config(plain)
        start, cpu = time.perf_counter(), _cpu()
        subprocess.run([sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT, "--force"],
                       cwd=plain.root, capture_output=True)
        serial, serial_cpu = time.perf_counter() - start, _cpu() - cpu

        ours = make_class(Path(tmp) / "clase", args.alumnos)
        start, cpu = time.perf_counter(), _cpu()
        classroom.grade_class(ASSIGNMENT, ours.root, stream=open(os.devnull, "w"))
        parallel, parallel_cpu = time.perf_counter() - start, _cpu() - cpu

        timings = {}
        for mode in ("on", "off"):
            course = make_class(Path(tmp) / f"cajon-{mode}", args.overhead)
            os.environ["COURSE_SANDBOX"] = mode
            start, cpu = time.perf_counter(), _cpu()
            classroom.grade_class(ASSIGNMENT, course.root, jobs=1, stream=open(os.devnull, "w"))
            timings[mode] = ((time.perf_counter() - start) / args.overhead, (_cpu() - cpu) / args.overhead)
        os.environ.pop("COURSE_SANDBOX")

    print(f"{args.alumnos} entregas de {ASSIGNMENT}, {os.cpu_count()} núcleos, carga {os.getloadavg()[0]:.1f}")
    print(f"nbgrader autograde en serie: {serial:.0f} s, {60 * args.alumnos / serial:.1f} entregas/min, "
          f"{serial_cpu / args.alumnos:.1f} s de CPU por entrega")
    print(f"python -m course_utils.autograde: {parallel:.0f} s, {60 * args.alumnos / parallel:.1f} entregas/min, "
          f"{parallel_cpu / args.alumnos:.1f} s de CPU por entrega")
    (on, on_cpu), (off, off_cpu) = timings["on"], timings["off"]
    print(f"coste del cajón por entrega (un trabajo): {on:.1f} s ({on_cpu:.1f} s de CPU) con bubblewrap, "
          f"{off:.1f} s ({off_cpu:.1f} s de CPU) sin él: {on - off:+.1f} s ({on_cpu - off_cpu:+.1f} s de CPU)")


if __name__ == "__main__":
    main()
