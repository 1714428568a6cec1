"""nbgrader: the instructor's master notebooks live in solutions/, the student versions in exercises/.

The gradebook path is absolute (.nbgrader/gradebook.db next to this file), so nbgrader finds the same
gradebook whatever folder it runs from. ``configure`` runs each submission's kernel inside bubblewrap,
zeroes submissions the integrity check flags, and keeps hidden tests out of the feedback
(see course_utils/autograde/).
"""
import os

c = get_config()  # noqa: F821  (nbgrader injects get_config)
ROOT = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.course_id = "libro-cnn"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
# Grading must not depend on a slow cell: a whole notebook gets at most 120 s per cell.
c.ExecutePreprocessor.timeout = 120
# Moodle: "Nombre Apellidos_123456_assignsubmission_file_<fichero>" (see course_utils/autograde/platform.py).
c.ZipCollectApp.collector_plugin = "course_utils.autograde.platform.MoodleCollector"

try:
    from course_utils.autograde.config import configure
except ImportError:  # course_utils not installed: plain nbgrader, outside the sandbox
    c.CourseDirectory.root = ROOT
    c.CourseDirectory.db_url = "sqlite:///" + os.path.join(ROOT, ".nbgrader", "gradebook.db")
else:
    configure(c, root=ROOT)
