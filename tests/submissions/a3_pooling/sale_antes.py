"""Trampa: termina el núcleo antes de llegar a las pruebas.

Debe fallar: todas
Marcada: sí
"""
# %% after preparacion
import os
os._exit(0)
