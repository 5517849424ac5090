"""HTTP routes, one module per area; every handler is short and calls one service."""
