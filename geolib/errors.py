"""The one exception hierarchy of geolib.

Every error that geolib raises on bad input is a :class:`GeolibError`, a
``ValueError`` subclass, with a message fit for a user: it names the problem and
says how to fix it. Processing algorithms turn these into
``QgsProcessingException`` without a traceback.
"""

from __future__ import annotations

from typing import Any

from .messages import Message


class GeolibError(ValueError):
    """Base class of every user-facing geolib error.

    Raise it with an English template and named fields (never an f-string), so
    the message can be translated::

        raise FieldError("The field '{field}' is missing.", field="EWZ")

    ``str(error)`` is the English text; ``error.message`` the :class:`Message`.
    """

    def __init__(self, template: str = "", /, **params: Any) -> None:
        self.message = template if isinstance(template, Message) else Message(template, **params)
        super().__init__(str(self.message))


class CRSError(GeolibError):
    """A layer has no CRS, or one that cannot be used for metric work."""


class EmptyInputError(GeolibError):
    """A layer or table has no usable rows."""


class FieldError(GeolibError):
    """A field is missing or has the wrong type."""


class GeometryError(GeolibError):
    """Geometries are of the wrong type or cannot be repaired."""


class ParameterError(GeolibError):
    """An option has a value outside its allowed range."""


class DataError(GeolibError):
    """Values in a table contradict each other (duplicates, negative counts, ...)."""


class OutputError(GeolibError):
    """An output cannot be written (path not writable, disk full, ...)."""


class SourceError(GeolibError):
    """A remote or file source could not be read completely."""


class ResourceError(GeolibError):
    """A request would need more memory or disk than is sensible."""


class CancelledError(GeolibError):
    """The caller asked to stop; partial results are discarded."""
