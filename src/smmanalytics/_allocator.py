"""Arrow's allocator commits memory on demand in processes that load smmanalytics first.

pyarrow allocates through mimalloc, which by default commits its arenas (1 GiB each) as soon
as it reserves them. On a VM with transparent huge pages on ``madvise`` (this project's CI
machine, 2 cores), that cost a fresh process seconds of system time at its first large Arrow
allocation. Measured on 2026-12-02 with a 318 MB Facebook export, first call in a fresh
interpreter:

- ``pyarrow.csv.read_csv``: 1.8-9.2 s as pyarrow sets mimalloc up, 1.3-1.4 s with
  ``MIMALLOC_ARENA_EAGER_COMMIT=0`` (commit on demand), 1.3-1.5 s with Arrow's system pool;
- ``smm.load`` (cache off): 9.0-10.7 s, and 2.9-3.8 s with commit on demand.

mimalloc reads its options once, when pyarrow's library is loaded. This module is the first
thing the package imports, before pandas and pyarrow, so the setting takes effect in the
``smm`` command, in the report kernels it starts (they inherit its environment) and in a
script or notebook that imports smmanalytics before pandas; elsewhere it changes nothing. A
value the user set is kept.
"""

import os

os.environ.setdefault("MIMALLOC_ARENA_EAGER_COMMIT", "0")
