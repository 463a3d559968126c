"""Driving the Hilfeportal dock in tests like a user (no modal dialog)."""

from __future__ import annotations

import html
import time

from qgis.PyQt.QtCore import QCoreApplication


def press_load(dock, timeout=60.0):
    """Press the button like a user, then let Qt run until the task has ended."""
    finished = []
    dock.loadFinished.connect(finished.append)
    dock.load_button.click()
    deadline = time.monotonic() + timeout
    while not finished and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    dock.loadFinished.disconnect(finished.append)
    assert finished, "the task did not end"
    if not finished[0]:  # shown by pytest when a test expected the load to succeed
        print("the load failed:", dock.status_label.text(), messages(dock))
        print("\n".join(getattr(dock, "log", [])))
    return finished[0]


def messages(dock):
    """The texts in the message bar, as the user reads them (the bar gets them escaped)."""
    return [html.unescape(item.text()) for item in dock.message_bar.items()]
