"""HTTP for the Hilfeportal through QGIS's network stack (proxy, SSL settings, auth configs).

:class:`QgisTransport` implements geolib's
:class:`~geolib.hilfeportal.transport.Transport` with
:class:`~qgis.core.QgsBlockingNetworkRequest`, so that a load honours what the user
set in Settings → Options → Network (proxy, excluded URLs, SSL errors accepted per
server) and, with ``authcfg``, a QGIS authentication configuration. geolib itself
never imports qgis; its default transport stays the standard library's.

Certificates: before the first request to an https server its certificate is
checked against the authorities QGIS trusts (the system's and those in QGIS's
authentication manager), through QGIS's HTTP proxy where one is set (a ``CONNECT``
tunnel, as a browser opens it; with the proxy's user and password from QGIS). An
untrusted one ends the load with a message naming the problem and the fix (import
the CA in QGIS), instead of QGIS's SSL error handling, which blocks the request
until the *main* thread answers (a dialog in QGIS desktop; a hang where the main
thread itself waits for the load, as in ``qgis_process``). A server with an SSL
configuration of its own in QGIS (Authentication → SSL Server), a SOCKS proxy and a
proxy that refuses the tunnel are left to QGIS.

The client (:class:`~geolib.hilfeportal.client.HsdsClient`) calls :meth:`get` in a
helper thread and expects it to give up when ``stop()`` says so (deadline or
cancel) and when no piece of the answer arrives within ``timeout``: a small watcher
thread looks at both every :data:`POLL` seconds and cancels the request through its
:class:`~qgis.core.QgsFeedback`. The request itself runs in a ``QThread`` of its own
(:func:`_in_qt_thread`), and what it reads of QGIS's shared network state goes through
the main thread's manager (:func:`_manager`).
"""

from __future__ import annotations

import atexit
import base64
import socket
import ssl
import threading
import time
import traceback
from collections.abc import Callable, Mapping

