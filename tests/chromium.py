"""A small driver for headless Chromium over the DevTools protocol, through a pipe (no port, no
browser download): the report's browser test, its screenshots and its benchmark use it.

    with Chromium.start() as browser:
        page = browser.open(Path("out/report/index.html").as_uri())
        page.evaluate("document.title")
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars")


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class DevToolsError(RuntimeError):
    pass


class Chromium:
    """One headless browser; `open` gives a Page (a target attached in flat mode)."""

    def __init__(self, proc: subprocess.Popen, to_browser: int, from_browser: int, profile: str) -> None:
        self.proc, self._out, self._in, self.profile = proc, to_browser, from_browser, profile
        self._buf = b""
        self._next = 0
        self.events: list[dict] = []

    @classmethod
    def start(cls, *, width: int = 1400, height: int = 1000, executable: str | None = None) -> "Chromium":
        exe = executable or chromium_path()
        if exe is None:
            raise FileNotFoundError("chromium is not installed")
        profile = tempfile.mkdtemp(prefix="report-chromium-")
        cmd_r, cmd_w = os.pipe()  # we write commands, the browser reads them on its fd 3
        res_r, res_w = os.pipe()  # the browser writes replies on its fd 4

        def fds() -> None:
            os.dup2(cmd_r, 3)
            os.dup2(res_w, 4)

        proc = subprocess.Popen([exe, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}",
                                 f"--window-size={width},{height}", "about:blank"],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                preexec_fn=fds, pass_fds=(3, 4))
        os.close(cmd_r)
        os.close(res_w)
        return cls(proc, cmd_w, res_r, profile)

    def __enter__(self) -> "Chromium":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._out, self._in):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise DevToolsError("no answer from chromium in time")
            ready, _, _ = select.select([self._in], [], [], left)
            if ready:
                chunk = os.read(self._in, 1 << 20)
                if not chunk:
                    raise DevToolsError("chromium closed the pipe")
                self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method: str, params: dict | None = None, *, session: str | None = None,
             timeout: float = 60) -> dict:
        self._next += 1
        msg = {"id": self._next, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._out, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._read(timeout)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise DevToolsError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method: str, *, timeout: float = 60, where=lambda p: True) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            for n, ev in enumerate(self.events):
                if ev.get("method") == method and where(ev.get("params", {})):
                    del self.events[: n + 1]
                    return ev["params"]
            left = deadline - time.monotonic()
            if left <= 0:
                raise DevToolsError(f"no {method} in time")
            self.events.append(self._read(left))

    def open(self, url: str, *, downloads: Path | None = None) -> "Page":
        if downloads is not None:
            self.send("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads),
                                                      "eventsEnabled": True})
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session, target)
        page.send("Page.enable")
        page.send("Runtime.enable")
        page.navigate(url)
        return page


class Page:
    def __init__(self, browser: Chromium, session: str, target: str) -> None:
        self.browser, self.session, self.target = browser, session, target

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})

    def send(self, method: str, params: dict | None = None, *, timeout: float = 60) -> dict:
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def navigate(self, url: str, *, timeout: float = 60) -> None:
        self.send("Page.navigate", {"url": url})
        self.browser.wait_event("Page.loadEventFired", timeout=timeout)

    def evaluate(self, expression: str, *, timeout: float = 60):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in result:
            raise DevToolsError(f"{expression[:80]}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, *, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not self.evaluate(expression):
            if time.monotonic() > deadline:
                raise DevToolsError(f"still false: {expression}")
            time.sleep(0.05)

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element (scrolled into view first)."""
        # scrolled, then measured once the page has settled: parts laid out only when seen may move it
        box = self.evaluate(f"""(async () => {{ const el = document.querySelector({json.dumps(selector)});
            if (!el) return null;
            const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
            let last = null;
            for (let i = 0; i < 20; i++) {{
              el.scrollIntoView({{block: "center"}}); await frame();
              const r = el.getBoundingClientRect(), box = {{x: r.left + r.width / 2, y: r.top + r.height / 2}};
              if (last && last.x === box.x && last.y === box.y) return box;
              last = box;
            }}
            return last; }})()""")
        if box is None:
            raise DevToolsError(f"no element {selector}")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"], "button": "left",
                                                   "clickCount": 1})

    def type(self, selector: str, text: str) -> None:
        self.click(selector)
        self.send("Input.insertText", {"text": text})

    def screenshot(self, path: Path, *, selector: str | None = None, full: bool = False) -> None:
        import base64

        params: dict = {"format": "png"}
        if selector is not None:
            clip = self.evaluate(f"""(() => {{ const el = document.querySelector({json.dumps(selector)});
                el.scrollIntoView(); const r = el.getBoundingClientRect();
                return {{x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height,
                         scale: 1}}; }})()""")
            params.update(clip=clip, captureBeyondViewport=True)
        elif full:
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", params)["data"]
        Path(path).write_bytes(base64.b64decode(data))


__all__ = ["Chromium", "DevToolsError", "Page", "chromium_path"]
