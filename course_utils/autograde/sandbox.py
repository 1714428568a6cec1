"""El cajón de arena (*sandbox*) donde se ejecuta el código de cada entrega.

Diseño
------
nbgrader sigue corriendo en el proceso del profesor: lee y escribe el libro de notas, restaura
las celdas de prueba, ejecuta las celdas una a una y puntúa. Lo único que corre dentro del
cajón es el **núcleo** de Jupyter (``ipykernel``), es decir, el único proceso que ejecuta código
del alumno. :class:`SandboxKernelManager` sustituye la orden que arranca el núcleo por otra que
lo lanza dentro de bubblewrap (``bwrap``), una herramienta existente y mantenida (la que usa
Flatpak), y :class:`SandboxExecute` es el ``Execute`` de nbgrader con ese gestor de núcleos.

Dentro del cajón el núcleo:

* no tiene red (``--unshare-net``) ni ve otros procesos (``--unshare-pid``); se comunica con
  nbgrader por *sockets* de Unix (transporte ``ipc`` de ZeroMQ) en una carpeta temporal propia;
* trabaja sobre una **copia privada** de la entrega (``/home/alumno/<tarea>``): lo que escriba
  ahí se descarta al terminar;
* importa una **copia de solo lectura** de ``course_utils`` (``/opt/curso``), no la instalación
  editable del repositorio;
* no ve ``solutions/``, el libro de notas, las entregas de otros alumnos ni el ``$HOME`` del
  profesor: solo se montan (de solo lectura) el sistema (``/usr``, ``/etc``), el intérprete de
  Python y el entorno virtual;
* arranca con :mod:`course_utils.autograde.kernel`, que descarta la salida que pase de un límite;
* corre como usuario sin privilegios (un ``uid`` propio de cada cajón cuando el profesor es root) y con límites de
  ``prlimit``: memoria (espacio de direcciones), tiempo de CPU, número de procesos y tamaño de
  fichero. La salida que envía a nbgrader se recorta (:attr:`SandboxExecute.max_output_bytes`).

Los avisos (``warnings``) y los mensajes de registro que el núcleo escribe en *stderr* se pasan a
*stdout*: nbgrader daría un 0 a una celda de prueba con salida en *stderr*, y un aviso de Keras
o una línea de registro de TensorFlow no deben costar puntos. Solo un error resta.

Para profesores sin bubblewrap (JupyterHub, Kubernetes, Mac) el repositorio trae un
``Dockerfile``: la misma orden dentro de un contenedor, que hace de cajón.
"""
import logging
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import course_utils
from jupyter_client.manager import AsyncKernelManager
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer, Unicode

from . import integrity

HOME = "/home/alumno"
COURSE_COPY = "/opt/curso"
NOBODY = 65534
# Variables de entorno que pasan al núcleo (el resto se borra con --clearenv).
_ENV_PASSED = ("COURSE_QUICK", "TF_CPP_MIN_LOG_LEVEL", "NBGRADER_EXECUTION", "LANG", "LC_ALL",
               "OMP_NUM_THREADS", "TF_NUM_INTEROP_THREADS", "TF_NUM_INTRAOP_THREADS")


