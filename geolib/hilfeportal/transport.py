"""HTTP for the Hilfeportal client: a transport is anything with :meth:`Transport.get`.

The default, :class:`UrllibTransport`, uses only the standard library (``urllib``), so
geolib needs no extra package; the plugin may pass one that goes through QGIS's
network stack (proxy, SSL settings). A transport returns every HTTP answer as a
:class:`Response` (also 4xx and 5xx) and raises :class:`TransportError` with a clear
reason when no usable answer arrives (network error, timeout, an answer that is not
HTTP, a broken body). It reads the body in pieces and stops as soon as ``stop()`` says
so (the load's deadline passed or the user cancelled).
"""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from ..errors import SourceError
from ..messages import N_, Message, Number
from ..redact import redact
from ._common import _short

__all__ = ["PROXY_FAILED", "Response", "Transport", "TransportError", "UrllibTransport"]

#: the most bytes read at once; between two reads the transport looks at ``stop()``
CHUNK = 64 * 1024

#: the reason a transport gives when the proxy set for it refuses or fails (``proxy``, ``error``)
CERTIFICATE_UNTRUSTED = N_(
    "the certificate of {host} is not trusted ({error}). If the server is the right one, "
    "add the certificate of its authority (CA) in QGIS: Settings → Options → "
    "Authentication → Certificate Manager → Authorities → Import, then load again"
)
PROXY_FAILED = N_(
    "the proxy {proxy} set in QGIS could not be used ({error}); check the proxy in "
    "Settings → Options → Network"
)


@dataclass
class Response:
    """An HTTP answer: status, headers (names in lower case) and body."""

    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)


class TransportError(OSError):
    """No usable answer: the reason is a :class:`~geolib.messages.Message`."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.format())
        self.reason = reason


class Transport(Protocol):
    """What :class:`~geolib.hilfeportal.client.HsdsClient` needs of HTTP."""

    def get(
        self,
        url: str,
        headers: Mapping[str, str],
        *,
        timeout: float,
        max_bytes: int,
        stop: Callable[[], bool],
    ) -> Response:
        """GET ``url``; read at most ``max_bytes + 1`` bytes; give up when ``stop()``.

        ``timeout`` is the longest wait for any single piece of the answer.
        """
        ...


class _StoppedError(Exception):
    """The caller's deadline passed or it cancelled (the client says which)."""


class UrllibTransport:
    """The standard library's HTTP (``urllib``); redirects only to http(s)."""

    def __init__(self) -> None:
        self._opener = urllib.request.build_opener(_SafeRedirects())

    def get(
        self,
        url: str,
        headers: Mapping[str, str],
        *,
        timeout: float,
        max_bytes: int,
        stop: Callable[[], bool],
    ) -> Response:
        request = urllib.request.Request(url, headers=dict(headers))
        try:
            response = self._opener.open(request, timeout=timeout)
        except urllib.error.HTTPError as exc:
            found = {k.lower(): v for k, v in (exc.headers or {}).items()}
            exc.close()
            return Response(exc.code, b"", found)
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            raise TransportError(_reason(exc, timeout)) from None
        with response:
            found = {k.lower(): v for k, v in response.headers.items()}
            chunks: list[bytes] = []
            size = 0
            try:
                while size <= max_bytes:
                    if stop():
                        raise _StoppedError
                    chunk = response.read1(CHUNK)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
            except _StoppedError:
                raise TransportError(Message("stopped")) from None
            except (OSError, http.client.HTTPException, ValueError) as exc:
                raise TransportError(_reason(exc, timeout, size)) from None
        return Response(response.status, b"".join(chunks), found)


def _reason(exc: BaseException, timeout: float, received: int | None = None) -> Message:
    """A clear reason for a failed request (no secrets: URLs in it are redacted)."""
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return Message("no answer within {s} s", s=Number(timeout))
    if isinstance(exc, http.client.IncompleteRead) or (
        received is not None and isinstance(exc, (ValueError, http.client.HTTPException))
    ):
        return Message(
            "the answer broke off or its body is malformed after {n} bytes", n=received or 0
        )
    if isinstance(exc, http.client.RemoteDisconnected):
        return Message("the server closed the connection without an answer")
    if isinstance(exc, (http.client.BadStatusLine, http.client.LineTooLong)):
        return Message("the server's answer is not HTTP (a malformed status line or header)")
    if isinstance(exc, (http.client.InvalidURL, ValueError)):
        return Message(
            "the address is malformed ({error}); check the host and the port",
            error=_short(redact(str(exc)), 120),
        )
    return Message("{error}", error=_short(redact(str(reason)), 200))


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s); drop credentials when the host changes."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        parts = urllib.parse.urlsplit(newurl)
        if parts.scheme.lower() not in ("http", "https"):
            raise SourceError(
                "The Hilfeportal redirected to '{url}', which is not http(s).",
                url=_short(redact(newurl), 200),
            )
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and parts.netloc != urllib.parse.urlsplit(req.full_url).netloc:
            for name in list(new.headers):
                if name.lower() == "authorization":
                    del new.headers[name]
        return new
