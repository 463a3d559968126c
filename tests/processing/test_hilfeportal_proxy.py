"""The Hilfeportal through QGIS's network stack: QGIS's proxy settings are honoured.

A forwarding proxy of the test's own (``tests/_http_proxy.py``) on loopback records
every request; QGIS's proxy settings point at it; the algorithm loads from the
example server under a name only the proxy knows, so no request can bypass it.
"""

from __future__ import annotations

import socket

import pytest

from geolib.errors import SourceError
from geolib.hilfeportal import HsdsClient, UrllibTransport
from geolib.io import read_vector
from processing_algorithms.qgis_transport import QgisTransport
from tests._http_proxy import RecordingProxy, use_qgis_proxy
from tests._qgis import run_algorithm, run_algorithm_error

ALG = "sozialplanung:hilfeportal"
#: a name no resolver knows: only the proxy maps it to the example server
HOST = "hilfeportal.test"


@pytest.fixture
def proxy(server):
    with RecordingProxy({HOST: ("127.0.0.1", _port(server))}) as running:
        use_qgis_proxy(running.port)
        yield running
    use_qgis_proxy(None)


def _port(server) -> int:
    return int(server.url.rsplit(":", 1)[1])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_every_request_of_the_algorithm_goes_through_qgis_proxy(proxy, server, offers, tmp_path):
    source = f"http://{HOST}:{_port(server)}/services?key=geheim-7"
    out, checks = tmp_path / "angebote.gpkg", tmp_path / "pruefung.gpkg"
    _, feedback = run_algorithm(
        ALG, {"SOURCE": source, "OUTPUT": str(out), "OUTPUT_CHECKS": str(checks)}
    )
    assert sorted(read_vector(out)["offer_id"]) == sorted(offers["offer_id"])
    # every request the server saw came through the proxy, and no other
    assert len(proxy.requests) == len(server.requests) > 1
    assert all(
        p.startswith(f"http://{HOST}:{_port(server)}/services?key=geheim-7") for p in proxy.requests
    )
    assert "geheim-7" not in feedback.text


def test_the_standard_library_does_not_know_the_proxy_only_name(proxy, server):
    client = HsdsClient(f"http://{HOST}:{_port(server)}", retries=0, transport=UrllibTransport())
    with pytest.raises(SourceError):
        client.services()
    assert proxy.requests == []


def test_the_qgis_transport_keeps_the_deadline(proxy, server):
    server.faults.slow = 3.0
    client = HsdsClient(
        f"http://{HOST}:{_port(server)}", retries=0, deadline=0.5, transport=QgisTransport()
    )
    with pytest.raises(SourceError, match=r"within 0\.5 s, the deadline"):
        client.services()


def test_a_refusing_proxy_is_named_in_the_message(server, tmp_path):
    use_qgis_proxy(_free_port())  # nothing listens there: the proxy refuses the connection
    try:
        message = run_algorithm_error(
            ALG,
            {
                "SOURCE": f"http://{HOST}:{_port(server)}",
                "OUTPUT": str(tmp_path / "a.gpkg"),
                "OUTPUT_CHECKS": str(tmp_path / "b.gpkg"),
            },
        )
    finally:
        use_qgis_proxy(None)
    assert "proxy" in message.lower() and "127.0.0.1" in message
    assert server.requests == []
