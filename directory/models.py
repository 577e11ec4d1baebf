"""The directory app's models: the founders' desk's aggregate search counters (directory.desk.counters)."""

from directory.desk.counters import SearchCount

__all__ = ["SearchCount"]
