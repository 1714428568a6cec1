"""Sphinx extension of the book: one copy of each script per page.

sphinx-thebe adds its inline configuration (``const THEBE_JS_URL = ...``) twice under Jupyter
Book 1.x; the second copy is a JavaScript error in the reader's browser ("Identifier
'THEBE_JS_URL' has already been declared"). This drops repeated scripts from every page.
"""


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
    app.connect("html-page-context", _one_copy_of_each_script, priority=1)  # before any handler that returns a template (emit_firstresult stops there)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
