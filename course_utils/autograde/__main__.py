"""``python -m course_utils.autograde <tarea>``: corrige una clase entera (ver :mod:`.classroom`)."""
import sys

from .classroom import main

sys.exit(main())
