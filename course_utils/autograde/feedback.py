"""Retroalimentación sin pruebas ocultas: el alumno ve el mensaje de lo que falló, no el código.

``nbgrader generate_feedback`` convierte a HTML el cuaderno corregido, que lleva el código
completo de las celdas de prueba (nbgrader restaura las pruebas ocultas al corregir) y, si una
falla, una traza (*traceback*) que cita sus líneas. :class:`HideHiddenTests` se ejecuta antes de
la conversión y, en cada celda de prueba:

* sustituye el bloque ``### BEGIN HIDDEN TESTS`` … ``### END HIDDEN TESTS`` por un aviso;
* reduce cada error a su tipo y su mensaje en español («conv2d con stride=2: se esperaba forma
  (2, 2) y se obtuvo (4, 4)»), sin la traza.
"""
import re

from nbgrader.preprocessors import NbGraderPreprocessor

NOTICE = ("# Pruebas ocultas: su código no se muestra. Si alguna falló, el mensaje de abajo dice "
          "qué se comprobó y qué se obtuvo.")
_HIDDEN = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?^[ \t]*### END HIDDEN TESTS[ \t]*$", re.S | re.M)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def hide(cell):
    """La celda de prueba ``cell`` sin el código de las pruebas ocultas ni las trazas de error."""
    cell.source = _HIDDEN.sub(NOTICE, cell.source)
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            message = _ANSI.sub("", f"{output.get('ename', 'Error')}: {output.get('evalue', '')}")
            output["traceback"] = [message]
    return cell


class HideHiddenTests(NbGraderPreprocessor):
    """Preprocesador de ``generate_feedback`` que oculta las pruebas ocultas (ver el módulo)."""

    def preprocess_cell(self, cell, resources, index):
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            hide(cell)
        return cell, resources
