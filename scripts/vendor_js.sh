#!/usr/bin/env bash
# Copia en _vendor/ (servida como _static/ del libro) lo que el navegador necesita para leer el libro sin conexión:
# MathJax 3 (fórmulas), RequireJS y el gestor de widgets de Jupyter (exploradores congelados).
# Lo descarga del registro de npm con `npm pack` (versiones fijas) y copia solo lo necesario.
# Se ejecuta a mano al cambiar de versión; el resultado se guarda en el repositorio.
set -euo pipefail
cd "$(dirname "$0")/.."
MATHJAX=mathjax@3.2.2
REQUIREJS=requirejs@2.3.7
HTML_MANAGER=@jupyter-widgets/html-manager@1.0.15   # ipywidgets 8 (controls 2.x, base 2.x)
out=_vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$MATHJAX" "$REQUIREJS" "$HTML_MANAGER" >/dev/null)
for tgz in "$work"/*.tgz; do mkdir -p "${tgz%.tgz}" && tar xzf "$tgz" -C "${tgz%.tgz}"; done
rm -rf "$out" && mkdir -p "$out/mathjax" "$out/html-manager" "$out/requirejs"
mj=$(echo "$work"/mathjax-*/package)
cp "$mj/es5/tex-mml-chtml.js" "$mj/LICENSE" "$out/mathjax/"
for part in input/tex/extensions output/chtml/fonts/woff-v2 a11y ui adaptors; do
  mkdir -p "$out/mathjax/$part" && cp -r "$mj/es5/$part/." "$out/mathjax/$part/"
done
rj=$(echo "$work"/requirejs-*/package)
cp "$rj/require.js" "$out/requirejs/"
hm=$(echo "$work"/jupyter-widgets-html-manager-*/package)
cp "$hm/dist/embed-amd.js" "$hm/dist/"*.woff2 "$hm/dist/embed.js.LICENSE.txt" "$out/html-manager/"
# RequireJS must find the widget manager's fonts beside it (its webpack publicPath is its module URL).
cat > "$out/html-manager/paths.js" <<'JS'
// El gestor de widgets carga sus fuentes desde la URL de su módulo: que sea esta carpeta.
(function () {
  var here = document.currentScript.src.replace(/\/[^/]*$/, "");
  require.config({paths: {"@jupyter-widgets/html-manager/dist": here}});
})();
JS
cat > "$out/README.md" <<TXT
Copias locales, para leer el libro sin conexión (generadas por scripts/vendor_js.sh desde npm):
$MATHJAX (Apache-2.0), $REQUIREJS (MIT), $HTML_MANAGER (BSD-3-Clause).
TXT
du -sh "$out"
