"""The pain diary chart: a PNG drawn on the server."""

import datetime as dt
import subprocess
import sys

import pytest

from sciatica.chart import (
    DPI,
    HEIGHT_INCHES,
    PNG_SIGNATURE,
    WIDTH_INCHES,
    png_size,
    render_chart,
)
from sciatica.diary import DiaryEntry

SIZE = (int(WIDTH_INCHES * DPI), int(HEIGHT_INCHES * DPI))


def test_the_chart_is_a_png_of_the_documented_size():
    entries = [
        DiaryEntry(date="2024-05-01", pain=7, extent="foot"),
        DiaryEntry(date="2024-05-04", pain=None, extent="below_knee"),
        DiaryEntry(date="2024-05-09", pain=4, extent="back"),
    ]
    png = render_chart(entries)
    assert png.startswith(PNG_SIGNATURE)
    assert png_size(png) == SIZE


@pytest.mark.parametrize(
    "entries",
    [
        [],
        [DiaryEntry(date="2024-05-01", pain=5)],
        [
            DiaryEntry(date=dt.date(2024, 1, 1) + dt.timedelta(days=9 * i), pain=i % 11)
            for i in range(30)
        ],
    ],
    ids=["empty", "one day", "long"],
)
def test_any_diary_gives_a_chart(entries):
    assert png_size(render_chart(entries)) == SIZE


def test_png_size_rejects_other_data():
    with pytest.raises(ValueError, match="not a PNG"):
        png_size(b"GIF89a")


def test_importing_the_module_does_not_import_matplotlib():
    code = "import sys, sciatica.chart; print('matplotlib' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
