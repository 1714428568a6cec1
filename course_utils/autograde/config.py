"""La configuración de nbgrader que usa la corrección del curso (la llama ``nbgrader_config.py``).

:func:`configure` deja el libro de notas en una ruta absoluta y cambia tres cosas de nbgrader:

* ``Execute`` → :class:`~course_utils.autograde.sandbox.SandboxExecute`: el núcleo de cada
  entrega corre dentro de bubblewrap, con límites;
* tras puntuar, :class:`~course_utils.autograde.integrity.IntegrityCheck` pone a 0 una entrega
  que la comprobación de integridad marca, con el motivo como comentario;
* ``generate_feedback`` oculta las pruebas ocultas (:mod:`~course_utils.autograde.feedback`).

Así también ``nbgrader autograde`` a secas, o formgrader, corrigen dentro del cajón.
"""
import os

EXECUTE = "course_utils.autograde.sandbox.SandboxExecute"
INTEGRITY = "course_utils.autograde.integrity.IntegrityCheck"
FEEDBACK = "course_utils.autograde.feedback.HideHiddenTests"


def autograde_preprocessors():
    """Los de nbgrader, con el núcleo en el cajón y la comprobación de integridad tras puntuar.

    ``COURSE_SANDBOX=off`` deja el ``Execute`` de nbgrader (sin cajón): solo para máquinas de
    pruebas donde bubblewrap no puede crear espacios de nombres; nunca para corregir a alumnos.
    """
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import Execute, SaveAutoGrades

    out = []
    for pp in Autograde.class_traits()["autograde_preprocessors"].default():
        out.append(EXECUTE if pp is Execute else pp)
        if pp is SaveAutoGrades:
            out.append(INTEGRITY)
    return out


def configure(c, root=None, memory_mb=6144, cpu_seconds=900, processes=256, file_size_mb=64):
    """Aplica la configuración de la corrección a ``c`` (el objeto de ``nbgrader_config.py``)."""
    from nbgrader.converters import GenerateFeedback

    if root is not None:
        root = os.path.abspath(root)
        os.makedirs(os.path.join(root, ".nbgrader"), exist_ok=True)
        c.CourseDirectory.root = root
        c.CourseDirectory.db_url = "sqlite:///" + os.path.join(root, ".nbgrader", "gradebook.db")
    c.Autograde.autograde_preprocessors = autograde_preprocessors()
    feedback = list(GenerateFeedback.class_traits()["preprocessors"].default())
    c.GenerateFeedback.preprocessors = [feedback[0], FEEDBACK, *feedback[1:]]
    c.SandboxKernelManager.memory_mb = memory_mb
    c.SandboxKernelManager.cpu_seconds = cpu_seconds
    c.SandboxKernelManager.processes = processes
    c.SandboxKernelManager.file_size_mb = file_size_mb
    return c
