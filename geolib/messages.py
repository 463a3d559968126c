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


def translate(message: Any, lookup) -> str:
    """Translate ``message`` with ``lookup(template) -> translated template``.

    Fields that are themselves catalogue phrases (``N_``) are translated too.
    Plain strings are looked up as a whole.
    """
    if isinstance(message, Message):
        params = {
            key: translate(value, lookup) if isinstance(value, str) else value
            for key, value in message.params.items()
        }
        template = lookup(message.template)
        try:
            return template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):  # a broken translation: fall back to English
            return str(message)
    if isinstance(message, str):
        return lookup(message)
    return str(message)


def human_bytes(nbytes: float) -> str:
    """A size for a message: ``"512 bytes"``, ``"3.2 GB"``."""
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if nbytes < 1024 or unit == "TB":
            return f"{nbytes:,.0f} {unit}" if unit == "bytes" else f"{nbytes:,.1f} {unit}"
        nbytes /= 1024.0
    return f"{nbytes:,.1f} TB"  # pragma: no cover