def available():
    """Mensaje de error en español si bubblewrap no puede usarse aquí; ``None`` si funciona."""
    if shutil.which("bwrap") is None:
        return ("No se encuentra bubblewrap (bwrap). Instálelo (Debian/Ubuntu: "
                "`apt-get install bubblewrap`) o corrija dentro del contenedor del Dockerfile.")
    probe = subprocess.run(["bwrap", *_namespaces(), "--die-with-parent", "--ro-bind", "/", "/",
                            *_privilege_drop(), "true"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        return ("bubblewrap no puede crear espacios de nombres en esta máquina "
                f"({probe.stderr.strip()}). Corrija dentro del contenedor del Dockerfile.")
    return None


def _privilege_drop(uid=NOBODY):
    """Como root, bwrap monta el cajón y luego el núcleo pasa a ``uid`` sin capacidades.

    Así el núcleo es un usuario real sin privilegios (no puede leer lo que no sea legible por
    todos) y el límite de procesos cuenta solo los suyos: cada cajón recibe un ``uid`` propio,
    sin cuenta en el sistema, para que una bomba de procesos no deje sin hilos a la entrega que
    se corrige a la vez. Sin root, bwrap usa un espacio de nombres de usuario.
    """
    if os.geteuid() == 0 and shutil.which("setpriv"):
        return ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]
    return []


def _namespaces():
    if os.geteuid() == 0:
        return ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
    return ["--unshare-all"]


def _system_binds():
    args = ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
    for name in ("/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32"):
        if os.path.islink(name):
            args += ["--symlink", os.readlink(name), name]
        elif os.path.isdir(name):
            args += ["--ro-bind", name, name]
    # El intérprete y el entorno virtual, de solo lectura (pueden vivir fuera de /usr).
    made = set()
    for prefix in sorted({os.path.realpath(sys.base_prefix), os.path.abspath(sys.prefix)}):
        if not prefix.startswith("/usr/"):
            # Las carpetas que lo contienen se crean vacías y legibles (p. ej. /root/.pyenv).
            for parent in reversed(Path(prefix).parents):
                if str(parent) != "/" and parent not in made:
                    made.add(parent)
                    args += ["--perms", "0755", "--dir", str(parent)]
            args += ["--ro-bind", prefix, prefix]
    return args


class Box:
    """La carpeta temporal de un núcleo: copia de la entrega, copia de course_utils y sockets."""

    def __init__(self, workdir):
        self.root = Path(tempfile.mkdtemp(prefix="cajon-"))
        self.ipc = self.root / "ipc"
        self.home = self.root / "home"
        self.course = self.root / "curso"
        self.ipc.mkdir()
        self.name = Path(workdir).name if workdir else "entrega"
        if workdir:
            # symlinks=True: un enlace de la entrega se copia como enlace, nunca el fichero al que apunta
            shutil.copytree(workdir, self.home / self.name, symlinks=True)
        else:
            (self.home / self.name).mkdir(parents=True)
        shutil.copytree(Path(course_utils.__file__).parent, self.course / "course_utils",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        self.uid = random.SystemRandom().randrange(200_000, 260_000)
        self.drop = _privilege_drop(self.uid)
        os.chmod(self.root, 0o711)
        os.chmod(self.course, 0o755)
        if self.drop:
            os.chmod(self.ipc, 0o733)
            for folder, _, files in os.walk(self.home):
                os.chown(folder, self.uid, self.uid)
                for name in files:
                    os.chown(os.path.join(folder, name), self.uid, self.uid)

    def command(self, argv, *, memory_mb, cpu_seconds, processes, file_size_mb, max_output=1_000_000):
        env = []
        for key in _ENV_PASSED:
            if key in os.environ:
                env += ["--setenv", key, os.environ[key]]
        limits = ["prlimit", f"--as={memory_mb * 2**20}", f"--cpu={cpu_seconds}",
                  f"--nproc={processes}", f"--fsize={file_size_mb * 2**20}", "--core=0", "--"]
        return [
            "bwrap", *_namespaces(), "--die-with-parent", "--new-session",
            # /tmp first: a later mount would hide an interpreter or venv that lives under /tmp.
            "--perms", "1777", "--tmpfs", "/tmp",
            *_system_binds(),
            "--proc", "/proc", "--dev", "/dev",
            "--perms", "0755", "--dir", "/home", "--perms", "0755", "--dir", "/opt",
            "--ro-bind", str(self.course), COURSE_COPY,
            "--bind", str(self.home), HOME,
            "--perms", "0755", "--dir", str(self.root), "--bind", str(self.ipc), str(self.ipc),
            "--chdir", f"{HOME}/{self.name}",
            "--clearenv",
            "--setenv", "HOME", HOME, "--setenv", "USER", "alumno",
            "--setenv", "PATH", f"{os.path.dirname(sys.executable)}:/usr/bin:/bin",
            "--setenv", "PYTHONPATH", COURSE_COPY, "--setenv", "PYTHONNOUSERSITE", "1",
            "--setenv", "MPLCONFIGDIR", "/tmp", "--setenv", "MPLBACKEND", "agg",
            "--setenv", "COURSE_MAX_OUTPUT", str(max_output),
            *env, "--", *self.drop, *limits, *argv,
        ]

    def remove(self):
        shutil.rmtree(self.root, ignore_errors=True)


class SandboxKernelManager(AsyncKernelManager):
    """Gestor de núcleos de Jupyter que arranca cada núcleo dentro de bubblewrap."""

    memory_mb = Integer(6144, help="Límite de memoria (espacio de direcciones) del núcleo, en MiB.").tag(config=True)
    cpu_seconds = Integer(900, help="Límite de tiempo de CPU del núcleo, en segundos.").tag(config=True)
    processes = Integer(256, help="Límite de procesos e hilos del núcleo.").tag(config=True)
    file_size_mb = Integer(64, help="Tamaño máximo de un fichero que escriba el núcleo, en MiB.").tag(config=True)
    python = Unicode(sys.executable, help="Python del núcleo (el del entorno del profesor).").tag(config=True)

    _box = None

    async def _async_pre_start_kernel(self, **kw):
        self._box = Box(kw.get("cwd"))
        self.transport = "ipc"
        self.ip = str(self._box.ipc / "k")
        self.connection_file = str(self._box.ipc / "conexion.json")
        self.kernel_spec.interrupt_mode = "message"  # una señal no cruzaría bwrap
        kw["cwd"] = str(self._box.root)
        kw["stdin"] = kw["stdout"] = kw["stderr"] = subprocess.DEVNULL
        return await super()._async_pre_start_kernel(**kw)

    def format_kernel_cmd(self, extra_arguments=None):
        os.chmod(self.connection_file, 0o644)
        argv = [self.python, "-m", "course_utils.autograde.kernel", "-f", self.connection_file,
                *(extra_arguments or [])]
        return self._box.command(argv, memory_mb=self.memory_mb, cpu_seconds=self.cpu_seconds,
                                 processes=self.processes, file_size_mb=self.file_size_mb)

    async def _async_cleanup_resources(self, restart=False):
        await super()._async_cleanup_resources(restart=restart)
        if self._box is not None and not restart:
            self._box.remove()
            self._box = None

    cleanup_resources = _async_cleanup_resources  # AsyncKernelManager la usa asíncrona


def _not_executed(nb, reasons):
    """``nb`` sin ejecutar, con un error en cada celda calificada: la entrega marcada saca 0."""
    from nbformat import from_dict

    notice = "No se ejecutó: la comprobación de integridad marcó esta entrega (" + "; ".join(reasons) + ")."
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):
            cell.outputs = [from_dict({"output_type": "error", "ename": "EntregaMarcada", "evalue": notice,
                                       "traceback": [notice]})]
    return nb


class SandboxExecute(Execute):
    """El ``Execute`` de nbgrader con el núcleo en el cajón, la salida recortada y *stderr* a *stdout*."""

    max_output_bytes = Integer(1_000_000, help="Salida máxima que se guarda de un cuaderno.").tag(config=True)
    run_flagged = Bool(False, help="Ejecutar también las entregas que marca la comprobación de integridad "
                                   "(sacan 0 igual); solo para probar el propio cajón.").tag(config=True)

    def __init__(self, **kw):
        if os.environ.get("COURSE_SANDBOX", "on") == "off":
            # Solo para máquinas de pruebas donde bubblewrap no puede crear espacios de nombres.
            logging.getLogger(__name__).warning("COURSE_SANDBOX=off: las entregas se ejecutan SIN cajón")
            kw["kernel_manager_class"] = AsyncKernelManager
        else:
            kw["kernel_manager_class"] = SandboxKernelManager
        super().__init__(**kw)
        self._output_bytes = 0
        self._truncated = False

    def preprocess(self, nb, resources=None, km=None):
        self._output_bytes, self._truncated = 0, False
        reasons = integrity.reasons_for(self.config, resources or {})
        if reasons and not self.run_flagged:  # a flagged submission is not run: it scores 0 anyway, and its code is hostile
            return _not_executed(nb, reasons), resources
        return super().preprocess(nb, resources, km)

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        size = len(str(content.get("text", ""))) + sum(len(str(v)) for v in content.get("data", {}).values())
        self._output_bytes += size
        if self._output_bytes > self.max_output_bytes:
            if not self._truncated:
                self._truncated = True
                notice = {"output_type": "stream", "name": "stdout",
                          "text": f"\n[salida recortada: el cuaderno superó {self.max_output_bytes} bytes]\n"}
                from nbformat import from_dict
                outs.append(from_dict(notice))
            return None
        out = super().output(outs, msg, display_id, cell_index)
        if out is not None and out.get("output_type") == "stream" and out.get("name") == "stderr":
            out["name"] = "stdout"  # un aviso no es un error: no debe costar puntos
        return out
