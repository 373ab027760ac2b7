"""The SVG graphics of the web pages: valid XML, marks where they belong, data escaped, plain
notes for empty inputs, the same bytes for the same input, and a bounded size."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest
from markupsafe import Markup

from thucydides.serve.graphics import (
    MAX_NODES,
    MapPoint,
    NetworkEdge,
    PeriodCounts,
    network_svg,
    timeline_svg,
    world_map_svg,
)
from thucydides.serve.graphics.world import outline

NS = {"svg": "http://www.w3.org/2000/svg"}
HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)> "quoted" & \'single\''


def parse(svg: Markup) -> ET.Element:
    assert isinstance(svg, Markup)
    root = ET.fromstring(str(svg))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def assert_inert(svg: Markup) -> None:
    """Nothing a strict Content-Security-Policy would block, nothing a browser would run."""
    root = parse(svg)
    tags = {element.tag.split("}")[1] for element in root.iter()}
    assert not tags & {"script", "style", "foreignObject", "image", "img", "iframe"}, tags
    for element in root.iter():
        for name, value in element.attrib.items():
            assert name != "style" and not name.startswith("on"), (element.tag, name)
            assert "javascript:" not in value.lower()
    assert "http://" not in str(svg).replace("http://www.w3.org/2000/svg", "")


def circles(root: ET.Element, css_class: str) -> list[ET.Element]:
    return [c for c in root.iter("{http://www.w3.org/2000/svg}circle") if css_class in c.get("class", "").split()]


# The world map


def point(lat: float, lon: float, quad: int = 1, label: str = "an event", href: str = "/events/1") -> MapPoint:
    return MapPoint(lat=lat, lon=lon, quad_class=quad, href=href, label=label)


def test_the_map_places_null_island_at_the_centre_and_japan_east_of_france() -> None:
    svg = world_map_svg([point(0, 0, href="/events/centre"), point(35.7, 139.7, 4, "Tokyo"), point(48.9, 2.4, 2, "Paris")], width=960)
    root = parse(svg)
    assert root.get("viewBox") == "0 0 960.0 480.0"
    centre, tokyo, paris = circles(root, "map-point")
    assert (float(centre.get("cx")), float(centre.get("cy"))) == (480.0, 240.0)
    assert float(tokyo.get("cx")) > float(paris.get("cx")) > 480.0
    assert float(tokyo.get("cy")) > float(paris.get("cy")), "Tokyo lies south of Paris: lower on the map"
    assert float(paris.get("cy")) < 240.0, "the northern hemisphere is the upper half"


def test_each_map_point_links_to_its_event_coloured_by_quad_class_with_a_legend() -> None:
    points = [point(10, 10 * quad, quad, f"event {quad}", f"/events/{quad}") for quad in (1, 2, 3, 4)]
    root = parse(world_map_svg(points))
    links = root.findall(".//svg:g[@class='map-points']/svg:a", NS)
    assert [a.get("href") for a in links] == ["/events/1", "/events/2", "/events/3", "/events/4"]
    for quad, a in zip((1, 2, 3, 4), links, strict=True):
        dot = a.find("svg:circle", NS)
        assert dot is not None and dot.get("class") == f"map-point quad-{quad}"
        assert dot.find("svg:title", NS).text == f"event {quad}"
    fills = {a.find("svg:circle", NS).get("fill") for a in links}
    assert len(fills) == 4, "four quad classes, four colours"
    legend = " ".join(t.text or "" for t in root.findall(".//svg:g[@class='legend']/svg:text", NS))
    assert legend == "verbal cooperation material cooperation verbal conflict material conflict"


def test_the_map_draws_the_world_outline_from_the_package_over_the_whole_width() -> None:
    root = parse(world_map_svg([point(0, 0)]))
    land = root.find(".//svg:path[@class='land']", NS)
    assert land is not None
    numbers = [float(n) for n in re.findall(r"-?\d+\.\d", land.get("d"))]
    xs, ys = numbers[0::2], numbers[1::2]
    assert len(xs) > 500, "continents and the larger islands"
    assert min(xs) == 0.0 and max(xs) == 960.0 and min(ys) >= 0.0 and max(ys) == 480.0


def inside(lon: float, lat: float, ring: tuple[tuple[float, float], ...]) -> bool:
    crossings = 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            crossings += 1
    return crossings % 2 == 1


@pytest.mark.parametrize(
    ("place", "lon", "lat", "where"),
    [("Sahara", 10, 23, "land"), ("Amazon", -55, -10, "land"), ("central Australia", 134, -25, "land"),
     ("Siberia", 100, 62, "land"), ("central Honshu", 138.5, 36.2, "land"), ("Kansas", -98, 38.5, "land"),
     ("mid-Atlantic", -40, 30, "sea"), ("central Pacific", -140, 0, "sea"), ("Indian Ocean", 80, -20, "sea"),
     ("Mediterranean", 18, 34, "sea"), ("Black Sea", 34, 43.5, "inland sea"), ("Caspian Sea", 51, 42, "inland sea")],
)
def test_the_shipped_outline_puts_land_and_sea_where_they_are(place: str, lon: float, lat: float, where: str) -> None:
    land, water = outline()
    assert all(len(ring) >= 3 and all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring) for ring in land + water)
    on_land = any(inside(lon, lat, ring) for ring in land)
    in_water = any(inside(lon, lat, ring) for ring in water)
    assert (on_land and not in_water, in_water) == {"land": (True, False), "sea": (False, False), "inland sea": (False, True)}[where], place


def test_invalid_coordinates_are_skipped_and_counted() -> None:
    points = [point(math.nan, 10), point(95, 10), point(10, 181), point(10, -math.inf), point(51.5, -0.1, label="London")]
    root = parse(world_map_svg(points))
    dots = circles(root, "map-point")
    assert [d.find("svg:title", NS).text for d in dots] == ["London"]
    notes = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "note"]
    assert notes == ["4 without valid coordinates left out"]


def test_an_empty_map_says_so_and_still_shows_the_world() -> None:
    svg = world_map_svg([])
    root = parse(svg)
    assert "no-data" in root.get("class")
    assert root.find("svg:title", NS).text == "No events with a place to show"
    assert root.find(".//svg:path[@class='land']", NS) is not None
    assert not circles(root, "map-point")
    only_bad = parse(world_map_svg([point(100, 0)]))
    assert only_bad.find("svg:title", NS).text == "None of these events has a valid place"


def test_hostile_labels_and_links_are_escaped_on_the_map() -> None:
    svg = world_map_svg([point(1, 1, label=HOSTILE, href='/events/1"><script>alert(1)</script>'), point(2, 2, href="javascript:alert(1)"),
                         point(3, 3, href=" java\tscript:alert(1)"), point(4, 4, href="DATA:text/html,x")])
    assert "<script" not in str(svg) and "<img" not in str(svg)
    assert_inert(svg)
    first, *_ = circles(parse(svg), "map-point")
    assert first.find("svg:title", NS).text == HOSTILE, "shown as text, whole"
    links = parse(svg).findall(".//svg:g[@class='map-points']/svg:a", NS)
    assert [a.get("href") for a in links] == ['/events/1"><script>alert(1)</script>'], "no javascript: link"


def test_the_map_is_deterministic_and_small() -> None:
    label = "Ruritania accused Freedonia of shelling the border town (2024-05-06)"
    points = [point((i * 37) % 170 - 85, (i * 71) % 360 - 180, i % 4 + 1, f"{label} #{i}", f"/events/{i}") for i in range(1100)]
    svg = world_map_svg(points)
    assert svg == world_map_svg(list(points))
    assert len(str(svg).encode()) < 300_000
    assert len(str(world_map_svg([])).encode()) < 40_000, "the outline alone"
    assert_inert(svg)


def test_a_very_long_list_of_points_is_cut_and_the_map_says_so() -> None:
    points = [point(0, (i % 360) - 180, label="x" * 500, href=f"/events/{i}") for i in range(2500)]
    root = parse(world_map_svg(points))
    dots = circles(root, "map-point")
    assert len(dots) == 1000
    assert len(dots[0].find("svg:title", NS).text) == 160 and dots[0].find("svg:title", NS).text.endswith("…")
    notes = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "note"]
    assert notes == ["Showing 1000 of 2500 events"]


# The timeline


def period(name: str, counts: dict[int, int], goldstein: float | None = None) -> PeriodCounts:
    return PeriodCounts(period=name, counts=counts, mean_goldstein=goldstein)


def bars(root: ET.Element) -> list[ET.Element]:
    return root.findall(".//svg:g[@class='bars']/svg:g", NS)


def test_the_timeline_stacks_quad_classes_in_proportion() -> None:
    root = parse(timeline_svg([period("2024-01", {1: 2, 4: 6}), period("2024-02", {2: 4, 3: 4})]))
    january, february = bars(root)
    assert january.find("svg:title", NS).text == "2024-01: 8 events"
    rects = january.findall("svg:rect", NS)
    assert [r.get("class") for r in rects] == ["bar quad-1", "bar quad-4"]
    assert [r.find("svg:title", NS).text for r in rects] == ["2024-01: 2 verbal cooperation", "2024-01: 6 material conflict"]
    verbal, material = (float(r.get("height")) for r in rects)
    assert material == pytest.approx(3 * verbal, abs=0.2)
    assert float(rects[1].get("y")) < float(rects[0].get("y")), "material conflict stacked on top"
    total_jan = sum(float(r.get("height")) for r in rects)
    total_feb = sum(float(r.get("height")) for r in february.findall("svg:rect", NS))
    assert total_jan == pytest.approx(total_feb, abs=0.2)
    labels = [t.text for t in root.findall(".//svg:g[@class='axis axis-period']/svg:text", NS)]
    assert labels == ["2024-01", "2024-02"]
    ticks = [t.text for t in root.findall(".//svg:g[@class='axis axis-count']/svg:text", NS)]
    assert ticks[0] == "0" and ticks[-2:] == ["8", "events"]


def test_the_goldstein_line_follows_the_scale_and_breaks_where_a_period_has_none() -> None:
    periods = [period("w1", {1: 1}, -10.0), period("w2", {1: 1}, 10.0), period("w3", {1: 1}, None),
               period("w4", {4: 1}, 0.0), period("w5", {4: 1}, 2.5)]
    root = parse(timeline_svg(periods, goldstein=True))
    dots = root.findall(".//svg:circle[@class='goldstein-point']", NS)
    assert [d.find("svg:title", NS).text for d in dots] == [
        "w1: mean Goldstein -10.0", "w2: mean Goldstein +10.0", "w4: mean Goldstein +0.0", "w5: mean Goldstein +2.5"]
    low, high, zero, _ = (float(d.get("cy")) for d in dots)
    assert low > zero > high and zero == pytest.approx((low + high) / 2)
    assert len(root.findall(".//svg:polyline[@class='goldstein-line']", NS)) == 2, "w1–w2 and w4–w5"
    assert parse(timeline_svg(periods)).find(".//svg:g[@class='goldstein']", NS) is None


def test_one_period_and_hundreds_of_periods_both_draw() -> None:
    one = parse(timeline_svg([period("2024-05", {3: 1})]))
    (bar,) = bars(one)
    assert float(bar.find("svg:rect", NS).get("width")) <= 60
    many = [period(f"2023-{i:03d}", {1: i % 7, 4: i % 3}) for i in range(400)]
    root = parse(timeline_svg(many))
    assert len(bars(root)) == 400
    xs = [float(g.find("svg:rect", NS).get("x")) for g in bars(root) if g.find("svg:rect", NS) is not None]
    assert xs == sorted(xs) and len(set(xs)) == len(xs), "bars side by side, none on another"
    labels = root.findall(".//svg:g[@class='axis axis-period']/svg:text", NS)
    assert 2 <= len(labels) <= 40, "labels thinned to what fits"


def test_an_empty_timeline_says_so() -> None:
    root = parse(timeline_svg([]))
    assert "no-data" in root.get("class")
    assert [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")] == ["No events in this period"]


def test_timeline_labels_are_escaped_and_output_is_deterministic() -> None:
    periods = [period(HOSTILE, {1: 3}, 1.0), period("2024-02", {2: 1}, -2.0)]
    svg = timeline_svg(periods, goldstein=True)
    assert "<script" not in str(svg)
    assert_inert(svg)
    assert bars(parse(svg))[0].find("svg:title", NS).text == f"{HOSTILE}: 3 events"
    assert svg == timeline_svg(list(periods), goldstein=True)


# The network


def edge(source: str, target: str, count: int) -> NetworkEdge:
    return NetworkEdge(source=source, target=target, count=count, href=f"/events?source={source}&target={target}")


def edges_of(root: ET.Element) -> list[ET.Element]:
    return root.findall(".//svg:g[@class='edges']/svg:a", NS)


def test_each_directed_edge_links_to_its_events_and_is_as_wide_as_its_count() -> None:
    svg = network_svg([edge("ARN", "GON", 9), edge("GON", "ARN", 1), edge("ARN", "ROH", 4)])
    root = parse(svg)
    titles = {a.find("svg:g/svg:title", NS).text: a for a in edges_of(root)}
    assert set(titles) == {"ARN → GON: 9 events", "GON → ARN: 1 event", "ARN → ROH: 4 events"}
    assert titles["ARN → GON: 9 events"].get("href") == "/events?source=ARN&target=GON"
    assert '&amp;target=' in str(svg), "the ampersand escaped in the attribute"
    width = {t: float(a.find("svg:g/svg:path", NS).get("stroke-width")) for t, a in titles.items()}
    assert width["ARN → GON: 9 events"] > width["ARN → ROH: 4 events"] > width["GON → ARN: 1 event"]
    there = titles["ARN → GON: 9 events"].find("svg:g/svg:path", NS).get("d")
    back = titles["GON → ARN: 1 event"].find("svg:g/svg:path", NS).get("d")
    assert there != back, "the two directions do not lie on each other"
    nodes = [g.find("svg:title", NS).text for g in root.findall(".//svg:g[@class='node']", NS)]
    assert nodes == ["ARN: 14 events", "GON: 10 events", "ROH: 4 events"], "the busiest first"


def test_the_network_layout_is_deterministic_whatever_the_input_order() -> None:
    edges = [edge(f"A{i}", f"A{(i * 7 + 3) % 20}", i % 5 + 1) for i in range(20)] + [edge("A1", "A2", 3), edge("A1", "A2", 2)]
    svg = network_svg(edges)
    assert svg == network_svg(list(reversed(edges)))
    root = parse(svg)
    summed = [a for a in edges_of(root) if a.find("svg:g/svg:title", NS).text.startswith("A1 → A2:")]
    assert [a.find("svg:g/svg:title", NS).text for a in summed] == ["A1 → A2: 5 events"], "repeated pairs add up"


def test_the_network_keeps_the_busiest_actors_and_says_how_many_it_left_out() -> None:
    edges = [edge("HUB", f"ACTOR{i:03d}", 1 + (i < 10)) for i in range(100)]
    root = parse(network_svg(edges))
    nodes = [g.find("svg:title", NS).text.split(":")[0] for g in root.findall(".//svg:g[@class='node']", NS)]
    assert len(nodes) == MAX_NODES == 60
    assert nodes[0] == "HUB" and {f"ACTOR{i:03d}" for i in range(10)} <= set(nodes)
    assert len(edges_of(root)) == MAX_NODES - 1
    notes = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "note"]
    assert notes == ["Showing the 60 most active of 101 actors"]


def test_an_empty_network_says_so_and_self_loops_alone_are_empty() -> None:
    for edges in ([], [edge("ARN", "ARN", 3)], [edge("ARN", "GON", 0)]):
        root = parse(network_svg(edges))
        assert "no-data" in root.get("class")
        assert root.find("svg:title", NS).text == "No events between two actors to show"


def test_hostile_actor_names_are_escaped_in_the_network() -> None:
    svg = network_svg([NetworkEdge(HOSTILE, "GON", 2, "javascript:alert(1)"), NetworkEdge("GON", HOSTILE, 1, "/events?x=1")])
    assert "<script" not in str(svg) and "<img" not in str(svg)
    assert_inert(svg)
    root = parse(svg)
    assert [a.get("href") for a in edges_of(root)] == ["/events?x=1"], "the javascript: edge is drawn without a link"
    titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert f"{HOSTILE} → GON: 2 events" in titles and f"{HOSTILE}: 3 events" in titles
