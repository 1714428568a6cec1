"""Arranque del núcleo dentro del cajón: ``ipykernel`` con la salida limitada en origen.

``python -m course_utils.autograde.kernel -f <conexión>`` es ``ipykernel_launcher`` con un
límite de caracteres de salida (variable ``COURSE_MAX_OUTPUT``): pasado el límite, lo que el
alumno imprime se descarta en el propio núcleo en vez de viajar hasta nbgrader. El corrector
recorta también lo que recibe (:class:`~course_utils.autograde.sandbox.SandboxExecute`), por si
una celda deshiciera este límite.

Sin historial de IPython: nadie lo lee, y su hilo escribiría en SQLite tras cada celda.
"""
import os
import sys


def _limit_output(limit):
    from ipykernel import iostream

    original = iostream.OutStream.write
    state = {"chars": 0, "told": False}

    def write(self, string):
        state["chars"] += len(string)
        if state["chars"] <= limit:
            return original(self, string)
        if not state["told"]:
            state["told"] = True
            original(self, f"\n[salida recortada: el cuaderno superó {limit} caracteres]\n")
        return len(string)

    iostream.OutStream.write = write


def main():
    _limit_output(int(os.environ.get("COURSE_MAX_OUTPUT", "1000000")))
    from ipykernel import kernelapp

    kernelapp.launch_new_instance(argv=[*sys.argv[1:], "--HistoryManager.enabled=False"])


if __name__ == "__main__":
    main()
