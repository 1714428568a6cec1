"""La corrección del profesor: una orden para toda la clase, cada entrega en un cajón.

Un módulo por asunto:

* :mod:`.integrity`: lee cada cuaderno en el proceso del corrector (con :mod:`ast`, sin
  ejecutarlo) y marca las trampas;
* :mod:`.sandbox`: el núcleo de Jupyter de cada entrega, dentro de bubblewrap, con límites;
* :mod:`.worker`: ``nbgrader autograde`` de un alumno con ese núcleo;
* :mod:`.classroom`: la clase entera en paralelo, con barra de progreso y resumen;
* :mod:`.feedback`: la retroalimentación muestra el mensaje de la comprobación que falló, no
  el código de las pruebas ocultas;
* :mod:`.platform`: de Moodle al libro de notas (``zip_collect``) y vuelta (CSV de notas).

Orden: ``python -m course_utils.autograde <tarea>`` (``make autograde A=<tarea>``).
"""
