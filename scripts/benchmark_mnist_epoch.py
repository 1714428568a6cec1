"""Segundos por época de la CNN del capítulo 4 en MNIST, en esta máquina (no es un test).

Entrena ``classification.build_cnn`` sobre las 54 000 imágenes de entrenamiento del capítulo
con varias configuraciones (tamaño de lote, entrada NumPy o ``tf.data``, XLA con
``jit_compile``) y mide cada una tras una época de calentamiento (la que compila el grafo).
Las cifras dependen de la carga de la máquina: el guion imprime la carga media antes y después.

Uso::

    COURSE_DATA_DIR=/ruta/a/la/réplica python scripts/benchmark_mnist_epoch.py
    python scripts/benchmark_mnist_epoch.py --configs 128:numpy:0 256:tfdata:1 --steps 150

Cada configuración es ``lote:entrada:xla``. ``--steps`` mide solo ese número de pasos y
extrapola a una época entera (más rápido, algo menos exacto).

Medido en la CPU AMD EPYC de 2 núcleos del proyecto (AVX2, sin AVX-512), con la máquina libre
(carga media de 1 a 2), lote 128 con ``tf.data``, una época entera:

- **Con oneDNN** (``TF_ENABLE_ONEDNN_OPTS=1``, lo que fija ``setup()``): seis épocas medidas el
  mismo día, 27.2, 28.9, 32.0, 40.9, 41.0 y 41.0 s (unos 50 GFLOP/s en la mejor, para los ~1.4 TFLOP
  de una época). Con la tubería del capítulo, que además desplaza cada lote al azar
  (``training.make_dataset(max_shift=2)``), las tres semillas de ``scripts/full_mode_04_cnn_seeds.py``
  entrenaron a 37.8–38.2 s por época (59.5 s sin oneDNN, en una ejecución anterior del cuaderno).
  La diferencia no es el desplazamiento: recorrer la tubería una época sin entrenar cuesta 1.4 s de
  CPU con ``max_shift=2`` y 0.5 s sin él.
- **Sin oneDNN**, lo que TensorFlow 2.21 hace por defecto en esta CPU (solo lo activa en CPUs con
  AVX-512 VNNI o BF16, AVX-VNNI o AMX): 37.6 y 40.9 s el mismo día; 52.6 s en otra sesión. Con 150
  pasos medidos uno a uno y alternando, 104–107 ms por paso sin oneDNN frente a 60–77 ms con él.
  Un perfil de un paso (``tf.profiler``) muestra dónde se va el tiempo sin oneDNN: los dos
  gradientes de la segunda convolución (``Conv2DBackpropFilter`` y ``Conv2DBackpropInput`` de
  Eigen) y ``MaxPoolGrad`` suman unos 80 de los 120 ms del paso; con oneDNN, unos 40 ms.
- **XLA** (``jit_compile=True``) hace la época unas cuatro veces más lenta en esta CPU (288 s frente
  a 72 s en una misma ejecución, 120 pasos). El lote de 256 no ayuda (144 s), y la entrada como
  arrays de NumPy es más lenta que ``tf.data`` (87 frente a 47.5 s, con la máquina cargada).

El objetivo de 25 s por época no se alcanza: la mejor época medida, 27.2 s. En esta máquina
virtual la misma configuración varía hasta un 50 % de una ejecución a otra aun estando libre,
así que conviene repetir cada medida. La variante con *average pooling* global (sin la capa
densa de 3136 × 128) entrenaba, sin oneDNN, a 39–40 s por época.
"""
import argparse
import os
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from course_utils.config import enable_onednn  # noqa: E402


def parse_config(text):
    batch, pipeline, xla = text.split(":")
    if pipeline not in ("numpy", "tfdata"):
        raise SystemExit(f"entrada desconocida {pipeline!r}: usa numpy o tfdata")
    return int(batch), pipeline, xla in ("1", "true", "xla")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--configs", nargs="+",
                        default=["128:numpy:0", "128:tfdata:0", "128:tfdata:1", "256:tfdata:1"])
    parser.add_argument("--steps", type=int, default=0,
                        help="pasos medidos por configuración (0 = una época entera)")
    parser.add_argument("--onednn", choices=["0", "1"],
                        help="fija TF_ENABLE_ONEDNN_OPTS (por defecto, lo que hace setup(): 1 si no está fijada)")
    args = parser.parse_args()
    if args.onednn:
        os.environ["TF_ENABLE_ONEDNN_OPTS"] = args.onednn
    enable_onednn()

    import numpy as np
    import tensorflow as tf
    import keras

    from course_utils import data
    from course_utils.models import classification

    (x_train, y_train), _ = data.load_mnist()
    x = (x_train[..., None].astype("float32") / 255)[:-len(x_train) // 10]
    y = y_train[:-len(x_train) // 10]
    print(f"{len(x)} imágenes de entrenamiento; {os.cpu_count()} núcleos; "
          f"TensorFlow {tf.__version__}, Keras {keras.__version__}; "
          f"oneDNN {'sí' if os.environ['TF_ENABLE_ONEDNN_OPTS'] in ('1', 'true') else 'no'}")
    print(f"carga media al empezar: {os.getloadavg()}")

    for text in args.configs:
        batch, pipeline, xla = parse_config(text)
        steps_per_epoch = int(np.ceil(len(x) / batch))
        measured = args.steps or steps_per_epoch
        keras.utils.set_random_seed(0)
        model = classification.build_cnn(jit_compile=xla)
        if pipeline == "tfdata":
            source = (tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x))
                      .batch(batch).repeat().prefetch(tf.data.AUTOTUNE))
            fit = dict(x=source, steps_per_epoch=measured)
        else:
            fit = dict(x=x, y=y, batch_size=batch, steps_per_epoch=None)
            if args.steps:
                fit = dict(x=x[:measured * batch], y=y[:measured * batch], batch_size=batch)
        model.fit(**{**fit, **({"steps_per_epoch": 20} if pipeline == "tfdata" else
                                {"x": x[:20 * batch], "y": y[:20 * batch]})},
                  epochs=1, verbose=0)  # calentamiento: traza y compila
        start = time.perf_counter()
        model.fit(**fit, epochs=1, verbose=0)
        seconds = time.perf_counter() - start
        per_epoch = seconds * steps_per_epoch / measured
        print(f"lote {batch:>4}  {pipeline:<7} xla={'sí' if xla else 'no':<3} "
              f"{per_epoch:7.1f} s por época  ({measured} pasos en {seconds:.1f} s)", flush=True)
        keras.backend.clear_session()
    print(f"carga media al terminar: {os.getloadavg()}")


if __name__ == "__main__":
    main()
