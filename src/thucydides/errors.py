"""One exception tree for everything Thucydides raises on purpose.

    ThucydidesError
    ├── InputError      the user's input cannot be read (missing path, unknown format, bad date)
    ├── ConfigError     a setting is wrong (unknown spaCy pipeline, bad value)
    ├── ResourceError   a bundled data file or model is missing or malformed
    ├── StoreError      the database cannot be opened, migrated or written
    └── RunnerError     analysis workers died, or a Dask cluster cannot be reached or used

Library errors (sqlite3, OSError, yaml, spaCy's OSError for a missing model) are wrapped into
these at the boundary where they happen, so the CLI can print one line and exit non-zero.
"""

from __future__ import annotations


class ThucydidesError(Exception):
    """Base of every error Thucydides raises on purpose."""


class InputError(ThucydidesError):
    """The user's input cannot be read."""


class ConfigError(ThucydidesError):
    """A setting is wrong."""


class ResourceError(ThucydidesError):
    """A bundled data file or model is missing or malformed."""


class StoreError(ThucydidesError):
    """The database cannot be opened, migrated or written."""


class RunnerError(ThucydidesError):
    """Analysis workers died more often than a batch is retried, or a cluster cannot be used."""
