"""A tile server on 127.0.0.1 for the tests: every tile is one flat colour that encodes
its z/x/y, so a pixel of a drawn map says which tile landed there.

Faults are injected per tile: latency, an HTTP status (404, 500), a truncated body or
bytes that are not an image. Every request is logged with its headers, and the largest
number of requests served at the same time is kept (the two-connections rule).
"""

from __future__ import annotations

import re
import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PATH = re.compile(r"^/(\d+)/(\d+)/(\d+)(@2x)?\.png$")


def tile_colour(z: int, x: int, y: int) -> tuple[int, int, int]:
    return (x % 256, y % 256, 10 * z % 256)


def decode_colour(r: int, g: int, b: int) -> tuple[int, int, int]:
    """(z, x mod 256, y mod 256) back from a pixel of a tile."""
    return b // 10, r, g


def png_bytes(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A flat RGB PNG, written by hand so the server needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height, 6)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


class TileServer:
    """``faults``: {(z, x, y): "404" | "500" | "truncated" | "broken" | "slow"};
    ``latency``: seconds before every answer; ``slow_latency`` for "slow" tiles."""

    def __init__(self) -> None:
        self.faults: dict[tuple[int, int, int], str] = {}
        self.latency = 0.0
        self.slow_latency = 5.0
        self.cache_control = "max-age=86400"
        self.log: list[tuple[str, dict[str, str]]] = []
        self.concurrent = 0
        self.max_concurrent = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                return None

            def do_GET(self) -> None:
                with server._lock:
                    server.log.append((self.path, dict(self.headers.items())))
                    server.concurrent += 1
                    server.max_concurrent = max(server.max_concurrent, server.concurrent)
                try:
                    server._answer(self)
                finally:
                    with server._lock:
                        server.concurrent -= 1

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.template = f"{self.url}/{{z}}/{{x}}/{{y}}.png"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def requested(self) -> list[tuple[int, int, int]]:
        out = []
        for path, _ in self.log:
            m = PATH.match(path)
            if m:
                out.append((int(m[1]), int(m[2]), int(m[3])))
        return out

    def _answer(self, h: BaseHTTPRequestHandler) -> None:
        m = PATH.match(h.path)
        if not m:
            self._send(h, 404, b"not a tile")
            return
        key = (int(m[1]), int(m[2]), int(m[3]))
        fault = self.faults.get(key, "")
        time.sleep(self.slow_latency if fault == "slow" else self.latency)
        if fault in ("404", "500"):
            self._send(h, int(fault), b"no tile here")
            return
        side = 512 if m[4] else 256
        body = png_bytes(side, side, tile_colour(*key))
        if fault == "broken":
            body = b"<html>this is not a png</html>"
        if fault == "truncated":
            h.send_response(200)
            h.send_header("Content-Type", "image/png")
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body[: len(body) // 3])
            h.wfile.flush()
            h.close_connection = True
            return
        self._send(h, 200, body, "image/png")

    def _send(self, h: BaseHTTPRequestHandler, status: int, body: bytes, kind: str = "text/plain"):
        h.send_response(status)
        h.send_header("Content-Type", kind)
        h.send_header("Content-Length", str(len(body)))
        if status == 200:
            h.send_header("Cache-Control", self.cache_control)
        h.end_headers()
        h.wfile.write(body)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
