"""Native post identifiers that encode the creation time, and time-zone formatting helpers.

- Instagram media pk: ``pk = ((utc_ms - 1314220021721) << 23) | low23``; the shortcode is the pk
  written in base 64 with the alphabet ``A-Z a-z 0-9 - _`` (most significant digit first).
- X snowflake: ``id = ((utc_ms - 1288834974657) << 22) | low22``.
- TikTok video id: ``id = (utc_s << 32) | low32``.
- LinkedIn activity id: ``id = (utc_ms << 22) | low22``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = [
    "IG_EPOCH_MS", "X_EPOCH_MS", "SHORTCODE_ALPHABET",
    "ig_shortcode", "x_snowflake", "tiktok_id", "linkedin_id",
]

IG_EPOCH_MS = 1314220021721
X_EPOCH_MS = 1288834974657
SHORTCODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def _utc_ms(ts: pd.Series) -> np.ndarray:
    return (ts.dt.tz_convert("UTC").astype("datetime64[ms, UTC]").astype("int64")).to_numpy()


def _encode64(n: int) -> str:
    out = []
    while n:
        n, r = divmod(n, 64)
        out.append(SHORTCODE_ALPHABET[r])
    return "".join(reversed(out)) or "A"


def ig_shortcode(published_at: pd.Series, low_bits: np.ndarray) -> tuple[list[str], list[str]]:
    """Return (pks as strings, shortcodes) for posts created at ``published_at`` (UTC)."""
    ms = _utc_ms(published_at)
    pks = [((int(m) - IG_EPOCH_MS) << 23) | int(b) for m, b in zip(ms, low_bits, strict=True)]
    return [str(p) for p in pks], [_encode64(p) for p in pks]


def x_snowflake(published_at: pd.Series, low_bits: np.ndarray) -> list[str]:
    """X post ids whose ``(id >> 22) + 1288834974657`` is the UTC time in ms."""
    ms = _utc_ms(published_at)
    return [str(((int(m) - X_EPOCH_MS) << 22) | int(b)) for m, b in zip(ms, low_bits, strict=True)]


def tiktok_id(published_at: pd.Series, low_bits: np.ndarray) -> list[str]:
    """TikTok video ids whose ``id >> 32`` is the UTC upload time in seconds."""
    s = _utc_ms(published_at) // 1000
    return [str((int(v) << 32) | int(b)) for v, b in zip(s, low_bits, strict=True)]


def linkedin_id(published_at: pd.Series, low_bits: np.ndarray) -> list[str]:
    """LinkedIn activity ids whose ``id >> 22`` is the UTC time in ms."""
    ms = _utc_ms(published_at)
    return [str((int(m) << 22) | int(b)) for m, b in zip(ms, low_bits, strict=True)]
