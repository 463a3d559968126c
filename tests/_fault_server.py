"""A Hilfeportal that misbehaves at the byte level: a raw HTTP server on loopback.

Unlike :class:`geolib.hilfeportal_server.HilfeportalServer` (a well-formed HTTP server
with switchable faults), this one writes its answers byte by byte, so that it can
send what no HTTP library would: a malformed status line, a broken chunked body, a
body that trickles one byte at a time. ``mode`` selects the answer (see
:meth:`FaultServer.answer`); ``"good"`` serves the services properly, paged.
"""

from __future__ import annotations

import contextlib
import json
import socketserver
import threading
import time
import urllib.parse
from typing import Any


class FaultServer:
    """``with FaultServer(services) as srv: srv.mode = "dribble"; ... srv.url``."""

    def __init__(self, services: list[dict[str, Any]], *, dribble_for: float = 30.0) -> None:
        self.services = services
        self.mode = "good"
        self.dribble_for = dribble_for
        self.requests: list[str] = []
        self.dribbles_finished = 0
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- answers ---------------------------------------------------------------------------
    def page(self, page: int, per_page: int, **meta: Any) -> bytes:
        items = self.services[(page - 1) * per_page : page * per_page]
        pages = max(1, -(-len(self.services) // per_page))
        data = {
            "total_items": len(self.services),
            "total_pages": pages,
            "page_number": page,
            "contents": items,
        }
        data.update(meta)
        return json.dumps(data).encode()

    def answer(self, path: str, write) -> None:
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
        page = int(query.get("page", ["1"])[0])
        per_page = int(query.get("per_page", ["200"])[0])
        mode = self.mode
        if mode == "good":
            write(_ok(self.page(page, per_page)))
        elif mode == "bad_status":
            write(b"HTTP/1.1 2OO OK\r\nContent-Length: 2\r\n\r\n{}")
        elif mode == "not_http":
            write(b"SSH-2.0-OpenSSH_9.2\r\n")
        elif mode == "broken_chunked":
            write(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n"
                b'd\r\n{"contents": \r\nzz\r\n[]}\r\n0\r\n\r\n'
            )
        elif mode == "nested":
            write(_ok(b"[" * 200_000 + b"]" * 200_000))
        elif mode == "huge_total":
            body = self.page(page, per_page).replace(
                b'"total_items": %d' % len(self.services), b'"total_items": 1e400'
            )
            write(_ok(body))
        elif mode == "empty":
            write(_ok(b'{"total_items": 0, "total_pages": 1, "page_number": 1, "contents": []}'))
        elif mode == "few":
            body = {"total_items": 3, "total_pages": 1, "page_number": 1}
            write(_ok(json.dumps({**body, "contents": self.services[:3]}).encode()))
        elif mode == "lying_pages":  # claims one page, without a total; page 2 has more
            meta = {"total_pages": 1, "total_items": None}
            write(_ok(self.page(page, per_page, **meta)))
        elif mode == "bad_port_redirect":
            write(
                b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:80x/services\r\n"
                b"Content-Length: 0\r\n\r\n"
            )
        elif mode == "dribble":
            body = self.page(page, per_page)
            write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body))
            end = time.monotonic() + self.dribble_for
            for i in range(len(body)):
                if time.monotonic() > end:
                    break
                write(body[i : i + 1])
                time.sleep(0.2)
            self.dribbles_finished += 1
        else:
            raise ValueError(mode)


def _ok(body: bytes) -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n"
        b"Connection: close\r\n\r\n" % len(body)
    ) + body


def _handler(server: FaultServer):
    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            line = self.rfile.readline().decode("latin-1")
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            path = line.split(" ")[1] if line.count(" ") >= 2 else "/"
            server.requests.append(path)

            def write(data: bytes) -> None:
                self.wfile.write(data)
                self.wfile.flush()

            # the client may give up: as it should at its deadline or on cancel
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                server.answer(path, write)

    return Handler
