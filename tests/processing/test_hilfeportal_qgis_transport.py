"""``QgisTransport`` (HTTP through QGIS's network stack) against misbehaving servers.

The same faults as tests/geolib/test_hilfeportal_faults.py with the standard
library's transport: every one ends in a clear message, never an unexpected error,
and the load keeps its deadline and stops when cancelled.
"""

from __future__ import annotations

import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from geolib._progress import Progress
from geolib.errors import CancelledError, ResourceError, SourceError
from geolib.hilfeportal import HsdsClient, load_offers
from geolib.hilfeportal_server import HilfeportalServer
from processing_algorithms.qgis_transport import QgisTransport
from tests._fault_server import FaultServer
from tests.conftest import ROOT
from tests.plugin._helpers import run_qgis

FAST = {"timeout": 2.0, "retries": 0, "backoff": 0.01, "transport": QgisTransport()}


@pytest.fixture
def fault(services):
    with FaultServer(services, dribble_for=20.0) as srv:
        yield srv


def test_a_good_server_loads_every_offer(fault, services):
    result = load_offers(fault.url, stale_days=None, **FAST)
    assert sorted(result.all_offers["offer_id"]) == sorted(s["id"] for s in services)


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("nested", "nested too deeply"),
        ("huge_total", "gives 'inf' as total_items"),
        ("lying_pages", "page 2 holds further offers"),
        ("bad_status", "could not be reached"),
        ("not_http", "could not be reached"),
        ("broken_chunked", "Page 1 of the Hilfeportal is not valid JSON"),
    ],
)
def test_a_malformed_answer_is_a_clear_message(fault, mode, expected):
    fault.mode = mode
    with pytest.raises(SourceError) as info:
        load_offers(fault.url, per_page=10, **FAST)
    assert expected in str(info.value)


def test_http_errors_keep_their_status(services):
    with (
        HilfeportalServer(services, token="richtig") as srv,
        pytest.raises(SourceError, match=r"refused access \(HTTP 401\)"),
    ):
        load_offers(srv.url, **FAST)
    with (
        HilfeportalServer(services) as srv,
        pytest.raises(SourceError, match=r"answered HTTP 404"),
    ):
        load_offers(srv.url + "/services/gibt-es-nicht", **FAST)


def test_a_trickling_server_ends_at_the_deadline(fault):
    fault.mode = "dribble"  # one byte every 0.2 s: no single wait reaches the timeout
    with pytest.raises(SourceError, match=r"within 1\.5 s, the deadline"):
        load_offers(fault.url, deadline=1.5, **FAST)


def test_cancelling_stops_a_trickling_request(fault):
    fault.mode = "dribble"
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    with pytest.raises(CancelledError):
        HsdsClient(fault.url, retries=0, transport=QgisTransport()).services(
            Progress(is_cancelled=cancel.is_set)
        )


def test_an_answer_larger_than_the_limit_is_refused(services):
    with HilfeportalServer(services) as srv:
        client = HsdsClient(srv.url, retries=0, max_bytes=10_000, transport=QgisTransport())
        with pytest.raises(ResourceError, match="larger than 0 MB"):
            client.services()


