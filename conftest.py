"""pytest, for the whole repository: groups for parallel runs, and the times measured.

With pytest-xdist (``-n 2``) each notebook's cells stay on one worker, and so do all the tests of
one assignment (they share one autograded course). Notebook items come from
nbval (one item per cell); their durations are added up per notebook. Tests that measure
something else record it as a ``tiempo`` user property, which reaches the controller.
"""
import re
from collections import defaultdict

_SECONDS = defaultdict(float)


def pytest_xdist_make_scheduler(config, log):
    """With pytest-xdist: whole files go to one worker (a notebook's cells share a kernel), except
    tests/test_assignments.py, split by assignment (each shares one autograded course)."""
    from xdist.scheduler import LoadScopeScheduling

    class CourseScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            path, _, rest = nodeid.partition("::")
            assignment = re.search(r"\[(a\d+_[a-z]+)", rest) if path.endswith("test_assignments.py") else None
            return f"{path}:{assignment.group(1)}" if assignment else path

    return CourseScheduling(config, log)


def pytest_runtest_logreport(report):
    path = report.nodeid.split("::")[0]
    if path.endswith(".ipynb"):
        _SECONDS[f"cuaderno {path} (modo rápido)"] += report.duration
    for name, value in report.user_properties:
        if name == "tiempo" and report.when == "call":
            what, seconds = value
            _SECONDS[what] = seconds


def pytest_terminal_summary(terminalreporter):
    if _SECONDS:
        terminalreporter.section("tiempos medidos")
        for what, seconds in sorted(_SECONDS.items()):
            terminalreporter.write_line(f"{what}: {seconds:.1f} s")
