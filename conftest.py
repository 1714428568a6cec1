"""pytest, for the whole repository: at the end, print the times measured.

Notebook items come from nbval (one item per cell); their durations are added up per notebook.
"""
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "tests"))  # tests/ helpers

from timings import TIMINGS  # noqa: E402

_NOTEBOOK_SECONDS = defaultdict(float)


def pytest_runtest_logreport(report):
    path = report.nodeid.split("::")[0]
    if path.endswith(".ipynb"):
        _NOTEBOOK_SECONDS[f"cuaderno {path} (modo rápido)"] += report.duration


def pytest_terminal_summary(terminalreporter):
    measured = {**_NOTEBOOK_SECONDS, **TIMINGS}
    if measured:
        terminalreporter.section("tiempos medidos")
        for what, seconds in sorted(measured.items()):
            terminalreporter.write_line(f"{what}: {seconds:.1f} s")
