"""A TCP relay to a server that can be frozen: connections stay open and nothing passes
either way — a database that hangs rather than refuses (a cable cut, a stopped VM)."""

from __future__ import annotations

import select
import socket
import threading


class FreezingProxy:
    def __init__(self, port: int) -> None:
        self.target = ("127.0.0.1", port)
        self.frozen = threading.Event()
        self.closed = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            if self.frozen.is_set():
                continue  # accepted, never answered
            server = socket.create_connection(self.target)
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    def _pump(self, a: socket.socket, b: socket.socket) -> None:
        while not self.closed.is_set():
            ready, _, _ = select.select([a, b], [], [], 0.1)
            if self.frozen.is_set():
                continue  # bytes stay in the kernel's buffers: nothing is answered
            for x in ready:
                data = x.recv(65536)
                if not data:
                    return
                (b if x is a else a).sendall(data)

    def close(self) -> None:
        self.closed.set()
        self.sock.close()
