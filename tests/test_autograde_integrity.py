"""course_utils.autograde.integrity: the grader reads the code (never runs it) and flags tampering,
without flagging honest code."""
import pytest

from course_utils.autograde.integrity import scan_source

TRICKS = {
    "get_ipython().input_transformers_cleanup.append(lambda lines: ['pass\\n'])": "get_ipython",
    "ip = get_ipython()\nip.ast_transformers.append(object())": "ast_transformers",
    "get_ipython().set_custom_exc((AssertionError,), lambda *a: None)": "set_custom_exc",
    "import importlib\nimportlib.reload = lambda m: m": "importlib",
    "np.any = np.isscalar": "np.any",
    "m = np\nm.allclose = lambda *a, **k: True": "m.allclose",
    "import numpy.testing as npt\nnpt.assert_allclose = print": "npt.assert_allclose",
    "setattr(np, 'isclose', lambda *a, **k: True)": "setattr",
    "def f(x):\n    return globals()['expected']": "globals",
    "def f(x):\n    return vars()['x']": "vars",
    "import sys\nsys.setprofile(None)": "setprofile",
    "import sys\nsys.settrace(None)": "settrace",
    "import sys\nsys.modules['numpy'].any = all": "sys.modules",
    "import sys\nframe = sys._getframe(1)": "_getframe",
    "import builtins\nbuiltins.len = lambda x: 3": "builtins",
    "exec('x = 1')": "exec",
    "eval('1 + 1')": "eval",
    "code = compile('1', 'x', 'eval')": "compile",
    "np_ = __import__('numpy')": "__import__",
    "import threading\nthreading.Thread(target=print).start()": "threading",
    "import subprocess\nsubprocess.run(['ls'])": "subprocess",
    "import os\nos.system('ls')": "os",
    "import multiprocessing": "multiprocessing",
    "print(open('/etc/passwd').read())": "open",
    "import inspect\ninspect.currentframe()": "inspect",
    "import gc\ngc.get_objects()": "gc",
    "def f():\n    pass\nf.__code__ = (lambda: 1).__code__": "__code__",
    "class Always:\n    def __eq__(self, other):\n        return True": "__eq__",
    "!cat /etc/passwd": "!orden",
    "%run otro.py": "%run",
}
HONEST = [
    "%matplotlib inline\nimport numpy as np",
    "def f(x):\n    if not isinstance(x, np.ndarray):\n        raise TypeError(f'{x.__class__.__name__}')\n    return x",
    "model = keras.Sequential([layers.Dense(3)])\nmodel.compile(optimizer='adam', loss='mse')",
    "base_model.trainable = False\nfor layer in base_model.layers[-3:]:\n    layer.trainable = True",
    "import warnings\nwarnings.warn('aviso')",
    "from numpy.lib.stride_tricks import sliding_window_view\nw = sliding_window_view(np.ones((4, 4)), (2, 2))",
    "rng = np.random.default_rng(0)\nx = rng.normal(size=3)\nx[0] = 1.0",
    "import math\nvalue = math.floor(2.5)",
    "out = np.zeros(3)\nout[1:] = getattr(np, 'ones')(2)",
    "def f(x):\n    y = x.copy()\n    y[y < 0] = 0\n    return y",
    "this is not python (",  # a syntax error costs points when it runs; it is not a trick
]


@pytest.mark.parametrize("source,word", list(TRICKS.items()), ids=list(TRICKS.values()))
def test_tricks_are_flagged(source, word):
    reasons = [reason for _, reason in scan_source(source, {"np", "keras", "layers"})]
    assert reasons, f"no se marca: {source!r}"
    assert any(word in reason for reason in reasons), reasons


@pytest.mark.parametrize("source", HONEST)
def test_honest_code_is_not_flagged(source):
    assert scan_source(source, {"np", "keras", "layers"}) == []
