"""Sphinx extension of the book: one copy of each script per page, and MathJax 2's API for widgets.

sphinx-thebe adds its inline configuration (``const THEBE_JS_URL = ...``) twice under Jupyter
Book 1.x; the second copy is a JavaScript error in the reader's browser ("Identifier
'THEBE_JS_URL' has already been declared"). This drops repeated scripts from every page.

The widget manager (ipywidgets 8) typesets a control's label with MathJax 2's API,
``MathJax.Hub.Queue``; the book loads MathJax 3, which has no ``Hub``, so rendering a frozen
explorer threw "Cannot read properties of undefined (reading 'Queue')". ``MATHJAX2_QUEUE`` gives
every object the page stores as ``window.MathJax`` (the configuration first, then MathJax 3 itself)
a ``Hub.Queue`` that hands the element to MathJax 3's ``typesetPromise``.
"""

MATHJAX2_QUEUE = """(() => {
  const hub = {Queue: job => {
    const element = Array.isArray(job) ? job[2] : undefined, mathjax = window.MathJax;
    if (element && mathjax && mathjax.startup && mathjax.typesetPromise)
      mathjax.startup.promise.then(() => mathjax.typesetPromise([element])).catch(console.warn);
  }};
  const withHub = value => { if (value && typeof value === "object" && !value.Hub) value.Hub = hub; return value; };
  let current = withHub(window.MathJax);
  Object.defineProperty(window, "MathJax", {configurable: true, get: () => current,
                                            set: value => { current = withHub(value); }});
})();"""


def _key(script):
    attributes = getattr(script, "attributes", {}) or {}
    filename = getattr(script, "filename", script) or ""  # None and "" both mean an inline script
    return str(filename), tuple(sorted((k, str(v)) for k, v in attributes.items()))


def _one_copy_of_each_script(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        key = _key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique  # in place: handlers after this one add page scripts to the same list


def setup(app):
    app.add_js_file(None, body=MATHJAX2_QUEUE, priority=100)  # before MathJax's own configuration
    app.connect("html-page-context", _one_copy_of_each_script, priority=1)  # before any handler that returns a template (emit_firstresult stops there)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
