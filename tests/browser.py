"""A small headless-Chromium driver over the DevTools protocol (websocket-client only).

Opens pages as a reader would, with no network at all (every host name resolves to nothing), and
records JavaScript exceptions, console errors and failed requests.
"""
import json
import pathlib
import shutil
import subprocess
import tempfile
import time
import urllib.request

import websocket

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND",
                  "--window-size=1280,900", "--remote-debugging-port=0", "--remote-allow-origins=*"]


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


class Browser:
    """One headless Chromium with one tab; ``open(url)`` returns what the page did."""

    def __init__(self, timeout=60):
        executable = find_chromium()
        if executable is None:
            raise RuntimeError("No se encuentra Chromium: instálelo (apt-get install chromium).")
        self.profile = tempfile.mkdtemp(prefix="chromium-")
        self.process = subprocess.Popen([executable, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}",
                                         "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = pathlib.Path(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + timeout
        while not (port_file.is_file() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                raise RuntimeError("Chromium no arrancó.")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=timeout,
                                              suppress_origin=True)
        self._id = 0
        self.events = []
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")

    def call(self, method, **params):
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self._id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def evaluate(self, expression, await_promise=False):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=await_promise)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=20.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(expression, await_promise=True):
                return True
            time.sleep(0.2)
        return False

    def open(self, url, ready="true", timeout=30.0):
        """Load ``url``, wait for the load event and for ``ready`` (a JS expression); return the
        JavaScript exceptions, console errors and failed requests it caused."""
        self.events = []
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url}: la página no terminó de cargar")
            self.events.append(json.loads(self.ws.recv()))
        self.wait_for(ready, timeout)
        self.evaluate("1")  # collect the events sent meanwhile
        return self.problems()

    def problems(self):
        exceptions, console, failed = [], [], []
        requests = {}
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                requests[params["requestId"]] = (params["request"]["url"], params.get("type"))
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                exceptions.append(details.get("exception", {}).get("description") or details.get("text"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                console.append(" ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Network.loadingFailed":
                url, kind = requests.get(params["requestId"], ("?", params.get("type")))
                failed.append((kind, url, params.get("errorText")))
        return {"exceptions": exceptions, "console": console, "failed": failed}

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)["data"]
        import base64

        pathlib.Path(path).write_bytes(base64.b64decode(data))

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)
