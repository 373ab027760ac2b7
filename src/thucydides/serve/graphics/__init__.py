"""Server-side SVG graphics for the web pages: pure functions from records to inline ``<svg>``.

Each returns a :class:`markupsafe.Markup` that a Jinja2 template inserts as it is: self-contained
(no script, no style attribute, nothing fetched), every string from data escaped.
"""

from .network import MAX_NODES, network_svg
from .records import MapPoint, NetworkEdge, PeriodCounts
from .timeline import timeline_svg
from .world import world_map_svg

__all__ = ["MAX_NODES", "MapPoint", "NetworkEdge", "PeriodCounts", "network_svg", "timeline_svg", "world_map_svg"]
