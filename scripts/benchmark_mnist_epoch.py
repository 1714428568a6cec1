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

Medido en la CPU AMD EPYC de 2 núcleos del proyecto, con otros trabajos en marcha (carga media
de 3 a 5), 120 pasos por configuración: lote 128 con arrays de NumPy, 87 s por época; lote 128
con ``tf.data``, 47.5 s por época. La compilación XLA en CPU (``jit_compile=True``) no terminó en
cinco minutos con la máquina cargada, así que el capítulo no la usa. Con la carga media de 12 a
18 que hubo durante las ejecuciones del modo completo, una época costó de 240 a 420 s. Con la
máquina casi libre (carga de 1.5 a 3): lote 128 con ``tf.data``, 52.6 s por época (unos 27 GFLOP/s
para los ~1.4 TFLOP de una época); lote 256, 144 s. Con la máquina libre (carga de 1.5 a 2), la
compilación XLA sí terminó, pero hace la época cuatro veces más lenta: 288 s por época con
``jit_compile=True`` frente a 72 s sin él, en la misma ejecución (lote 128, ``tf.data``, 120 pasos).
El objetivo de 25 s por época no se alcanza con esta red en esta CPU; la variante con *average
pooling* global (sin la capa densa de 3136 × 128) entrena a 39–40 s por época con la máquina libre.
"""
import argparse
import os
import time


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
    args = parser.parse_args()

    import numpy as np
    import tensorflow as tf
    import keras

    from course_utils import data
    from course_utils.models import classification

    (x_train, y_train), _ = data.load_mnist()
    x = (x_train[..., None].astype("float32") / 255)[:-len(x_train) // 10]
    y = y_train[:-len(x_train) // 10]
    print(f"{len(x)} imágenes de entrenamiento; {os.cpu_count()} núcleos; "
          f"TensorFlow {tf.__version__}, Keras {keras.__version__}")
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
