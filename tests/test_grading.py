"""course_utils.grading: messages in Spanish, checks that can fail, defences against cheating."""
import numpy as np
import pytest
import scipy.signal

from course_utils import grading


def test_check_array_explains_a_wrong_shape():
    with pytest.raises(AssertionError, match=r"conv2d con stride=2: se esperaba forma \(2, 2\) y se obtuvo \(4, 4\)"):
        grading.check_array("conv2d con stride=2", np.zeros((4, 4)), np.zeros((2, 2)))


def test_check_array_points_at_the_first_wrong_value():
    with pytest.raises(AssertionError, match=r"1 de 3 valores.*posición \(2,\).*se esperaba 3 y se obtuvo 4"):
        grading.check_array("f", np.array([1, 2, 4]), np.array([1, 2, 3]))


def test_check_array_checks_type_and_dtype():
    with pytest.raises(AssertionError, match="ndarray"):
        grading.check_array("f", [1, 2], np.array([1, 2]))
    with pytest.raises(AssertionError, match="dtype float32"):
        grading.check_array("f", np.zeros(2), np.zeros(2), dtype=np.float32)
    grading.check_array("f", np.array([0.1 + 0.2]), np.array([0.3]))  # float tolerance


def test_check_raises_and_check_close():
    assert "malo" in grading.check_raises("g", ValueError, lambda: (_ for _ in ()).throw(ValueError("malo")))
    with pytest.raises(AssertionError, match="no lanzó nada"):
        grading.check_raises("g", ValueError, lambda: None)
    with pytest.raises(AssertionError, match="se esperaba 1 y se obtuvo 2"):
        grading.check_close("h", 2.0, 1.0)


def test_call_without_catches_a_library_doing_the_job():
    def delegated(x):
        return scipy.signal.correlate2d(x, np.ones((2, 2)), mode="valid")

    def by_hand(x):
        return np.array([[x[i:i + 2, j:j + 2].sum() for j in range(2)] for i in range(2)])

    x = np.arange(9.0).reshape(3, 3)
    np.testing.assert_array_equal(grading.call_without(("scipy",), by_hand, x), delegated(x))
    with pytest.raises(AssertionError, match="usa scipy"):
        grading.call_without(("scipy",), delegated, x)


def test_call_without_notices_the_profiler_being_switched_off():
    import sys

    with pytest.raises(AssertionError, match="desactivado"):
        grading.call_without(("scipy",), lambda: sys.setprofile(None))


def test_reloaded_module_undoes_patched_checkers():
    original = grading.check_array
    grading.check_array = lambda *args, **kwargs: None
    fresh = grading.reloaded()
    with pytest.raises(AssertionError):
        fresh.check_array("f", np.zeros(1), np.ones(1))
    assert grading.check_array is not original  # reload rebinds the module's functions


def test_a_patched_numpy_stops_the_grading(monkeypatch):
    monkeypatch.setattr(np, "isclose", lambda *args, **kwargs: True)
    with pytest.raises(AssertionError, match="numpy.isclose"):
        grading.verify_numpy()


def test_checks_give_partial_credit_per_independent_check(capsys):
    checks = grading.Checks()
    with checks:
        grading.check_equal("a", 1, 1)
    with checks:
        grading.check_equal("b", 2, 3)
    assert checks.score(4) == 2.0
    assert "b: se esperaba 3 y se obtuvo 2" in capsys.readouterr().out
    nothing = grading.Checks()
    with nothing:
        grading.check_equal("c", 0, 1)
    with pytest.raises(AssertionError, match="c: se esperaba 1"):
        nothing.score(4)
    with pytest.raises(ZeroDivisionError):  # only AssertionError counts as a failed check
        with grading.Checks():
            1 / 0
