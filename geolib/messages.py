"""User-facing messages that can be translated later.

geolib never imports Qt, but its messages reach German-speaking users through the
Processing algorithms and the plugin. So every user-facing text is written as an
English *template* with named fields, never as an f-string::

    raise FieldError("The field '{field}' is missing.", field=name)
    raise CRSError("The {what} has no CRS.", what=N_("offers layer"))
    notes.append(Message("{n} offers lie outside every area.", n=count))

A :class:`Message` is a ``str`` (the English text with the fields filled in), so it
works wherever a string does; it also remembers its template and fields, so the
QGIS side can look the template up in the translation catalogue (context
``geolib``) and fill in the fields again. ``N_()`` marks a constant phrase (such as
the name of an input) for the catalogue; string fields are translated too when the
catalogue has them. ``scripts/i18n.py`` collects the templates from the source.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Message(str):
    """An English message that keeps its template and fields for translation."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Message:
        text = template.format(**params) if params else template
        obj = super().__new__(cls, text)
        obj.template = template
        obj.params = params
        return obj

    def __reduce__(self):  # keep template and fields when pickled
        return (_rebuild, (self.template, self.params))


def _rebuild(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)


def N_(text: str) -> str:
    """Mark a constant phrase for the translation catalogue; returns it unchanged."""
    return text


def translate(message: Any, lookup, number: Callable[[float], str] | None = None) -> str:
    """Translate ``message`` with ``lookup(template) -> translated template``.

    Fields that are themselves catalogue phrases (``N_``) are translated too.
    Plain strings are looked up as a whole. ``number`` formats the fields that are
    floats in the user's language (``83.5`` → ``"83,5"`` in German; see
    :func:`format_number`); whole numbers (counts, years, EPSG codes) stay as they are.
    """
    if isinstance(message, Message):
        params = {key: _field(value, lookup, number) for key, value in message.params.items()}
        template = lookup(message.template)
        try:
            return template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):  # a broken translation: fall back to English
            return str(message)
    if isinstance(message, str):
        return lookup(message)
    return str(message)


def _field(value: Any, lookup, number: Callable[[float], str] | None) -> Any:
    if isinstance(value, str):
        return translate(value, lookup, number)
    if number is not None and isinstance(value, float):
        return number(value)
    return value


class Number(float):
    """A number field of a :class:`Message` shown as :func:`format_number` does: ``1,500``
    and ``83.5`` in English; translated messages show it in the user's language."""

    def __format__(self, spec: str) -> str:
        return format_number(self) if not spec else float.__format__(self, spec)

    def __reduce__(self):
        return (Number, (float(self),))


def number_list(values, separator: str = ", ") -> Message:
    """Numbers for one field of a message (``"5, 10, 15"``): each a :class:`Number`
    field, so a translated message shows them in the user's language."""
    fields = {f"n{i}": Number(float(v)) for i, v in enumerate(values)}
    return Message(separator.join(f"{{{name}}}" for name in fields), **fields)


def format_number(value: float, decimal: str = ".", thousands: str = ",") -> str:
    """A float for a message: at most 3 decimals, no trailing zeros, the thousands
    grouped from 10,000 on (as DIN 5008 allows for four digits).

    Examples
    --------
    >>> format_number(83.5, ",", ".")
    '83,5'
    >>> format_number(1234567.25, ",", ".")
    '1.234.567,25'
    >>> format_number(2023.0), format_number(0.12345)
    ('2023', '0.123')
    """
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    text = f"{value:,.3f}" if abs(value) >= 10_000 else f"{value:.3f}"
    text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


_SIZE_UNITS = {
    "bytes": N_("{size} bytes"),
    "KB": N_("{size} KB"),
    "MB": N_("{size} MB"),
    "GB": N_("{size} GB"),
    "TB": N_("{size} TB"),
}


def human_bytes(nbytes: float) -> Message:
    """A size for a message: ``"512 bytes"``, ``"3.2 GB"`` (its number is a field, so
    it is shown in the user's language: ``"3,2 GB"``)."""
    size, unit = float(nbytes), "bytes"
    for unit in _SIZE_UNITS:
        if size < 1024 or unit == "TB":
            break
        size /= 1024.0
    return Message(_SIZE_UNITS[unit], size=int(size) if unit == "bytes" else round(size, 1))
