"""Reading OpenStreetMap files into line layers for routing.

:func:`read_osm_lines` reads the ``highway`` ways of an OSM file with pyosmium and
cuts them into one line per *segment* between topology nodes, so that the lines
connect exactly where OpenStreetMap connects them: at shared node ids. A bridge or a
tunnel that crosses a road without a shared node does not connect to it.
"""

from __future__ import annotations

import gc
import io
import os
import re
from array import array
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ._progress import Progress
from .errors import GeolibError, SourceError
from .messages import Message

__all__ = [
    "OSM_TAGS",
    "read_osm_lines",
]

#: the tags kept as columns (``oneway:bicycle`` becomes the column ``oneway_bicycle``)
OSM_TAGS = (
    "name",
    "highway",
    "oneway",
    "maxspeed",
    "junction",
    "access",
    "vehicle",
    "motor_vehicle",
    "motorcar",
    "foot",
    "bicycle",
    "oneway:bicycle",
    "bridge",
    "tunnel",
    "layer",
)
_COLUMNS = tuple(tag.replace(":", "_") for tag in OSM_TAGS)
_SUFFIXES = (".osm", ".osm.gz", ".osm.bz2", ".pbf", ".osm.pbf")
#: how often (in highway ways) reading reports progress and checks for cancellation
_REPORT_EVERY = 2000
#: osmium's fixed-point coordinates: 1e-7 degrees; this value marks a missing location
_UNDEFINED = 2147483647
#: read with pyosmium 4's C++ filters where there are (False: the handler of pyosmium 3)
_FAST = True
_OPL_ESCAPE = re.compile(r"%([0-9a-fA-F]+)%")
_OPL_NODES = bytes.maketrans(b"xy", b"  ")


def _osmium():
    try:
        import osmium
    except ImportError:
        raise SourceError(
            "Reading OSM files needs the Python package pyosmium, which is not installed. "
            "On Debian and Ubuntu install it with: sudo apt install python3-pyosmium; "
            "elsewhere (also on Windows, in the OSGeo4W Shell) with: python -m pip install "
            "osmium. Or convert the file to a GeoPackage with QGIS and use it as a line "
            "layer."
        ) from None
    return osmium


def _handler_class(osmium):
    class _Highways(osmium.SimpleHandler):  # type: ignore[name-defined]
        """Collects the highway ways: their tags and, flat, their node ids and locations."""

        def __init__(self, progress: Progress, expected: float) -> None:
            super().__init__()
            self.ids = array("q")
            self.sizes = array("q")
            self.refs = array("q")
            self.xs = array("i")
            self.ys = array("i")
            self.tags: list[tuple] = []
            self.progress = progress
            self.expected = max(expected, 1.0)

        def way(self, w) -> None:
            tags = w.tags
            if "highway" not in tags:
                return
            get = tags.get
            self.tags.append(tuple([get(key) for key in OSM_TAGS]))
            self.ids.append(w.id)
            refs, xs, ys = self.refs, self.xs, self.ys
            before = len(refs)
            for node in w.nodes:
                loc = node.location
                refs.append(node.ref)
                xs.append(loc.x)
                ys.append(loc.y)
            self.sizes.append(len(refs) - before)
            if len(self.ids) % _REPORT_EVERY == 0:
                self.progress.report(min(0.95, len(self.ids) / self.expected))

    return _Highways


def _has_filters(osmium) -> bool:
    """pyosmium 4 filters in C++ (Debian 12's 3.6 has no ``osmium.filter``)."""
    return hasattr(osmium, "filter") and hasattr(osmium.filter, "KeyFilter")


class _Ticks:
    """Counts the highway ways passing by, reports progress and checks for cancel."""

    def __init__(self, progress: Progress, expected: float) -> None:
        self.n = 0
        self.progress = progress
        self.expected = max(expected, 1.0)

    def way(self, w) -> None:
        self.n += 1
        if self.n % _REPORT_EVERY == 0:
            self.progress.report(min(0.95, self.n / self.expected))


