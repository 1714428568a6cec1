"""Trampa: un transformador de AST de IPython vacía cada celda posterior.

Debe fallar: todas
Marcada: sí
"""
# %% to_grayscale
import ast


class Vacia(ast.NodeTransformer):
    def visit_Module(self, node):
        return ast.Module(body=[ast.Pass()], type_ignores=[])


def to_grayscale(image):
    return image


get_ipython().ast_transformers.append(Vacia())
