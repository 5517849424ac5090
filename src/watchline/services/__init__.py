"""Use cases over the pure core and the store: import, publish, screen, analyse."""
