"""Run as a program: leave a Hilfeportal request in flight and let Python end.

A loopback server answers with a body that trickles a byte every 2 ms, so the
request's Qt thread keeps calling Python (its progress) until the end. The program's
last exit handler (registered first) says whether the request was still running when
Python's own end began: ``ended before the finalization`` once the server saw the
client close the connection, else ``still running at the finalization``.
Argument: the project's root.
"""

import atexit
import socket
import sys
import threading
import time

sys.path.insert(0, sys.argv[1])
from qgis.core import QgsApplication

from tests._qgis import start_qgis

closed = threading.Event()


def report():
    ended = closed.wait(2.0)
    print("ended before the finalization" if ended else "still running at the finalization")
    QgsApplication.exitQgis()  # (PyQt's own teardown of QGIS's objects crashed now and then)


atexit.register(report)  # the first registered, the last to run
start_qgis()
from processing_algorithms.qgis_transport import QgisTransport  # noqa: E402

server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen()


def serve():
    conn, _ = server.accept()
    conn.recv(65536)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n")
    try:
        while True:
            conn.sendall(b" ")
            time.sleep(0.002)
    except OSError:  # the client closed the connection
        closed.set()


def request():
    url = f"http://127.0.0.1:{server.getsockname()[1]}/"
    try:
        QgisTransport().get(url, {}, timeout=60, max_bytes=10**9, stop=lambda: False)
    except Exception as exc:  # stopped at the exit
        print(f"request: {exc}", flush=True)


threading.Thread(target=serve, daemon=True).start()
thread = threading.Thread(target=request, daemon=True)
thread.start()
time.sleep(0.5)
print("in flight" if thread.is_alive() and not closed.is_set() else "ended early", flush=True)
