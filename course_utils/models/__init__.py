"""Constructores de las arquitecturas que comparten los capítulos, un módulo por familia.

- ``classification``: la CNN del capítulo 4 (con cabeza ``Flatten`` o de *average pooling*
  global, la de los capítulos 5 y 6), la red densa de referencia, LeNet-5, AlexNet, bloques
  residuales e Inception;
- ``augmentation``: el bloque de aumento de datos y las perturbaciones de prueba (capítulo 5), y
  el aumento conjunto de imagen y máscara (capítulo 8);
- ``transfer``: bases preentrenadas y clasificadores de transfer learning (capítulo 9);
- ``autoencoders``: autoencoders densos y convolucionales (capítulo 7);
- ``segmentation``: la U-Net (capítulo 8); sus métricas están en ``course_utils.metrics``;
- ``training``: compilar un clasificador y ajustar el momento de BatchNormalization.

Un capítulo posterior reutiliza el modelo de uno anterior llamando a su constructor, en lugar
de volver a pegar las capas.
"""
