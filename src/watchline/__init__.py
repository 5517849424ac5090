"""watchline: a shared registry, screening and financial-intelligence platform.

The package is split into a pure core (``model``, ``text``, ``names``, ``matching``,
``flows``, ``content``, ``exchange``) that performs no I/O, and thin adapters
(``store``, ``sources``, ``api``, ``cli``) that talk to files, databases and networks.
"""

__version__ = "0.1.0"
