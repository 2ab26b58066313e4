"""Numbers as people read them: sizes, speeds, time left, countdowns and clock times.

Pure functions (no widgets); words go through QCoreApplication.translate so they can be
translated, which works without a QApplication too.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

# Translatable: French says "Mo", for one.
_UNITS = (QT_TRANSLATE_NOOP("formatting", "B"), QT_TRANSLATE_NOOP("formatting", "KB"),
          QT_TRANSLATE_NOOP("formatting", "MB"), QT_TRANSLATE_NOOP("formatting", "GB"),
          QT_TRANSLATE_NOOP("formatting", "TB"), QT_TRANSLATE_NOOP("formatting", "PB"))
_STEP = 1000  # decimal units, as GNOME, macOS and download managers show them

# "1.5 MB"; "1,5 MB" once the UI speaks German (set_number_locale, at start-up).
_numbers = QLocale.c()


def set_number_locale(locale: QLocale) -> QLocale:
    """Decimals as the UI's language writes them; returns the previous locale."""
    global _numbers
    previous, _numbers = _numbers, QLocale(locale)
    return previous


def _tr(text: str) -> str:
    return QCoreApplication.translate("formatting", text)


def format_count(n: int) -> str:
    """12000 → "12,000" ("12.000" in German)."""
    return _numbers.toString(n) if _numbers != QLocale.c() else f"{n:,}"


def format_bytes(size: int | float | None) -> str:
    """1536000 → "1.5 MB"; three significant digits at most, whole bytes below 1 KB."""
    if size is None or size < 0 or math.isnan(size):
        return _tr("unknown size")
    if size < _STEP:
        return f"{int(size)} {_tr(_UNITS[0])}"
    value = float(size)
    for unit in _UNITS[1:]:
        value /= _STEP
        # 999.96 MB would print as "1000 MB": such values belong to the next unit.
        if round(value) < _STEP or unit == _UNITS[-1]:
            break
    digits = 0 if round(value, 1) >= 100 else 1 if round(value, 2) >= 10 else 2
    return f"{_numbers.toString(value, 'f', digits)} {_tr(unit)}"


def format_speed(bytes_per_second: float | None) -> str:
    """1250000.0 → "1.25 MB/s"; nothing measured yet → an empty string."""
    if bytes_per_second is None or bytes_per_second <= 0 or math.isnan(bytes_per_second):
        return ""
    return _tr("{size}/s").format(size=format_bytes(bytes_per_second))


def format_progress(done: int, total: int | None) -> str:
    """"12.0 MB of 45.0 MB", or just the bytes so far when the size is not known yet."""
    if total is None or total <= 0:
        return format_bytes(done)
    return _tr("{done} of {total}").format(done=format_bytes(done), total=format_bytes(total))


def format_percent(fraction: float | None) -> str:
    """0.4 → "40 %"; never shows 100 % before the end (99.6 % is "99 %")."""
    if fraction is None or math.isnan(fraction):
        return ""
    fraction = min(max(fraction, 0.0), 1.0)
    return f"{math.floor(fraction * 100)} %"


def format_duration(seconds: float | None) -> str:
    """Time in words, rounded the way people say it: "45 s", "3 min 20 s", "2 h 5 min"."""
    if seconds is None or seconds < 0 or math.isnan(seconds) or math.isinf(seconds):
        return ""
    whole = math.ceil(seconds)
    if whole < 60:
        return _tr("{s} s").format(s=whole)
    minutes, secs = divmod(whole, 60)
    if minutes < 10:
        if secs:
            return _tr("{m} min {s} s").format(m=minutes, s=secs)
        return _tr("{m} min").format(m=minutes)
    total_minutes = round(whole / 60)
    if total_minutes < 60:
        return _tr("{m} min").format(m=total_minutes)
    hours, minutes = divmod(total_minutes, 60)
    if hours >= 48:
        return _tr("{d} days").format(d=round(hours / 24))
    if minutes:
        return _tr("{h} h {m} min").format(h=hours, m=minutes)
    return _tr("{h} h").format(h=hours)


def format_eta(seconds: float | None) -> str:
    """Time left for a download: "3 min 20 s left"; unknown → empty."""
    text = format_duration(seconds)
    return _tr("{duration} left").format(duration=text) if text else ""


def format_countdown(seconds: float | None) -> str:
    """A ticking countdown like a clock face: "0:23", "4:05", "1:02:03"; never negative."""
    if seconds is None or math.isnan(seconds) or math.isinf(seconds):
        return ""
    whole = max(0, math.ceil(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def format_clock_time(timestamp: float, now: float | None = None) -> str:
    """A Unix time as the local wall clock: "14:02" today, "3 Mar 14:02" on another day."""
    now = time.time() if now is None else now
    moment, today = time.localtime(timestamp), time.localtime(now)
    clock = time.strftime("%H:%M", moment)
    if (moment.tm_year, moment.tm_yday) == (today.tm_year, today.tm_yday):
        return clock
    return f"{moment.tm_mday} {time.strftime('%b', moment)} {clock}"
