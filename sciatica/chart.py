"""A chart of the pain diary: pain score and leg extent over time.

Drawn server-side with matplotlib's Agg canvas into PNG bytes; nothing is
fetched from outside (matplotlib ships its own fonts). matplotlib is imported
inside ``render_chart``, so importing this module stays cheap. The axis
words come from ``data/clinician_summary.txt`` (``chart.*`` labels).
"""

from __future__ import annotations

import datetime as dt
import struct
from typing import Any, Sequence

from sciatica.diary import EXTENTS, DiaryEntry
from sciatica.report_text import ReportText, report_text

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Figure size in inches and resolution: 800 x 500 pixels.
WIDTH_INCHES, HEIGHT_INCHES, DPI = 8.0, 5.0, 100
# Up to this many days, ticks fall on whole days (at most _MAX_TICKS of them).
_DAILY_TICKS_UP_TO = 60
_MAX_TICKS = 8
_PAD_DAYS = 0.5
_DAY_FORMAT = "%d %b"
_PAIN_COLOUR = "#c0392b"
_EXTENT_COLOUR = "#2c6fbb"


def render_chart(
    entries: Sequence[DiaryEntry], text: ReportText | None = None
) -> bytes:
    """Draws pain (0-10, top) and leg extent (bottom) against the date.

    The extent axis runs from ``back`` (no leg pain) at the top to ``foot``
    at the bottom, so a line going up is the pain retreating towards the
    spine (centralizing). Days without a value are skipped.

    Args:
        entries: The diary, any order.
        text: The labels (the packaged file by default).

    Returns:
        The PNG image (``WIDTH_INCHES`` x ``HEIGHT_INCHES`` at ``DPI``).
    """
    # The Agg canvas is used directly (no pyplot): no global backend switch,
    # no figure registry, safe in a server.
    from io import BytesIO

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    words = text or report_text()
    ordered = sorted(entries, key=lambda e: e.date)
    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI)
    FigureCanvasAgg(figure)
    pain_axes, extent_axes = figure.subplots(
        2, 1, sharex=True, gridspec_kw={"height_ratios": (3, 2)}
    )

    pained = [e for e in ordered if e.pain is not None]
    if pained:
        pain_axes.plot(
            [e.date for e in pained],
            [e.pain for e in pained],
            marker="o",
            color=_PAIN_COLOUR,
        )
    pain_axes.set_ylim(-0.5, 10.5)
    pain_axes.set_yticks(range(0, 11, 2))
    pain_axes.set_ylabel(words.label("chart", "pain"))
    pain_axes.grid(True, alpha=0.3)

    extented = [e for e in ordered if e.extent is not None]
    if extented:
        extent_axes.plot(
            [e.date for e in extented],
            [e.extent_rank for e in extented],
            marker="s",
            drawstyle="steps-post",
            color=_EXTENT_COLOUR,
        )
    extent_axes.set_ylim(len(EXTENTS) - 0.5, -0.5)
    extent_axes.set_yticks(range(len(EXTENTS)))
    extent_axes.set_yticklabels([_extent_label(words, e) for e in EXTENTS])
    extent_axes.set_ylabel(words.label("chart", "extent"))
    extent_axes.grid(True, alpha=0.3)

    _date_axis(extent_axes, [e.date for e in ordered])
    figure.tight_layout()

    buffer = BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def png_size(data: bytes) -> tuple[int, int]:
    """The width and height of a PNG image, read from its header.

    Raises:
        ValueError: If ``data`` is not a PNG image.
    """
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _date_axis(axes: Any, days: Sequence[dt.date]) -> None:
    """Limits and ticks of the shared date axis."""
    from matplotlib import dates as mdates

    if not days:
        return
    first, last = days[0], days[-1]
    # Half a day either side, so the first and last markers show whole.
    axes.set_xlim(mdates.date2num(first) - _PAD_DAYS, mdates.date2num(last) + _PAD_DAYS)
    span = (last - first).days
    if span <= _DAILY_TICKS_UP_TO:
        axes.xaxis.set_major_locator(mdates.DayLocator(interval=span // _MAX_TICKS + 1))
        axes.xaxis.set_major_formatter(mdates.DateFormatter(_DAY_FORMAT))
    else:
        locator = mdates.AutoDateLocator(minticks=3, maxticks=_MAX_TICKS)
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _extent_label(words: ReportText, extent: str) -> str:
    key = f"chart.extent.{extent}"
    return words.labels.get(key) or words.label("extent", extent)