from qgis.core import (
    QgsApplication,
    QgsBlockingNetworkRequest,
    QgsFeedback,
    QgsNetworkAccessManager,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread, QUrl
from qgis.PyQt.QtNetwork import QNetworkProxy, QNetworkProxyQuery, QNetworkReply, QNetworkRequest

from geolib.errors import SourceError
from geolib.hilfeportal.transport import (
    CERTIFICATE_UNTRUSTED,
    PROXY_FAILED,
    Response,
    TransportError,
)
from geolib.messages import Message
from geolib.redact import redact

__all__ = ["QgisTransport", "remember_main_manager"]

#: how often (seconds) the watcher looks at ``stop()`` and the timeout
POLL = 0.05
#: how long (seconds) the end of the Python interpreter waits for requests to stop
EXIT_WAIT = 5.0

_Error = QNetworkReply.NetworkError
#: network errors of the proxy itself: the message points to QGIS's proxy settings
_PROXY_ERRORS = {
    _Error.ProxyConnectionRefusedError,
    _Error.ProxyConnectionClosedError,
    _Error.ProxyNotFoundError,
    _Error.ProxyTimeoutError,
    _Error.ProxyAuthenticationRequiredError,
    _Error.UnknownProxyError,
}
#: errors of the connection that, with a proxy in the way, concern the proxy
_CONNECTION_ERRORS = {
    _Error.ConnectionRefusedError,
    _Error.RemoteHostClosedError,
    _Error.HostNotFoundError,
}


class QgisTransport:
    """GET through QGIS's network access manager (its proxy and SSL settings).

    Parameters
    ----------
    authcfg
        A QGIS authentication configuration applied to every request (optional).
    """

    def __init__(self, authcfg: str | None = None) -> None:
        self.authcfg = authcfg or ""
        self._trusted: set[tuple[str, int]] = set()  #: servers whose certificate was checked

    def get(
        self,
        url: str,
        headers: Mapping[str, str],
        *,
        timeout: float,
        max_bytes: int,
        stop: Callable[[], bool],
    ) -> Response:
        self._check_certificate(url, timeout)
        state = _State(timeout, max_bytes)
        return _in_qt_thread(lambda: self._request(url, headers, state, stop))

    def _request(
        self, url: str, headers: Mapping[str, str], state: _State, stop: Callable[[], bool]
    ) -> Response:
        """The request itself, in a Qt thread of its own (see :func:`_in_qt_thread`)."""
        request = QNetworkRequest(QUrl(url))
        # every load asks the server: nothing from QGIS's network cache, nothing into it
        # (QGIS 3.40 mixed a cached answer into a later HTTP 500)
        request.setAttribute(
            QNetworkRequest.Attribute.CacheLoadControlAttribute,
            QNetworkRequest.CacheLoadControl.AlwaysNetwork,
        )
        request.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
        _forget(url)  # QGIS (3.40) answers a failed request from its cache: keep none
        for name, value in headers.items():
            request.setRawHeader(name.encode("latin-1"), str(value).encode("latin-1"))
        blocking = QgsBlockingNetworkRequest()
        if self.authcfg:
            blocking.setAuthCfg(self.authcfg)
        feedback = QgsFeedback()
        blocking.downloadProgress.connect(state.progress)
        watcher = threading.Thread(
            target=state.watch, args=(stop, feedback), name="hilfeportal-watch", daemon=True
        )
        watcher.start()
        try:
            error = blocking.get(request, True, feedback)
        finally:
            state.done.set()
            watcher.join()
        if state.why is not None:
            raise TransportError(state.why)
        _forget(url)
        reply = blocking.reply()
        if reply.attribute(QNetworkRequest.Attribute.SourceIsFromCacheAttribute):
            # asked for the network only: QGIS fell back to a cached answer after a failure
            raise TransportError(_reason(reply, blocking.errorMessage(), url))
        final = reply.request().url()
        if final.scheme().lower() not in ("http", "https"):  # Qt follows redirects to file:
            raise SourceError(
                "The Hilfeportal redirected to '{url}', which is not http(s).",
                url=redact(final.toString())[:200],
            )
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        body = bytes(reply.content())
        if state.too_large:
            size = state.max_bytes + 1
            return Response(int(status or 200), body[:size].ljust(size))
        if status is None or int(status) == 0:
            if error == QgsBlockingNetworkRequest.ErrorCode.NoError:
                raise TransportError(Message("the server closed the connection without an answer"))
            raise TransportError(_reason(reply, blocking.errorMessage(), url))
        code = int(reply.error())
        if 0 < code < 100 or 300 < code < 400:  # an answer began, then broke off or was malformed
            raise TransportError(
                Message(
                    "the answer broke off or its body is malformed after {n} bytes", n=len(body)
                )
            )
        found = {
            bytes(name).decode("latin-1").lower(): bytes(reply.rawHeader(name)).decode("latin-1")
            for name in reply.rawHeaderList()
        }
        return Response(int(status), body, found)

    def _check_certificate(self, url: str, timeout: float) -> None:
        """Raise a TransportError naming the fix if QGIS does not trust the server's certificate."""
        qurl = QUrl(url)
        if qurl.scheme().lower() != "https":
            return
        proxy = _proxy_of(url)
        if proxy is not None and proxy.type() != QNetworkProxy.ProxyType.HttpProxy:
            return  # SOCKS: left to QGIS
        server = (qurl.host(), qurl.port(443))
        if server in self._trusted:
            return
        via = None if proxy is None else _Tunnel.of(proxy)
        problem = certificate_problem(*server, timeout=timeout, via=via)
        if problem is not None:
            raise TransportError(
                Message(CERTIFICATE_UNTRUSTED, host=f"{server[0]}:{server[1]}", error=problem)
            )
        self._trusted.add(server)


class _QtThread(QThread):
    """Runs one function; keeps its result or the exception it raised."""

    def __init__(self, func: Callable[[], Response]) -> None:
        super().__init__()
        self.func = func
        self.result: Response | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.func()
        except BaseException as exc:  # handed to the waiting thread
            # the request's Qt objects (the blocking request, its feedback) held by the
            # traceback's frames go here, in the thread they belong to
            traceback.clear_frames(exc.__traceback__)
            self.error = exc


class _InFlight:
    """The requests running in Qt threads; stopped and waited for when Python ends.

    Once Python has begun to finalize, it ends any daemon thread that asks for its lock
    with a forced unwind of that thread's stack. A request's Qt thread calls Python from
    inside Qt's event dispatch (the answer's progress), and QGIS's
    ``QgsApplication::notify`` catches that unwind without passing it on: the process
    aborted with "FATAL: exception not rethrown" when QGIS (or a script, or the test
    run) ended while a Hilfeportal load was still receiving. At exit (``atexit``, before
    the finalization) the requests are told to stop and their threads waited for.
    """

    def __init__(self) -> None:
        self.closing = threading.Event()
        self._count = 0
        self._idle = threading.Condition()

    def __enter__(self) -> None:
        with self._idle:
            if self.closing.is_set():
                raise TransportError(Message("stopped"))
            self._count += 1

    def __exit__(self, *_exc: object) -> None:
        with self._idle:
            self._count -= 1
            self._idle.notify_all()

    def stop_all(self, wait: float = EXIT_WAIT) -> bool:
        """Stop every request and wait up to ``wait`` s for them; whether all ended."""
        self.closing.set()
        with self._idle:
            return self._idle.wait_for(lambda: self._count == 0, timeout=wait)


_IN_FLIGHT = _InFlight()
atexit.register(_IN_FLIGHT.stop_all)


def _in_qt_thread(func: Callable[[], Response]) -> Response:
    """Call ``func`` in a Qt thread of its own and wait for it (the GIL released).

    The client runs each request in a plain Python thread, which Qt adopts: timers
    cannot start there (QGIS's network timeout; "QObject::startTimer: Timers can only
    be used with threads started with QThread" on every request). In a QThread the
    request runs as in QGIS's own threads.
    """
    worker = _QtThread(func)
    with _IN_FLIGHT:
        worker.start()
        worker.wait()
    result, error = worker.result, worker.error
    worker.result = worker.error = None
    if error is not None:
        # the traceback's frame of run() holds the thread object: a cycle, freed by
        # Python's collector later in whatever thread runs it (QGIS's main thread
        # crashed deleting a QThread whose own thread had ended); cleared, the thread
        # object goes here, in the thread that made it
        traceback.clear_frames(error.__traceback__)
        del worker
        raise error
    del worker
    assert result is not None
    return result


class _Tunnel:
    """An HTTP proxy to open a ``CONNECT`` tunnel through (host, port, credentials)."""

    def __init__(self, host: str, port: int, user: str = "", password: str = "") -> None:
        self.host, self.port, self.user, self.password = host, int(port), user, password

    @classmethod
    def of(cls, proxy: QNetworkProxy) -> _Tunnel:
        return cls(proxy.hostName(), proxy.port(), proxy.user(), proxy.password())

    def connect(self, host: str, port: int, timeout: float) -> socket.socket | None:
        """A socket tunnelled to ``host:port``; None when the proxy refuses the tunnel
        (e.g. it wants another kind of authentication: the request itself says so)."""
        sock = socket.create_connection((self.host, self.port), timeout=timeout)
        lines = [f"CONNECT {host}:{port} HTTP/1.1", f"Host: {host}:{port}"]
        if self.user:
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            lines.append(f"Proxy-Authorization: Basic {token}")
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 16384:
            piece = sock.recv(4096)
            if not piece:
                break
            head += piece
        status = head.split(b"\r\n", 1)[0].split()
        if len(status) < 2 or status[1] != b"200":
            sock.close()
            return None
        return sock


def certificate_problem(
    host: str, port: int, *, timeout: float = 10.0, via: _Tunnel | None = None
) -> str | None:
    """Why QGIS would not trust the certificate of ``host:port``; None: trusted (or unknown).

    The authorities are those of QGIS's authentication manager (system and imported
    CAs, with their trust policies). ``via``: the HTTP proxy QGIS uses for the server.
    A server with a QGIS SSL server configuration, and any other failure of the
    connection, are left to the request itself.
    """
    manager = QgsApplication.authManager()
    if manager is not None and not manager.isDisabled():
        custom = manager.sslCertCustomConfigByHost(f"{host}:{port}")
        if not custom.isNull():
            return None
    context = ssl.create_default_context()
    authorities = manager.trustedCaCertsCache() if manager is not None else []
    pem = "".join(bytes(cert.toPem()).decode("ascii") for cert in authorities)
    if pem:
        context.load_verify_locations(cadata=pem)
    try:
        sock = (
            socket.create_connection((host, port), timeout=timeout)
            if via is None
            else via.connect(host, port, timeout)
        )
        if sock is None:
            return None
        with sock, context.wrap_socket(sock, server_hostname=host):
            return None
    except ssl.SSLCertVerificationError as exc:
        return str(exc.verify_message or exc.reason or exc)[:200]
    except (OSError, ValueError):  # refused, reset, timed out: the request says so
        return None


_MAIN_MANAGER: list[QgsNetworkAccessManager] = []


def remember_main_manager() -> None:
    """Keep QGIS's network manager of the main thread for :func:`_manager`.

    Call it in the main thread of a running QGIS (where the dock starts a load and
    where Processing sets up an algorithm); elsewhere it does nothing. Not at import:
    a QGIS application that is not initialised yet crashes on its network manager.
    """
    app = QCoreApplication.instance()
    if not _MAIN_MANAGER and app is not None and QThread.currentThread() == app.thread():
        _MAIN_MANAGER.append(QgsNetworkAccessManager.instance())


def _manager() -> QgsNetworkAccessManager:
    """QGIS's network manager of the main thread once remembered, else this thread's.

    QGIS makes a manager per thread. A Python wrapper of one made for a worker thread
    can go stale when that thread ends ("wrapped C/C++ object of type
    QgsNetworkAccessManager has been deleted", seen with QGIS 3.44), and the
    Hilfeportal's requests run in short-lived threads. What is read here, the network
    cache and the proxy factory, works the same through the main thread's manager,
    which lives as long as QGIS (the disk cache is one for all threads, behind a
    mutex; the factory asks the calling thread's manager for its settings).
    """
    remember_main_manager()
    return _MAIN_MANAGER[0] if _MAIN_MANAGER else QgsNetworkAccessManager.instance()


def _forget(url: str) -> None:
    """Remove ``url`` from QGIS's network cache (shared by every thread's manager)."""
    cache = _manager().cache()
    if cache is not None:
        cache.remove(QUrl(url))


class _State:
    """What the watcher knows: the last piece of the answer, and why it gave up."""

    def __init__(self, timeout: float, max_bytes: int) -> None:
        self.timeout = float(timeout)
        self.max_bytes = int(max_bytes)
        self.last = time.monotonic()
        self.too_large = False
        self.why: Message | None = None
        self.done = threading.Event()

    def progress(self, received: int, _total: int) -> None:
        self.last = time.monotonic()
        if received > self.max_bytes:
            self.too_large = True

    def watch(self, stop: Callable[[], bool], feedback: QgsFeedback) -> None:
        while not self.done.wait(POLL):
            if stop() or _IN_FLIGHT.closing.is_set():
                self.why = Message("stopped")
            elif time.monotonic() - self.last > self.timeout:
                self.why = Message("no answer within {s} s", s=f"{self.timeout:g}")
            elif not self.too_large:
                continue
            feedback.cancel()
            return


def _reason(reply, message: str, url: str) -> Message:
    """A clear reason for a request without an HTTP answer (a proxy in the way named)."""
    error = redact(reply.errorString() or message)[:200]
    proxy = _proxy_for(url)
    if proxy is not None and (
        reply.error() in _PROXY_ERRORS or reply.error() in _CONNECTION_ERRORS
    ):
        return Message(PROXY_FAILED, proxy=proxy, error=error)
    return Message("{error}", error=error)


def _proxy_for(url: str) -> str | None:
    """The proxy QGIS uses for ``url`` as host:port; None when it goes direct."""
    proxy = _proxy_of(url)
    return None if proxy is None else f"{proxy.hostName()}:{proxy.port()}"


def _proxy_of(url: str) -> QNetworkProxy | None:
    """The proxy QGIS uses for ``url``; None when it goes direct."""
    factory = _manager().proxyFactory()
    proxies = factory.queryProxy(QNetworkProxyQuery(QUrl(url))) if factory is not None else []
    for proxy in proxies:
        if proxy.type() not in (
            QNetworkProxy.ProxyType.NoProxy,
            QNetworkProxy.ProxyType.DefaultProxy,
        ):
            return proxy
    return None
