"""scripts/full_mode.py: the checking logic of the full-mode runner (no training here)."""
import importlib.util
import json
from pathlib import Path

import pytest

from course_utils import results

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("full_mode", ROOT / "scripts" / "full_mode.py")
full_mode = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(full_mode)


@pytest.fixture
def stored(tmp_path):
    (tmp_path / "04_cnn.json").write_text(json.dumps({
        "chapter": "04_cnn", "wall_time_s": 812,
        "results": {"exactitud_mnist": {"value": 0.9921, "tolerance": 0.003},
                    "exactitud_fashion": {"value": 0.9150, "tolerance": 0.005}}}))
    return tmp_path


def _records(tmp_path, monkeypatch, measures):
    """Write the log exactly as results.compare() does when COURSE_RESULTS_OUT is set."""
    log = tmp_path / "run.jsonl"
    monkeypatch.setenv(results.RESULTS_OUT_ENV, str(log))
    for key, value in measures:
        results.compare("04_cnn", key, value, directory=tmp_path)
    return full_mode.read_records(log)


def test_a_chapter_without_a_card_is_only_timed(stored):
    assert full_mode.check("02_convoluciones", [], stored) == []
    text = full_mode.table([], {"02_convoluciones": 90.0})
    assert "02_convoluciones: 90 s (1.5 min) de reloj en modo completo" in text


def test_within_tolerance_passes(stored, monkeypatch, capsys):
    records = _records(stored, monkeypatch, [("exactitud_mnist", 0.9931), ("exactitud_fashion", 0.9120)])
    rows = full_mode.check("04_cnn", records, stored)
    assert [r["status"] for r in rows] == [full_mode.OK, full_mode.OK]
    assert not full_mode.failed(rows)


def test_a_figure_outside_its_tolerance_is_a_miss(stored, monkeypatch):
    records = _records(stored, monkeypatch, [("exactitud_mnist", 0.9880), ("exactitud_fashion", 0.9150)])
    rows = {r["key"]: r for r in full_mode.check("04_cnn", records, stored)}
    assert rows["exactitud_mnist"]["status"] == full_mode.MISS   # 0.0041 away, tolerance 0.003
    assert rows["exactitud_fashion"]["status"] == full_mode.OK


def test_a_stored_figure_the_run_did_not_measure_is_a_miss(stored, monkeypatch):
    records = _records(stored, monkeypatch, [("exactitud_mnist", 0.9921)])
    rows = {r["key"]: r for r in full_mode.check("04_cnn", records, stored)}
    assert rows["exactitud_fashion"]["status"] == full_mode.MISSING
    assert len(full_mode.failed(rows.values())) == 1


def test_a_historical_figure_the_notebook_only_quotes_is_not_a_miss(stored, monkeypatch):
    card = json.loads((stored / "04_cnn.json").read_text())
    card["results"]["antes_mnist"] = {"value": 0.98, "tolerance": 0.01, "historical": True}
    (stored / "04_cnn.json").write_text(json.dumps(card))
    records = _records(stored, monkeypatch, [("exactitud_mnist", 0.9921), ("exactitud_fashion", 0.915)])
    rows = {r["key"]: r for r in full_mode.check("04_cnn", records, stored)}
    assert rows["antes_mnist"]["status"] == full_mode.HISTORICAL
    assert not full_mode.failed(rows.values())


def test_repeated_measures_of_one_key_are_averaged(stored, monkeypatch):
    records = _records(stored, monkeypatch, [("exactitud_mnist", 0.9900), ("exactitud_mnist", 0.9940),
                                             ("exactitud_fashion", 0.915)])
    rows = {r["key"]: r for r in full_mode.check("04_cnn", records, stored)}
    assert rows["exactitud_mnist"]["measured"] == pytest.approx(0.9920)


def test_table_is_in_spanish_and_main_exits_non_zero_on_a_miss(stored, monkeypatch, capsys):
    records = _records(stored, monkeypatch, [("exactitud_mnist", 0.95), ("exactitud_fashion", 0.915)])
    text = full_mode.table(full_mode.check("04_cnn", records, stored), {"04_cnn": 600.0})
    assert "capítulo" in text and "tolerancia" in text and "FUERA" in text and "10.0 min" in text
    log = stored / "run.jsonl"
    assert full_mode.main(["--check-only", str(log), "--results-dir", str(stored)]) == 1
    assert "fuera de su tolerancia" in capsys.readouterr().out
