"""Utilidades compartidas del libro «Redes neuronales convolucionales en la práctica».

Un módulo por tema: ``config`` (modo de ejecución, semillas, dispositivo), ``data``
(conjuntos de datos), ``ops`` (implementaciones de referencia en NumPy: convolución, pooling,
fórmulas de tamaño), ``models`` (arquitecturas que comparten los capítulos), ``plots``
(figuras), ``widgets`` (exploradores interactivos) y ``grading`` (comprobaciones de las tareas). Importar el paquete no importa TensorFlow:
los cuadernos que solo usan NumPy arrancan rápido.
"""
from .config import budget, is_quick, setup

__all__ = ["budget", "is_quick", "setup"]