class _Ways:
    """The highway ways: ids, tags, and flat node ids and locations (as the handler)."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.tags: list[tuple] = []
        self.sizes = np.zeros(0, dtype=np.int64)
        self.refs = np.zeros(0, dtype=np.int64)
        self.xs = np.zeros(0, dtype=np.int64)
        self.ys = np.zeros(0, dtype=np.int64)


def _unescape_opl(text: str) -> str:
    """OPL writes ``%<hex code point>%`` for spaces, commas, ``=`` and the like."""
    if "%" not in text:
        return text
    text = text.replace("%20%", " ")
    return _OPL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "%" in text else text


def _read_filtered(osmium, path: Path, progress: Progress, expected: float) -> _Ways:
    """pyosmium 4: the highway ways are picked and their node locations added in C++,
    written as OPL text (ids, tags, ``n<id>x<lon>y<lat>`` per node) and parsed in bulk;
    Python sees each way only to count it (the per-node loop of pyosmium 3 is the slow
    part of reading)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="sozialplanung_osm_") as tmp:
        opl = Path(tmp) / "highways.opl"
        locations = osmium.NodeLocationsForWays(osmium.index.create_map("flex_mem"))
        locations.ignore_errors()  # missing nodes: counted later, as by the handler
        writer = osmium.SimpleWriter(
            osmium.io.File(str(opl), "opl,locations_on_ways=true,add_metadata=false")
        )
        try:
            osmium.apply(
                str(path),
                locations,
                osmium.filter.EntityFilter(osmium.osm.WAY),
                osmium.filter.KeyFilter("highway"),
                _Ticks(progress, expected),
                writer,
            )
        finally:
            writer.close()
        text = opl.read_bytes()
    ways = _Ways()
    sections: list[bytes] = []
    add_id, add_tags, add_nodes = ways.ids.append, ways.tags.append, sections.append
    for line in text.splitlines():
        raw, _, nodes = line.rpartition(b" N")
        head = raw.decode("utf-8")
        ident, _, tag_text = head.partition(" T")
        add_id(int(ident[1:]))
        found = dict(pair.split("=", 1) for pair in tag_text.split(",") if "=" in pair)
        values = tuple(map(found.get, OSM_TAGS))
        if "%" in tag_text:  # escaped: spaces in names, rarely a key
            if "%" in tag_text.replace("%20%", ""):
                found = {_unescape_opl(k): v for k, v in found.items()}
                values = tuple(map(found.get, OSM_TAGS))
            values = tuple(_unescape_opl(v) if v else v for v in values)
        add_tags(values)
        add_nodes(nodes)
    if not sections:
        return ways
    ways.sizes = np.fromiter((s.count(b",") + 1 if s else 0 for s in sections), dtype=np.int64)
    flat = b"\n".join(sections).translate(_OPL_NODES, b"n").replace(b",", b"\n")
    table = pd.read_csv(
        io.BytesIO(flat),
        sep=" ",
        header=None,
        names=["ref", "x", "y"],
        dtype={"ref": np.int64, "x": np.float64, "y": np.float64},
        engine="c",
    )
    ways.refs = table["ref"].to_numpy()
    for axis in ("x", "y"):
        fixed = np.rint(table[axis].to_numpy() * 1e7)
        setattr(ways, axis + "s", np.where(np.isnan(fixed), _UNDEFINED, fixed).astype(np.int64))
    return ways


def _expected_ways(path: Path) -> float:
    """A rough number of highway ways from the file size, only for the progress bar."""
    size = path.stat().st_size
    name = path.name.lower()
    if name.endswith(".pbf"):
        return size / 350.0
    if name.endswith((".gz", ".bz2")):
        return size / 900.0
    return size / 6000.0


def read_osm_lines(
    path: str | os.PathLike, *, progress: Progress | None = None
) -> gpd.GeoDataFrame:
    """Read the ``highway`` ways of an OSM file as lines between topology nodes.

    Parameters
    ----------
    path
        The OSM file: ``.osm`` (XML), ``.osm.gz``, ``.osm.bz2`` or ``.pbf``
        (``.osm.pbf``). Read with pyosmium (Debian/Ubuntu ``python3-pyosmium``,
        elsewhere ``pip install osmium``); node locations are kept in memory. With
        pyosmium 4 the highway ways pass through a temporary OPL text file (about
        30 bytes per node of a way) in the system's temporary folder.
    progress
        Progress and cancellation while reading (checked every few thousand ways).

    Returns
    -------
    GeoDataFrame
        In EPSG:4326, one row per *segment* of a way between two topology nodes.
        A node is a topology node when it is used by two or more highway ways,
        more than once by one way, or is the first or last node of a way; a way is
        cut at each of its inner topology nodes. So lines connect only where OSM
        ways share a node: a bridge or tunnel crossing a road without a shared node
        stays apart from it. A closed way (first node = last node) without other
        topology nodes is one ring-shaped segment from that node to itself.

        Columns: ``osm_id`` (the way id, int64), the tags ``name``, ``highway``,
        ``oneway``, ``maxspeed``, ``junction``, ``access``, ``vehicle``,
        ``motor_vehicle``, ``motorcar``, ``foot``, ``bicycle``,
        ``oneway_bicycle`` (tag ``oneway:bicycle``), ``bridge``, ``tunnel``,
        ``layer`` (strings, ``None`` when the way has no such tag), and
        ``node_from``, ``node_to`` (OSM node ids of the segment's first and last
        node, int64). Ways without a ``highway`` tag are left out.

        ``lines.attrs["notes"]`` is a list of :class:`~geolib.messages.Message`:
        ways skipped because nodes are missing from the file (an extract cut at its
        border) or because they have fewer than two distinct nodes are counted
        there, never dropped silently.

    Examples
    --------
    >>> lines = read_osm_lines("data/osm/andorra.osm.pbf")  # doctest: +SKIP
    >>> lines["highway"].value_counts().head(2)  # doctest: +SKIP
    """
    progress = progress or Progress()
    path = Path(path)
    if not path.exists():
        raise SourceError("The OSM file '{path}' does not exist.", path=str(path))
    if not path.name.lower().endswith(_SUFFIXES):
        raise SourceError(
            "The file '{path}' is not an OSM file this tool can read: give a file ending "
            "in .osm, .osm.gz, .osm.bz2 or .pbf.",
            path=str(path),
        )
    osmium = _osmium()
    progress.report(0.0)
    expected = _expected_ways(path)
    collecting = gc.isenabled()
    gc.disable()  # millions of new objects, none cyclic: the collector only slows down
    try:
        ways = _read(osmium, path, progress.sub(0.0, 0.8), expected)
        progress.report(0.8)
        lines = _segments(ways)
    finally:
        if collecting:
            gc.enable()
    progress.report(1.0)
    return lines


