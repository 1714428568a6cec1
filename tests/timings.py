"""Times the tests measure (what -> seconds); the root conftest.py prints them at the end."""
TIMINGS = {}
