"""Headless Chromium driven over the DevTools protocol, with the standard library only.

Opens one page, waits, evaluates an expression and returns it with everything the page logged
(console messages and browser log entries, where Content-Security-Policy violations appear).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _WebSocket:
    """Just enough of RFC 6455 for DevTools: masked text frames out, unfragmented frames in."""

    def __init__(self, url: str) -> None:
        host_port, path = url.removeprefix("ws://").split("/", 1)
        host, port = host_port.split(":")
        self.socket = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.socket.sendall(
            f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self.socket.recv(4096)
        self.buffer = self.buffer.split(b"\r\n\r\n", 1)[1]

    def send(self, message: dict[str, Any]) -> None:
        data = json.dumps(message).encode()
        size = len(data)
        if size < 126:
            header = bytes([0x81, 0x80 | size])
        elif size < 65536:
            header = bytes([0x81, 0x80 | 126]) + struct.pack(">H", size)
        else:
            header = bytes([0x81, 0x80 | 127]) + struct.pack(">Q", size)
        mask = os.urandom(4)
        self.socket.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def receive(self) -> dict[str, Any]:
        """The next message; a timeout leaves a half-received frame in the buffer for later."""
        while True:
            frame = self._frame()
            if frame is not None:
                return json.loads(frame)
            chunk = self.socket.recv(65536)
            if not chunk:
                raise EOFError("DevTools closed the connection")
            self.buffer += chunk

    def _frame(self) -> bytes | None:
        if len(self.buffer) < 2:
            return None
        size, start = self.buffer[1] & 0x7F, 2
        if size == 126:
            if len(self.buffer) < 4:
                return None
            size, start = struct.unpack(">H", self.buffer[2:4])[0], 4
        elif size == 127:
            if len(self.buffer) < 10:
                return None
            size, start = struct.unpack(">Q", self.buffer[2:10])[0], 10
        if len(self.buffer) < start + size:
            return None
        frame, self.buffer = self.buffer[start:start + size], self.buffer[start + size:]
        return frame


def open_page(url: str, expression: str, wait: float) -> tuple[Any, list[str]]:
    """(the expression's value after `wait` seconds, what the page logged)."""
    assert CHROMIUM, "chromium is not installed"
    port = free_port()
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        browser = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", f"--user-data-dir={profile}", f"--remote-debugging-port={port}",
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        try:
            return _drive(port, url, expression, wait)
        finally:
            os.killpg(browser.pid, signal.SIGKILL)  # the browser and its helper processes
            browser.wait(timeout=30)


def _drive(port: int, url: str, expression: str, wait: float) -> tuple[Any, list[str]]:
    targets: list[dict[str, Any]] = []
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=2) as answer:
                targets = json.load(answer)
            if any(t["type"] == "page" for t in targets):
                break
        except OSError:
            pass
        time.sleep(0.2)
    page = next(t for t in targets if t["type"] == "page")
    ws = _WebSocket(page["webSocketDebuggerUrl"])
    for number, method in enumerate(("Runtime.enable", "Log.enable"), start=1):
        ws.send({"id": number, "method": method})
    ws.send({"id": 3, "method": "Page.navigate", "params": {"url": url}})
    ws.socket.settimeout(0.5)
    logged: list[str] = []
    asked, give_up = False, time.monotonic() + wait + 60
    ask_at = time.monotonic() + wait
    while time.monotonic() < give_up:
        if not asked and time.monotonic() >= ask_at:
            ws.send({"id": 9, "method": "Runtime.evaluate",
                     "params": {"expression": expression, "returnByValue": True}})
            asked = True
        try:
            message = ws.receive()
        except TimeoutError:
            continue
        method = message.get("method")
        if method == "Runtime.consoleAPICalled":
            args = message["params"]["args"]
            logged.append(" ".join(str(a.get("value", a.get("description", ""))) for a in args))
        elif method == "Log.entryAdded":
            logged.append(message["params"]["entry"]["text"])
        elif method == "Runtime.exceptionThrown":
            logged.append(json.dumps(message["params"]["exceptionDetails"])[:500])
        elif message.get("id") == 9:
            return message["result"]["result"].get("value"), logged
    raise TimeoutError(f"{url}: no answer from the page")
