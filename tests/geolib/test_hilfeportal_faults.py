"""The Hilfeportal client against a server that misbehaves at the byte level (#13).

Every malformed answer ends with a clear message and the cached offers kept; a load
has an overall deadline and can be cancelled while a server trickles; a refresh with
far fewer offers than the cache is a warning, not a silent replacement; a lying page
count and endless paging are refused. The server is a real one on loopback
(tests/_fault_server.py).
"""

from __future__ import annotations

import threading

import pytest

from geolib._progress import Progress
from geolib.errors import CancelledError, ParameterError, ResourceError, SourceError
from geolib.hilfeportal import OfferCache, load_offers, read_offers
from geolib.hilfeportal_server import Faults, HilfeportalServer
from tests._fault_server import FaultServer

READ = {"backoff": 0.01, "retries": 1, "timeout": 5}
FAST = {**READ, "stale_days": None}


@pytest.fixture
def fault(services):
    with FaultServer(services) as srv:
        yield srv


@pytest.fixture
def cached(fault, tmp_path, services):
    """The fault server after one good load: its offers are in the cache."""
    first = load_offers(fault.url, cache_dir=tmp_path, **FAST)
    assert not first.from_cache and len(first.all_offers) > 0
    return first


MALFORMED = {
    "bad_status": "is not HTTP",
    "not_http": "is not HTTP",
    "broken_chunked": "broke off or its body is malformed",
    "nested": "nested too deeply",
    "huge_total": "gives 'inf' as total_items, which is not a count",
    "bad_port_redirect": "the address is malformed",
}


@pytest.mark.parametrize("mode", sorted(MALFORMED))
def test_a_malformed_answer_is_a_clear_message_and_the_cache_stays(
    mode, fault, cached, tmp_path, services
):
    fault.mode = mode
    result = load_offers(fault.url, cache_dir=tmp_path, **FAST)
    assert result.from_cache
    assert MALFORMED[mode] in result.refresh_error
    assert len(result.all_offers) == len(cached.all_offers)
    assert result.refresh_note.format().startswith("The refresh failed:")


@pytest.mark.parametrize("mode", sorted(MALFORMED))
def test_a_malformed_answer_without_cache_is_a_source_error(mode, fault, tmp_path):
    fault.mode = mode
    with pytest.raises(SourceError, match="Hilfeportal") as info:
        load_offers(fault.url, cache_dir=tmp_path, **FAST)
    assert MALFORMED[mode] in str(info.value)


def test_a_non_numeric_port_is_named(tmp_path):
    with pytest.raises(ParameterError, match=r"port in 'http://127\.0\.0\.1:80x/api.*' is not a"):
        load_offers("http://127.0.0.1:80x/api?api-key=geheim", cache_dir=tmp_path, **FAST)
    with pytest.raises(ParameterError) as info:
        load_offers("http://127.0.0.1:80x/api?api-key=geheim", cache_dir=tmp_path, **FAST)
    assert "geheim" not in str(info.value)


def test_a_trickling_server_ends_at_the_deadline_with_the_cache(fault, cached, tmp_path):
    # one byte every 0.2 s never trips the 5 s timeout of a single read
    fault.mode = "dribble"
    result = load_offers(fault.url, cache_dir=tmp_path, deadline=1.0, **FAST)
    assert result.from_cache
    assert "within 1 s, the deadline of a load" in result.refresh_error
    assert fault.dribbles_finished == 0  # the load did not wait for the server
    assert len(result.all_offers) == len(cached.all_offers)


def test_cancel_stops_a_trickling_load(fault, tmp_path):
    fault.mode = "dribble"
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    with pytest.raises(CancelledError):
        load_offers(fault.url, cache_dir=tmp_path, progress=Progress(is_cancelled=stop.is_set))
    assert fault.dribbles_finished == 0  # cancelled while the server was still sending


@pytest.mark.parametrize(("mode", "n_new"), [("empty", 0), ("few", 3)])
def test_far_fewer_offers_are_a_warning_and_the_cache_stays(mode, n_new, fault, cached, tmp_path):
    n_cached = len(cached.all_offers)
    fault.mode = mode
    result = load_offers(fault.url, cache_dir=tmp_path, **FAST)
    assert result.from_cache and result.fewer_offers == n_new
    assert len(result.all_offers) == n_cached
    assert f"The refresh delivered {n_new} offers" in result.refresh_note.format()
    # the cache still holds the complete fetch
    assert len(OfferCache(tmp_path).load(fault.url).records) == n_cached
    accepted = load_offers(fault.url, cache_dir=tmp_path, accept_fewer=True, **FAST)
    assert not accepted.from_cache and accepted.fewer_offers is None
    assert len(accepted.all_offers) == n_new
    assert len(OfferCache(tmp_path).load(fault.url).records) == n_new


def test_a_lying_page_count_is_not_cached_as_complete(fault, cached, tmp_path, services):
    fault.mode = "lying_pages"
    with pytest.raises(SourceError, match="page 1 is the last, but page 2 holds further"):
        read_offers(fault.url, per_page=100, **READ)
    result = load_offers(fault.url, cache_dir=tmp_path, per_page=100, **FAST)
    assert result.from_cache and "page count is wrong" in result.refresh_error
    assert len(OfferCache(tmp_path).load(fault.url).records) == len(services)


def test_a_full_last_page_with_nothing_after_it_is_complete(fault, services):
    fault.mode = "good"
    fetched = read_offers(fault.url, per_page=len(services), **READ)
    assert len(fetched.records) == len(services)
    assert len(fault.requests) == 2  # the page and the probe of the page after it


def test_endless_paging_is_refused_with_the_numbers(services):
    with HilfeportalServer(services) as srv:
        srv.faults = Faults(endless=True, total=100)  # a total that hides the size
        with pytest.raises(ResourceError) as info:
            read_offers(srv.url, per_page=100, max_offers=250, **READ)
    text = str(info.value)
    assert "After 3 pages the Hilfeportal has delivered 300 offers" in text
    assert "at most 250 offers" in text


def test_an_announced_total_beyond_the_limit_is_refused(fault, services):
    with pytest.raises(ResourceError, match=f"announces {len(services)} offers; a load takes"):
        read_offers(fault.url, max_offers=10, **READ)
    assert len(fault.requests) == 1


def test_a_url_without_its_scheme_does_not_show_its_key(tmp_path):
    with pytest.raises(SourceError, match="does not exist") as info:
        load_offers("hilfeportal.example/api?api-key=geheim-77", cache_dir=tmp_path, **FAST)
    assert "geheim-77" not in str(info.value) and "api-key=***" in str(info.value)


def test_a_deeply_nested_export_is_a_clear_message(tmp_path):
    path = tmp_path / "export.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    with pytest.raises(SourceError, match=r"'export\.json' is nested too deeply"):
        read_offers(path)
