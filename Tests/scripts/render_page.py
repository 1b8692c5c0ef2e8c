#!/usr/bin/env python3
"""Opens an HTML file in headless Chromium through the DevTools protocol (over a pipe, no
network port), the way a person's browser would, and reports what happened as one JSON object:

  {"errors": [...],        console errors and warnings, uncaught exceptions, failed loads
   "requests": [...],      every URL the page asked for
   "checks": {...},        facts read from the rendered page
   "screenshot": PATH}     a PNG of the page at the given width

Usage: render_page.py CHROMIUM PAGE.html SCREENSHOT.png WIDTH HEIGHT

Installs nothing: the README's test command installs Chromium where it can."""
import base64
import json
import os
import subprocess
import sys
import tempfile
import time

CHECKS = """({
  figures: document.querySelectorAll('.figure').length,
  charts: document.querySelectorAll('svg.chart').length,
  tables: document.querySelectorAll('table').length,
  scripts: document.querySelectorAll('script').length,
  overflows: document.documentElement.scrollWidth > window.innerWidth,
  title: document.title
})"""


class Browser:
    def __init__(self, chromium):
        self.to_browser_read, self.to_browser_write = os.pipe()
        self.from_browser_read, self.from_browser_write = os.pipe()
        self.profile = tempfile.mkdtemp(prefix="crm-chromium-")
        # Chromium reads commands from fd 3 and writes replies to fd 4.
        def wire():
            # Duplicate first: the pipe may already sit on fd 3 or 4, where dup2 would be a no-op
            # that leaves the descriptor closed on exec.
            commands, replies = os.dup(self.to_browser_read), os.dup(self.from_browser_write)
            os.dup2(commands, 3)
            os.dup2(replies, 4)
        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--remote-debugging-pipe", "--user-data-dir=" + self.profile, "about:blank"],
            close_fds=False, preexec_fn=wire, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(self.to_browser_read)
        os.close(self.from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser_write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def receive(self, deadline=30):
        start = time.time()
        while b"\0" not in self.buffer:
            if time.time() - start > deadline:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.from_browser_read, 65536)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, deadline=30):
        for event in self.events:
            if event.get("method") == method:
                return event
        start = time.time()
        while time.time() - start < deadline:
            event = self.receive(deadline)
            self.events.append(event)
            if event.get("method") == method:
                return event
        raise TimeoutError(f"no {method}")

    def close(self):
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        subprocess.run(["rm", "-rf", self.profile])


def main():
    chromium, page, screenshot, width, height = sys.argv[1:6]
    width, height = int(width), int(height)
    browser = Browser(chromium)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ["Runtime", "Log", "Network", "Page"]:
            browser.send(domain + ".enable", session=session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}, session=session)
        browser.send("Page.navigate", {"url": "file://" + os.path.abspath(page)}, session=session)
        browser.wait_for("Page.loadEventFired")
        checks = browser.send("Runtime.evaluate", {"expression": CHECKS, "returnByValue": True}, session=session)
        shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session=session)
        with open(screenshot, "wb") as handle:
            handle.write(base64.b64decode(shot["data"]))
        errors, requests = [], []
        for event in browser.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                errors.append("console." + params["type"] + ": " + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                errors.append("exception: " + params["exceptionDetails"].get("text", ""))
            elif method == "Log.entryAdded" and params["entry"].get("level") in ("error", "warning"):
                errors.append("log: " + params["entry"].get("text", ""))
            elif method == "Network.loadingFailed":
                errors.append("failed load: " + params.get("errorText", ""))
            elif method == "Network.requestWillBeSent":
                requests.append(params["request"]["url"])
        print(json.dumps({"errors": errors, "requests": requests, "checks": checks["result"].get("value", {}),
                          "screenshot": screenshot}))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
