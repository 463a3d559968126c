"""One redaction of secrets before anything is shown, logged, stored or written.

Everything that may hold a secret passes through :func:`redact` before it reaches a
message, a log, the settings, a cache or the provenance of an output:

- URLs (anywhere in the text): the user info (``user:password@``) becomes ``***@``;
  the value of every query (and fragment) parameter that is not known to be harmless
  (:data:`HARMLESS_PARAMETERS`: ``page``, ``per_page``, ``q``, ``lang``, ``format``,
  ...) becomes ``***``: an unknown parameter may be a key (``api-key``, ``sig``,
  ``X-Amz-Signature``, ...), so it is hidden unless known.
- Data source strings of QGIS and GDAL (PostGIS conninfo, ``PG:``, ODBC, WMS/WFS):
  the value of ``password=``, ``pwd=``, ``token=``, ``api_key=``, ``secret=`` and the
  like becomes ``***``; ``user=``, ``key=`` (PostGIS: the primary key column) and
  ``authcfg=`` (the id of a QGIS authentication configuration, not its secret) are kept.

Known secrets (a token, a header value) can be removed wherever they occur with
``secrets=``. Auth-config secrets themselves never reach a text: only their ids do.

Examples
--------
>>> redact("https://u:pw@api.example/v1?page=2&api-key=abc")
'https://***@api.example/v1?page=2&api-key=***'
>>> redact("dbname='soz' host=db user='anna' password='geheim' sslmode=require")
"dbname='soz' host=db user='anna' password='***' sslmode=require"
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterable

__all__ = ["HARMLESS_PARAMETERS", "MASK", "is_secret_name", "redact", "redact_url"]

MASK = "***"

#: query parameters whose values are shown (compared case-insensitively, ``-`` = ``_``)
HARMLESS_PARAMETERS = frozenset(
    {
        "page",
        "per_page",
        "page_size",
        "page_number",
        "pagesize",
        "limit",
        "offset",
        "start",
        "q",
        "query",
        "search",
        "lang",
        "language",
        "locale",
        "format",
        "f",
        "sort",
        "order",
        "fields",
        "type",
        "layer",
        "layers",
        "layername",
        "typename",
        "typenames",
        "service",
        "version",
        "request",
        "srsname",
        "srs",
        "crs",
        "bbox",
        "styles",
        "width",
        "height",
        "outputformat",
        "tilematrixset",
        "tilematrix",
        "tilerow",
        "tilecol",
        "zmin",
        "zmax",
    }
)

#: names of ``key=value`` settings in source strings whose value is a secret
_SECRET_KEYS = (
    r"password|passwd|pwd|pass|secret|client_secret|token|access_token|refresh_token|"
    r"api[-_]?key|apikey|sig|signature|auth|credentials?|private_key"
)
_SECRET_SETTING = re.compile(
    r"(?P<key>(?<![\w.-])(?:" + _SECRET_KEYS + r"))(?P<eq>\s*=\s*)"
    r"(?P<value>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^\s;&'\"|]+)",
    re.IGNORECASE,
)
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s'\"<>]+")
_ENCODED_URL = re.compile(r"(?<=url=)(?:https?|ftp)%3A[^\s&'\"]+", re.IGNORECASE)


def is_secret_name(name: str) -> bool:
    """Whether a parameter or setting called ``name`` holds a secret by its name.

    (:func:`redact` hides more: every value that is not known to be harmless.)

    >>> is_secret_name("api-key"), is_secret_name("region")
    (True, False)
    """
    text = urllib.parse.unquote_plus(name).strip()
    return re.fullmatch(_SECRET_KEYS + "|key", text, re.IGNORECASE) is not None


def _harmless(name: str) -> bool:
    return urllib.parse.unquote_plus(name).strip().lower().replace("-", "_") in (
        HARMLESS_PARAMETERS
    )


def _redact_pairs(text: str) -> str:
    """``a=1&key=x`` with every value that is not known to be harmless hidden."""
    parts = []
    for pair in text.split("&"):
        name, eq, value = pair.partition("=")
        if eq and value and not _harmless(name):
            value = MASK
        elif not eq and pair and not _harmless(pair):  # a bare token (?abc123)
            name = MASK if len(pair) > 12 else pair
        parts.append(name + eq + value)
    return "&".join(parts)


def redact_url(url: str) -> str:
    """``url`` without user info and with unknown query values as ``***``.

    Works on the text itself (no parsing of the port), so that a malformed URL is
    redacted as well as a valid one.

    Examples
    --------
    >>> redact_url("http://host:8080/api?per_page=5&token=t0k#access_token=x")
    'http://host:8080/api?per_page=5&token=***#access_token=***'
    """
    text = str(url)
    scheme, sep, rest = text.partition("://")
    if not sep:
        return text
    end = len(rest)
    for stop in "/?#":
        idx = rest.find(stop)
        if idx != -1:
            end = min(end, idx)
    netloc, tail = rest[:end], rest[end:]
    if "@" in netloc:
        netloc = MASK + "@" + netloc.rpartition("@")[2]
    tail, hash_, fragment = tail.partition("#")
    path, qmark, query = tail.partition("?")
    if query:
        query = _redact_pairs(query)
    if fragment and "=" in fragment:
        fragment = _redact_pairs(fragment)
    return f"{scheme}{sep}{netloc}{path}{qmark}{query}{hash_}{fragment}"


def _redact_encoded_url(match: re.Match) -> str:
    return urllib.parse.quote(redact_url(urllib.parse.unquote(match.group(0))), safe=":/")


def redact(text: object, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with every secret in it replaced by ``***`` (see the module docstring).

    ``secrets`` are values known to be secret (a token); they are removed wherever
    they occur, also without a key in front.
    """
    if text is None:
        return ""
    out = str(text)
    for secret in secrets:
        if secret and len(secret) >= 4:
            for part in (secret, secret.split(" ", 1)[-1]):
                if len(part) >= 4:
                    out = out.replace(part, MASK)
    out = _ENCODED_URL.sub(_redact_encoded_url, out)
    out = _URL.sub(lambda m: redact_url(m.group(0)), out)
    return _SECRET_SETTING.sub(_mask_setting, out)


def _mask_setting(match: re.Match) -> str:
    value = match.group("value")
    if value == MASK or value.strip("'\"") == MASK:
        return match.group(0)
    quote = value[0] if value[:1] in ("'", '"') else ""
    return f"{match.group('key')}{match.group('eq')}{quote}{MASK}{quote}"
