# The grading image, for instructors without bubblewrap on the host (Mac, JupyterHub, Kubernetes).
#
#   docker build -t libro-cnn-corrector .
#   docker run --rm --security-opt seccomp=unconfined --security-opt apparmor=unconfined \
#     -v "$PWD:/curso" libro-cnn-corrector python -m course_utils.autograde a1_imagenes
#
# The container is the outer sandbox (run it without --network if the course folder is local);
# inside it, bubblewrap gives each submission its own sandbox (no network, a private copy of the
# submission, a read-only course_utils, limits). bubblewrap needs to create namespaces: Docker's
# default seccomp and AppArmor profiles forbid it, hence the two --security-opt flags (on
# Kubernetes: a pod with seccompProfile Unconfined, or a runtime such as gVisor/Kata that allows
# nested namespaces). The course folder (with nbgrader_config.py, submitted/, .nbgrader/) is
# mounted at /curso; the image holds the code and its dependencies only.
FROM python:3.11-slim-bookworm

RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends bubblewrap util-linux make git \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/libro-cnn
COPY pyproject.toml README.md ./
COPY course_utils ./course_utils
# A regular (non-editable) install: the graded kernels import a read-only copy of course_utils.
# rfc3987-syntax (from jsonschema[format-nongpl]) adds 2-3 s to every nbgrader start; nothing here needs it.
RUN pip install --no-cache-dir ".[dev]" && pip uninstall -y rfc3987-syntax

WORKDIR /curso
ENV TF_CPP_MIN_LOG_LEVEL=2
# Also: python -m course_utils.autograde.platform recoger|notas ..., nbgrader generate_feedback ...
CMD ["python", "-m", "course_utils.autograde", "--help"]
