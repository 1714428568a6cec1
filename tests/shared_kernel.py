"""For the tests only: one sandboxed kernel for every notebook that one nbgrader process grades.

``make test`` grades about 180 corpus notebooks. A fresh kernel for each pays the start-up of
Python, NumPy and TensorFlow (about 8 s of CPU) every time, which was most of the suite's time.
Here the course's own ``SandboxExecute`` (same sandbox, limits and output handling; nbgrader still
scores every cell) keeps its kernel between notebooks and wipes it in between: ``%reset -f``, and
``keras.backend.clear_session()`` once Keras is loaded.

Only the corpus and the untouched notebook go through it, never a student: a flagged submission
is not run at all, and the solution is graded first, with its own kernel, exactly as
``make autograde`` grades a class. The course's ``nbgrader_config.py`` (``tests/nbgrader_course.py``)
switches to this class when ``COURSE_TEST_SHARED_KERNEL=1``.
"""
import atexit

from jupyter_core.utils import run_sync

from course_utils.autograde.sandbox import SandboxExecute

# What %reset -f does (InteractiveShell.reset) without its gc.collect(): clear_session() collects
# garbage too (Keras 3), and each collection costs 0.2 s per notebook once TensorFlow is loaded.
RESET = ("get_ipython().reset(new_session=False)\n"
         "import gc, sys\n"
         "if 'keras' in sys.modules:\n"
         "    sys.modules['keras'].backend.clear_session()\n"
         "else:\n"
         "    gc.collect()\n")


class SharedKernelExecute(SandboxExecute):
    """``SandboxExecute`` whose sandboxed kernel outlives the notebook, reset before each one."""

    _kernel = None  # one per nbgrader process

    def _shared_kernel(self, path, name):
        kernel = SharedKernelExecute._kernel
        if kernel is not None and run_sync(kernel.is_alive)():
            return kernel
        kernel = self.kernel_manager_class(kernel_name=name, config=self.config)
        run_sync(kernel.start_kernel)(cwd=path, extra_arguments=self.extra_arguments)
        atexit.register(run_sync(kernel.shutdown_kernel), now=True)
        SharedKernelExecute._kernel = kernel
        return kernel

    def preprocess(self, nb, resources=None, km=None):
        from nbformat.v4 import new_code_cell

        path = (resources or {}).get("metadata", {}).get("path") or "."
        nb.cells.insert(0, new_code_cell(RESET))
        try:
            name = self.kernel_name or nb.metadata.get("kernelspec", {}).get("name") or "python3"
            nb, resources = super().preprocess(nb, resources, km=self._shared_kernel(path, name))
        finally:
            del nb.cells[0]
            if self.kc is not None:
                self.kc.stop_channels()
                self.kc = None
        return nb, resources
