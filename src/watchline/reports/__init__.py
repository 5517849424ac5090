"""Human-facing reports over core results (an adapter: nothing in the core imports it).

``render_hits_html`` turns screening hits into one self-contained HTML page with a card
and two pictures per hit (see docs/hit-pictures.md).
"""

from watchline.reports.hit_card import HitView, render_hits_html

__all__ = ["HitView", "render_hits_html"]
