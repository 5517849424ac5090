"""The ``watchline`` command line: thin commands over the services, Rich output."""
