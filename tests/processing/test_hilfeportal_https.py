"""HTTPS through QGIS's network stack: a loopback server with a certificate made here.

The certificate is self-signed (its own authority). Untrusted, a load ends with a
message naming the certificate problem and the fix, also where the load runs in the
main thread (``processing.run``, ``qgis_process``), where QGIS's own SSL error
handling would wait for the main thread for ever. With the authority imported into
QGIS's authentication manager (the test session's own QGIS profile), it loads.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess

import pytest

from geolib.errors import SourceError
from geolib.hilfeportal import load_offers
from geolib.hilfeportal_server import HilfeportalServer
from processing_algorithms.qgis_transport import QgisTransport
from tests._http_proxy import RecordingProxy, use_qgis_proxy
from tests._qgis import run_algorithm, run_algorithm_error

FAST = {"timeout": 5.0, "retries": 0, "backoff": 0.01, "stale_days": None}

#: a name only the test's proxy knows (it maps it to the loopback HTTPS server)
HOST = "hilfeportal.test"

pytestmark = pytest.mark.skipif(not shutil.which("openssl"), reason="openssl is not installed")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate (and key) for 127.0.0.1, valid for two days."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=Hilfeportal Test CA",
            "-addext", f"subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:{HOST}",
            "-addext", "basicConstraints=critical,CA:TRUE",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def https_server(services, certificate):
    """The example Hilfeportal, served over TLS on loopback."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    server = HilfeportalServer(services)
    # the example server speaks HTTP; its listening socket wrapped, it speaks HTTPS
    server._httpd.socket = context.wrap_socket(server._httpd.socket, server_side=True)
    with server:
        yield server.url.replace("http://", "https://")


@pytest.fixture
def proxied(https_server):
    """The HTTPS server under a name only QGIS's proxy knows: (its URL, the proxy)."""
    port = int(https_server.rsplit(":", 1)[1].split("/", 1)[0])
    with RecordingProxy({HOST: ("127.0.0.1", port)}) as proxy:
        use_qgis_proxy(proxy.port)
        try:
            yield f"https://{HOST}:{port}", proxy
        finally:
            use_qgis_proxy(None)


@pytest.fixture
def trusted(certificate):
    """The certificate's authority imported into QGIS (and removed again afterwards)."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtNetwork import QSslCertificate

    manager = QgsApplication.authManager()
    cert = QSslCertificate.fromPath(str(certificate[0]))[0]
    assert manager.storeCertAuthority(cert)
    _rebuild(manager)
    yield
    manager.removeCertAuthority(cert)
    _rebuild(manager)


def _rebuild(manager):
    manager.rebuildCaCertsCache()
    manager.rebuildCertTrustCache()
    manager.rebuildTrustedCaCertsCache()


def test_an_untrusted_certificate_is_a_message_with_the_fix(https_server):
    with pytest.raises(SourceError) as info:
        load_offers(https_server, transport=QgisTransport(), **FAST)
    text = str(info.value)
    assert "is not trusted (self-signed certificate)" in text
    assert "Certificate Manager → Authorities → Import" in text


def test_the_algorithm_says_so_too_without_a_traceback(https_server, tmp_path):
    shown = run_algorithm_error(
        "sozialplanung:hilfeportal",
        {
            "SOURCE": https_server,
            "OUTPUT": str(tmp_path / "a.gpkg"),
            "OUTPUT_CHECKS": str(tmp_path / "p.gpkg"),
        },
    )
    assert "is not trusted (self-signed certificate)" in shown
    assert "Traceback" not in shown


def test_with_the_authority_imported_into_qgis_it_loads(https_server, trusted, services, tmp_path):
    result = load_offers(https_server, transport=QgisTransport(), **FAST)
    assert sorted(result.all_offers["offer_id"]) == sorted(s["id"] for s in services)
    results, _ = run_algorithm(
        "sozialplanung:hilfeportal",
        {
            "SOURCE": https_server,
            "OUTPUT": str(tmp_path / "a.gpkg"),
            "OUTPUT_CHECKS": str(tmp_path / "p.gpkg"),
        },
    )
    from geolib.io import read_vector

    assert len(read_vector(results["OUTPUT"])) == len(result.offers)


def test_through_qgis_proxy_an_untrusted_certificate_is_a_message_too(proxied):
    # before, the check was skipped behind a proxy and the load waited for QGIS's SSL
    # error handling until its deadline; now the certificate is checked through a
    # CONNECT tunnel of the proxy, as a browser opens it
    url, proxy = proxied
    with pytest.raises(SourceError) as info:
        load_offers(url, transport=QgisTransport(), **FAST)
    assert "is not trusted (self-signed certificate)" in str(info.value)
    assert proxy.requests and proxy.requests[0] == f"CONNECT {url.removeprefix('https://')}"


def test_through_qgis_proxy_with_the_authority_imported_it_loads(proxied, trusted, services):
    url, proxy = proxied
    result = load_offers(url, transport=QgisTransport(), **FAST)
    assert sorted(result.all_offers["offer_id"]) == sorted(s["id"] for s in services)
    # the check's tunnel and QGIS's own requests, all through the proxy
    assert len(proxy.requests) >= 2
    assert all(r == f"CONNECT {url.removeprefix('https://')}" for r in proxy.requests)