class _Redirect(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        self.send_response(302)
        self.send_header("Location", "file:///etc/hostname")
        self.send_header("Content-Length", "0")
        self.end_headers()


def test_a_redirect_to_a_local_file_is_refused():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with pytest.raises(SourceError, match="redirected to 'file:///etc/hostname'"):
            load_offers(f"http://127.0.0.1:{server.server_address[1]}", **FAST)
    finally:
        server.shutdown()
        server.server_close()


def test_a_failing_refresh_is_not_answered_from_qgis_network_cache(services):
    """QGIS 3.40 answered a failed request from its cache (the last good page, HTTP 200)."""
    from geolib.hilfeportal_server import Faults

    with HilfeportalServer(services) as srv:
        first = load_offers(srv.url, stale_days=None, **FAST)
        assert len(first.all_offers) == len(services)
        srv.faults = Faults(fail_500=-1)
        with pytest.raises(SourceError, match=r"answered HTTP 500"):
            load_offers(srv.url, **FAST)


def test_requests_in_short_lived_threads_read_the_main_threads_manager(services):
    """Each request runs in a thread of its own; QGIS makes a network manager per thread,
    and a Python wrapper of one can go stale once its thread has ended. The cache and
    the proxy are read through the main thread's manager, and many loads in a row,
    each in new threads, all succeed."""
    from qgis.core import QgsNetworkAccessManager

    from processing_algorithms import qgis_transport

    qgis_transport.remember_main_manager()  # this test runs in QGIS's main thread
    seen = []
    worker = threading.Thread(target=lambda: seen.append(qgis_transport._manager()))
    worker.start()
    worker.join()
    assert seen == [QgsNetworkAccessManager.instance()]
    with HilfeportalServer(services) as srv:
        for _ in range(30):
            body = HsdsClient(srv.url, retries=0, transport=QgisTransport()).get(srv.url)
            assert body


def test_a_failed_request_leaves_no_thread_object_for_the_collector():
    """The thread object of a request that raised is freed at once, in the thread that
    made it: left in a reference cycle (its run() frame in the traceback), it was freed by
    Python's collector in QGIS's main thread, which crashed deleting it (QGIS 3.22)."""
    import gc

    from processing_algorithms.qgis_transport import _in_qt_thread, _QtThread

    def fails():
        raise ValueError("the server said no")

    caught = []

    def helper():  # as the client calls get: in a short-lived Python thread
        try:
            _in_qt_thread(fails)
        except ValueError as exc:
            caught.append(exc)

    def thread_objects():  # of this test and of requests other tests left running
        return {id(obj) for obj in gc.get_objects() if isinstance(obj, _QtThread)}

    gc.disable()
    try:
        before = thread_objects()
        thread = threading.Thread(target=helper)
        thread.start()
        thread.join()
        left = thread_objects() - before
    finally:
        gc.enable()
    assert [str(exc) for exc in caught] == ["the server said no"]
    assert left == set()


def test_a_failed_requests_qt_objects_go_in_the_thread_they_belong_to():
    """The Qt objects a request that raised held in its frames (QGIS's blocking request,
    its feedback) are deleted in the request's own thread, before it ends, not later in
    the thread that waits for it."""
    from qgis.core import QgsFeedback
    from qgis.PyQt.QtCore import Qt

    from processing_algorithms.qgis_transport import _in_qt_thread

    made_in, deleted_in = [], []

    def fails():
        feedback = QgsFeedback()
        feedback.destroyed.connect(
            lambda: deleted_in.append(threading.get_ident()), Qt.ConnectionType.DirectConnection
        )
        made_in.append(threading.get_ident())
        raise ValueError("the server said no")

    with pytest.raises(ValueError, match="said no"):
        _in_qt_thread(fails)
    assert len(made_in) == 1
    assert deleted_in == made_in


def test_requests_run_in_qt_threads_where_timers_work(services):
    """Each request runs in a QThread: in the client's plain Python thread Qt could not
    start timers (QGIS's network timeout) and said so on every request."""
    from qgis.PyQt.QtCore import qInstallMessageHandler

    said = []
    previous = qInstallMessageHandler(lambda _kind, _context, text: said.append(text))
    try:
        with HilfeportalServer(services) as srv:
            for _ in range(3):
                assert HsdsClient(srv.url, retries=0, transport=QgisTransport()).get(srv.url)
    finally:
        qInstallMessageHandler(previous)
    assert not [text for text in said if "startTimer" in text]


def test_a_request_in_flight_is_stopped_before_python_ends(tmp_path):
    """A program (QGIS desktop, a script) that ends while a load still receives: the
    request is stopped by an exit handler, before Python's finalization ends daemon
    threads with a forced unwind, which QGIS's event dispatch in the request's thread
    caught: "FATAL: exception not rethrown", the process aborted (about one run in four)."""
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    script = Path(__file__).with_name("_exit_with_request.py")
    done = run_qgis([sys.executable, str(script), str(ROOT)], env, timeout=120)
    said = done.stdout + done.stderr[-3000:]
    assert "in flight" in done.stdout, said
    assert "ended before the finalization" in done.stdout, said
    assert done.returncode == 0 and "FATAL" not in done.stderr, said
