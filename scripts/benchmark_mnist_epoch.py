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

- **Hoy, como lo ejecuta el libro** (oneDNN y sin el ajuste automático de ``tf.data``): 35.0 y
  31.8 s en dos ejecuciones (unos 75–83 ms por paso). Con la receta del capítulo
  (``training.make_dataset(max_shift=2)``), las tres semillas de ``scripts/full_mode_04_cnn_seeds.py``
  entrenaron a 33.4–34.5 s por época.
- **Las esperas de ``tf.data``** (``--autotune``; ver ``course_utils/tfdata.py``): 41.0 y 32.2 s
  en las mismas dos rondas. Los 41.0 s no son ruido de la máquina virtual: son la marca de 40.95 s
  a la que el iterador, al cerrarse, espera al hilo de ajuste. Las épocas de 41.0 s repetidas
  hasta la décima que se midieron antes (y las de 37.8–38.2 s del capítulo, que abre un iterador
  por época) venían de ahí; hasta encontrarlo, las medidas parecían bimodales.
- **oneDNN** (``TF_ENABLE_ONEDNN_OPTS=1``, lo que fija ``setup()``; TensorFlow 2.21 solo lo activa
  por defecto en CPUs con AVX-512 VNNI o BF16, AVX-VNNI o AMX): 150 pasos medidos uno a uno y
  alternando, 60–77 ms por paso con oneDNN frente a 104–107 ms sin él. Un perfil de un paso
  (``tf.profiler``) muestra dónde se va el tiempo sin oneDNN: los dos gradientes de la segunda
  convolución (``Conv2DBackpropFilter`` y ``Conv2DBackpropInput`` de Eigen) y ``MaxPoolGrad``
  suman unos 80 de los 120 ms del paso; con oneDNN, unos 40 ms. La mejor época medida con oneDNN
  (en otra sesión, aún con el ajuste automático): 27.2 s.
- **XLA** (``jit_compile=True``) hace la época unas cuatro veces más lenta en esta CPU (288 s frente
  a 72 s en una misma ejecución, 120 pasos). El lote de 256 no ayuda (144 s), y la entrada como
  arrays de NumPy es más lenta que ``tf.data`` (87 frente a 47.5 s, con la máquina cargada).

El objetivo de 25 s por época no se alcanza: la mejor época, 27.2 s; hoy, 31.8 s. Lo que queda es
el propio paso de entrenamiento (los gradientes de la segunda convolución, la normalización por
lotes y el *dropout*). La variante con *average pooling* global (sin la capa densa de
3136 × 128) entrena a unos 30 s por época.
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
    parser.add_argument("--autotune", action="store_true",
                        help="deja el ajuste automático de tf.data como viene (ver course_utils/tfdata.py)")
    parser.add_argument("--onednn", choices=["0", "1"],
                        help="fija TF_ENABLE_ONEDNN_OPTS (por defecto, lo que hace setup(): 1 si no está fijada)")
    args = parser.parse_args()
    if args.onednn:
        os.environ["TF_ENABLE_ONEDNN_OPTS"] = args.onednn
    enable_onednn()

    import numpy as np
    import tensorflow as tf
    import keras

    from course_utils import data, tfdata
    from course_utils.models import classification

    if not args.autotune:
        tfdata.patch_keras_datasets()  # as setup() does

    (x_train, y_train), _ = data.load_mnist()
    x = (x_train[..., None].astype("float32") / 255)[:-len(x_train) // 10]
    y = y_train[:-len(x_train) // 10]
    print(f"{len(x)} imágenes de entrenamiento; {os.cpu_count()} núcleos; "
          f"TensorFlow {tf.__version__}, Keras {keras.__version__}; "
          f"oneDNN {'sí' if os.environ['TF_ENABLE_ONEDNN_OPTS'] in ('1', 'true') else 'no'}; "
          f"ajuste automático de tf.data {'sí' if args.autotune else 'no'}")
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
            source = source if args.autotune else tfdata.without_autotune(source)
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
