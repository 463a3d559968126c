"""A small forwarding HTTP proxy on loopback that records every request (for tests).

Clients send it absolute URLs (``GET http://host:port/path``); it forwards them with
``http.client`` and answers with what the server answered. ``hosts`` maps names that
only the proxy knows (``hilfeportal.test``) to real ``(host, port)`` pairs: a client
reaches such a name only through the proxy.
"""

from __future__ import annotations

import contextlib
import http.client
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class RecordingProxy:
    def __init__(self, hosts: dict[str, tuple[str, int]] | None = None) -> None:
        self.hosts = dict(hosts or {})
        self.requests: list[str] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def __enter__(self) -> RecordingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(proxy: RecordingProxy):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *args):
            pass

        def do_GET(self) -> None:
            proxy.requests.append(self.path)
            parts = urllib.parse.urlsplit(self.path)
            if parts.scheme != "http" or not parts.hostname:
                self.send_error(400, "absolute http URL expected")
                return
            host, port = proxy.hosts.get(parts.hostname, (parts.hostname, parts.port or 80))
            headers = {
                k: v
                for k, v in self.headers.items()
                if k.lower() not in ("proxy-connection", "connection", "host", "keep-alive")
            }
            target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
            connection = http.client.HTTPConnection(host, port, timeout=30)
            try:
                connection.request("GET", target, headers=headers)
                answer = connection.getresponse()
                body = answer.read()
            except OSError as exc:
                self.send_error(502, str(exc))
                return
            finally:
                connection.close()
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)  # the client may have given up

    return Handler
