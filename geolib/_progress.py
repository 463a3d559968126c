"""Progress and cancellation hooks shared by long-running geolib functions."""

from __future__ import annotations

from collections.abc import Callable

from .errors import CancelledError

ProgressCallback = Callable[[float], None]
CancelCheck = Callable[[], bool]


class Progress:
    """Report progress in percent and stop when the caller asks.

    Parameters
    ----------
    callback
        Called with a percentage from 0 to 100, or ``None``.
    is_cancelled
        Returns ``True`` when the caller wants the work to stop, or ``None``.
    start, end
        The share of the caller's 0–100 range this step reports into, so that a
        function can hand a sub-range to a helper.
    """

    def __init__(
        self,
        callback: ProgressCallback | None = None,
        is_cancelled: CancelCheck | None = None,
        *,
        start: float = 0.0,
        end: float = 100.0,
    ) -> None:
        self._callback = callback
        self._is_cancelled = is_cancelled
        self._start = start
        self._end = end

    def report(self, fraction: float) -> None:
        """Report that ``fraction`` (0–1) of this step is done, and check cancellation."""
        self.check()
        if self._callback is not None:
            fraction = min(max(fraction, 0.0), 1.0)
            self._callback(self._start + (self._end - self._start) * fraction)

    def check(self) -> None:
        """Raise :class:`CancelledError` if the caller asked to stop."""
        if self._is_cancelled is not None and self._is_cancelled():
            raise CancelledError("Cancelled by the user.")

    def quiet(self) -> Progress:
        """This step's cancellation without its reports (for work in another thread)."""
        return Progress(None, self._is_cancelled)

    def sub(self, start: float, end: float) -> Progress:
        """A progress for the part ``start``–``end`` (fractions 0–1) of this step."""
        span = self._end - self._start
        return Progress(
            self._callback,
            self._is_cancelled,
            start=self._start + span * start,
            end=self._start + span * end,
        )
