// El gestor de widgets carga sus fuentes desde la URL de su módulo: que sea esta carpeta.
(function () {
  var here = document.currentScript.src.replace(/\/[^/]*$/, "");
  require.config({paths: {"@jupyter-widgets/html-manager/dist": here}});
})();