def _read(osmium, path: Path, progress: Progress, expected: float):
    try:
        if _FAST and _has_filters(osmium):
            return _read_filtered(osmium, path, progress, expected)
        ways = _handler_class(osmium)(progress, expected)
        ways.apply_file(str(path), locations=True)
        return ways
    except Exception as exc:
        if isinstance(exc, GeolibError):  # cancelled
            raise
        raise SourceError(
            "The OSM file '{path}' could not be read: {error}", path=str(path), error=str(exc)
        ) from None


def _segments(handler) -> gpd.GeoDataFrame:
    """Cut the collected ways at their inner topology nodes (vectorised)."""
    notes: list[Message] = []
    way_id = np.asarray(handler.ids, dtype=np.int64)
    sizes = np.asarray(handler.sizes, dtype=np.int64)
    refs = np.asarray(handler.refs, dtype=np.int64)
    xs = np.asarray(handler.xs, dtype=np.int64)
    ys = np.asarray(handler.ys, dtype=np.int64)
    tags = pd.DataFrame.from_records(handler.tags, columns=list(_COLUMNS))
    n_ways = len(way_id)
    way_of = np.repeat(np.arange(n_ways), sizes)
    # ways with a node the file does not have (no location): skipped, counted
    missing = (xs == _UNDEFINED) | (ys == _UNDEFINED)
    bad_way = np.zeros(n_ways, dtype=bool)
    bad_way[way_of[missing]] = True
    if bad_way.any():
        notes.append(
            Message(
                "{n} highway ways of the OSM file were skipped because some of their nodes "
                "are not in the file (usually ways cut at the border of an extract), for "
                "example the ways {ways}.",
                n=int(bad_way.sum()),
                ways=", ".join(str(int(i)) for i in way_id[bad_way][:5]),
            )
        )
    # a node repeated right after itself adds nothing: keep the first
    repeat = np.r_[False, (refs[1:] == refs[:-1]) & (way_of[1:] == way_of[:-1])]
    keep = ~bad_way[way_of] & ~repeat
    distinct = np.bincount(way_of[keep], minlength=n_ways)
    short = ~bad_way & (distinct < 2)
    if short.any():
        notes.append(
            Message(
                "{n} highway ways of the OSM file have fewer than two distinct nodes and "
                "were skipped, for example the ways {ways}.",
                n=int(short.sum()),
                ways=", ".join(str(int(i)) for i in way_id[short][:5]),
            )
        )
    keep &= ~short[way_of]
    refs, xs, ys, way_of = refs[keep], xs[keep], ys[keep], way_of[keep]
    if len(refs) == 0:
        empty = gpd.GeoDataFrame(
            {"osm_id": np.zeros(0, np.int64), **{c: pd.Series([], dtype=object) for c in _COLUMNS}},
            geometry=gpd.GeoSeries([], crs=4326),
            crs=4326,
        )
        empty["node_from"] = np.zeros(0, np.int64)
        empty["node_to"] = np.zeros(0, np.int64)
        empty.attrs["notes"] = notes
        return empty
    first = np.r_[True, way_of[1:] != way_of[:-1]]
    last = np.r_[way_of[1:] != way_of[:-1], True]
    _, inverse, counts = np.unique(refs, return_inverse=True, return_counts=True)
    cut = (counts[inverse.reshape(-1)] > 1) & ~first & ~last
    # every inner topology node ends one segment and, repeated, starts the next
    take = np.repeat(np.arange(len(refs)), np.where(cut, 2, 1))
    second = np.r_[False, take[1:] == take[:-1]]
    starts = first[take] | second
    segment = np.cumsum(starts) - 1
    coords = np.column_stack([xs[take], ys[take]]) / 1e7
    geometry = shapely.linestrings(coords, indices=segment)
    start_at = np.flatnonzero(starts)
    end_at = np.r_[start_at[1:] - 1, len(take) - 1]
    seg_way = way_of[take[start_at]]
    lines = tags.take(seg_way).reset_index(drop=True)
    lines.insert(0, "osm_id", way_id[seg_way].astype(np.int64))
    lines["node_from"] = refs[take[start_at]]
    lines["node_to"] = refs[take[end_at]]
    result = gpd.GeoDataFrame(lines, geometry=geometry, crs=4326)
    result.attrs["notes"] = notes
    return result
