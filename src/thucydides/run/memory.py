"""How an analysis process handles the memory of one batch, so a long run stays at the size of one.

A parsed batch allocates hundreds of megabytes that are freed once its records are built. Two
things keep a long run's resident memory at the size of one batch:

- a collection of cyclic garbage after each batch (:func:`collect_batch`: Docs hold cycles), so
  one batch's Docs are gone before the next is parsed. A full collection walks every object the
  process holds, the loaded pipeline included (millions of them: 0.8 s a batch, measured on
  PolNeAR's 309 articles); once the pipeline is loaded, :func:`keep_loaded` moves what is alive
  then out of the collector's sight (``gc.freeze``), so each later collection walks only what the
  batches made.
- the memory freed by one batch is kept by the allocator for the next (:func:`hold_freed_memory`),
  not handed back to the operating system and asked for again. glibc returns freed memory at the
  top of its heap, and every block of more than 128 KiB or so (a batch's arrays) is mapped and
  unmapped on its own; each page asked for again costs a page fault. Handing it back after each
  batch (``malloc_trim``) cost three times bare spaCy's page faults, 3 to 6 s of system time on
  PolNeAR's 309 articles; kept, the pages are reused, and resident memory stays that of the
  largest batch (measured: 1,000 articles peak where 309 do).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from functools import lru_cache
from typing import Any

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
"""glibc's ``mallopt`` parameters (malloc.h)."""
_KEEP_AT_THE_TOP = 1 << 30
"""Free memory at the top of the heap kept rather than given back: up to 1 GiB (a batch's peak)."""
_MAP_ABOVE = 32 << 20
"""Blocks larger than this are still mapped on their own: glibc's largest threshold (32 MiB on
64-bit); fixing it also stops glibc from moving it as blocks are freed."""


@lru_cache(maxsize=1)
def _libc() -> Any:
    """glibc where this is Linux with glibc, else None (``mallopt`` and ``malloc_trim`` are glibc's)."""
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name or "libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def hold_freed_memory() -> bool:
    """Ask the allocator to keep the memory a batch frees for the next batch (glibc only; a no-op
    elsewhere). Call it once, before the pipeline is loaded. True when the allocator agreed."""
    libc = _libc()
    if libc is None:
        return False
    return bool(libc.mallopt(_M_TRIM_THRESHOLD, _KEEP_AT_THE_TOP)) and bool(libc.mallopt(_M_MMAP_THRESHOLD, _MAP_ABOVE))


def keep_loaded() -> None:
    """Collect, then leave every object alive now (the loaded pipeline, the lexicon, the
    knowledge base) to reference counting alone: later collections do not walk them again.
    Call it once the process has loaded what it keeps for its life."""
    gc.collect()
    gc.freeze()


def collect_batch() -> None:
    """Collect the cyclic garbage a batch left (its Docs), so the next batch reuses its memory."""
    gc.collect()


def give_back_freed_memory() -> None:
    """Return the allocator's free pages to the OS where it can (glibc's ``malloc_trim``): once
    the pipeline is loaded, what loading it used and freed is not needed again."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
