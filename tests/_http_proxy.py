"""A small forwarding HTTP proxy on loopback that records every request (for tests).

Clients send it absolute URLs (``GET http://host:port/path``); it forwards them with
``http.client`` and answers with what the server answered. ``hosts`` maps names that
only the proxy knows (``hilfeportal.test``) to real ``(host, port)`` pairs: a client
reaches such a name only through the proxy. ``CONNECT host:port`` (https through the
proxy) opens a tunnel to the mapped server and passes the bytes both ways; it is
recorded as ``"CONNECT host:port"``.
"""

from __future__ import annotations

import contextlib
import http.client
import select
import socket
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

        def do_CONNECT(self) -> None:
            proxy.requests.append(f"CONNECT {self.path}")
            name, _, port = self.path.rpartition(":")
            target = proxy.hosts.get(name, (name, int(port or 443)))
            try:
                upstream = socket.create_connection(target, timeout=30)
            except OSError as exc:
                self.send_error(502, str(exc))
                return
            self.send_response(200, "Connection established")
            self.end_headers()
            self.close_connection = True
            with upstream:
                _pump(self.connection, upstream)

    return Handler


def use_qgis_proxy(port: int | None) -> None:
    """Point QGIS's proxy settings at ``127.0.0.1:port`` (an HTTP proxy); None: no proxy."""
    from qgis.core import QgsNetworkAccessManager, QgsSettings

    settings = QgsSettings()
    settings.setValue("proxy/proxyEnabled", port is not None)
    settings.setValue("proxy/proxyHost", "127.0.0.1")
    settings.setValue("proxy/proxyPort", str(port or 0))
    settings.setValue("proxy/proxyType", "HttpProxy")
    settings.setValue("proxy/proxyExcludedUrls", "")
    settings.setValue("proxy/noProxyUrls", "")
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def _pump(a: socket.socket, b: socket.socket) -> None:
    """Pass bytes both ways until one side closes."""
    while True:
        readable, _, _ = select.select([a, b], [], [], 30)
        if not readable:
            return
        for sock in readable:
            try:
                data = sock.recv(65536)
            except OSError:
                return
            if not data:
                return
            (b if sock is a else a).sendall(data)
