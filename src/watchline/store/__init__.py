"""The SQL store: the only place in watchline where SQL lives."""

from watchline.store.db import Store

__all__ = ["Store"]
