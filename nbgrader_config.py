"""nbgrader: the instructor's master notebooks live in solutions/, the student versions in exercises/."""
c = get_config()  # noqa: F821  (nbgrader injects get_config)

c.CourseDirectory.course_id = "libro-cnn"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
c.CourseDirectory.db_url = "sqlite:///.nbgrader/gradebook.db"
# Grading must not depend on a slow cell: a whole notebook gets at most 120 s per cell.
c.ExecutePreprocessor.timeout = 120
