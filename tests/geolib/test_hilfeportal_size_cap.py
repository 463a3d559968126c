"""The cap on the bytes one Hilfeportal load may read (``max_total_bytes``, 512 MB by
default) is hit by a real server on loopback whose paging never ends, with a small
configured cap: the load is refused with the numbers, nothing is returned."""

from __future__ import annotations

import pytest

from geolib.errors import ResourceError
from geolib.hilfeportal.client import HsdsClient
from geolib.hilfeportal_server import Faults, HilfeportalServer

MB = 1024 * 1024


def test_endless_paging_stops_at_the_byte_cap(services):
    with HilfeportalServer(services) as srv:
        srv.faults = Faults(endless=True, total=100)  # a total that hides the size
        client = HsdsClient(
            srv.url, per_page=100, max_total_bytes=MB, retries=1, backoff=0.01, timeout=5
        )
        with pytest.raises(ResourceError) as info:
            client.services()
    # stopped by the bytes, long before the offer limit (200,000)
    assert MB < client.bytes_read < 2 * MB
    fields = info.value.message.params
    assert fields["max_mb"] == 1 and fields["mb"] >= 1.0
    assert fields["n"] < client.max_offers
    text = str(info.value)
    assert f"After {fields['pages']} pages" in text and "at most 200000 offers and 1 MB" in text


def test_the_same_load_passes_with_the_default_cap(services):
    with HilfeportalServer(services) as srv:
        client = HsdsClient(srv.url, per_page=100, retries=1, backoff=0.01, timeout=5)
        records, _ = client.services()
    assert len(records) == len(services) and client.bytes_read < client.max_total_bytes
