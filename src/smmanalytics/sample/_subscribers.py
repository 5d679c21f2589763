"""YouTube subscribers per video and day, and the channel's daily net change.

Studio's table gives each video's net ``Subscribers`` over the range; its export of the
``Subscribers`` metric adds the channel's daily net change (``Totals.csv``), which is the
videos' subscribers plus those who subscribe on the channel page, less the unsubscribes no
video is credited with. Both are derived here from the generator's seeded state without
drawing from its random stream (no other sample file changes): each video's ``follows`` are
spread over its days in proportion to its views, and the channel's remainder comes from the
simulated follower series (``followers_series``) of the channel.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["PAGE_SHARE", "LOST_SHARE", "video_subscribers", "channel_subscribers"]

#: share of the simulated channel gains made on the channel page (no video credited)
PAGE_SHARE = 0.3
#: share of the simulated unsubscribes no video is credited with (the others are netted in
#: the videos' own figures)
LOST_SHARE = 0.5


def _apportion(totals: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Whole numbers per row of ``weights`` adding up to ``totals`` exactly (largest
    remainder; ties go to the earlier column): a video's days add up to its table figure."""
    sums = weights.sum(axis=1, keepdims=True)
    share = np.divide(weights * totals[:, None], sums, out=np.zeros_like(weights),
                      where=sums > 0)
    whole = np.floor(share).astype(np.int64)
    left = totals - whole.sum(axis=1)
    order = np.argsort(-(share - whole), axis=1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.broadcast_to(np.arange(weights.shape[1]), order.shape),
                      axis=1)
    return whole + (rank < left[:, None])


def video_subscribers(videos: pd.DataFrame, yt_daily: pd.DataFrame) -> np.ndarray:
    """Subscribers per row of ``yt_daily`` (a video's day with views): the video's
    ``follows`` spread over its days in proportion to their views."""
    wide = yt_daily.pivot(index="post_id", columns="date", values="views")
    totals = (videos.set_index("post_id")["follows"].reindex(wide.index).fillna(0)
              .to_numpy(dtype=np.int64))
    subs = _apportion(totals, wide.fillna(0).to_numpy(dtype=float))
    long = pd.DataFrame(subs, index=wide.index, columns=wide.columns).stack()
    return long.reindex(pd.MultiIndex.from_arrays([yt_daily["post_id"], yt_daily["date"]]))\
        .to_numpy(dtype=np.int64)


def channel_subscribers(simulated: pd.DataFrame, yt_daily: pd.DataFrame) -> pd.DataFrame:
    """The channel's daily ``follows``, ``unfollows``, ``net_follows`` and
    ``followers_total`` (columns of ``followers_series``): the videos' subscribers of the day
    (``yt_daily["subscribers"]``) plus a small remainder from the simulated series, positive
    as a rule (page subscribers) and below zero on a few days of many unsubscribes (the
    incident week)."""
    start = int(simulated["followers_total"].iloc[0] - simulated["net_follows"].iloc[0])
    idx = pd.DatetimeIndex(simulated["date"])
    videos = yt_daily.groupby("date")["subscribers"].sum().reindex(idx, fill_value=0)
    page = np.floor(simulated["follows"].to_numpy(dtype=float) * PAGE_SHARE + 0.5)
    lost = np.floor(simulated["unfollows"].to_numpy(dtype=float) * LOST_SHARE)
    gains = videos.to_numpy(dtype=np.int64) + page.astype(np.int64)
    unf = lost.astype(np.int64)
    net = gains - unf
    return pd.DataFrame({"date": idx, "follows": gains, "unfollows": unf, "net_follows": net,
                         "followers_total": start + np.cumsum(net)})
