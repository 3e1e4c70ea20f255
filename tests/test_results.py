"""Results over time: indicator measurements against their target (chart, table, latest value),
milestones marked met, and how far an action is. Expectations come from each fixture zone's YAML."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, squash

sys.path.insert(0, str(ROOT / "hooks"))
from pydantic import ValidationError  # noqa: E402
from zonesite.charts import result  # noqa: E402
from zonesite.models.fiche import Indicator  # noqa: E402
from zonesite.models.results import number_in  # noqa: E402

ZONES = sorted(path.parent.name for path in FIXTURES.glob("*/plans"))
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def dutch_date(value: dt.date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def dutch_number(value) -> str:
    number = float(str(value).replace(",", "."))
    return str(int(number)) if number.is_integer() else f"{number:g}".replace(".", ",")


def fiche_files(zone: str) -> list[Path]:
    return sorted((FIXTURES / zone / "plans").glob("*/fiches/*.yml"))


def fiche_address(file: Path, data: dict) -> str:
    """As the editors' guide says: actie-<nummer> (dots become dashes), else the file's name."""
    key = str(data["id"]).replace(".", "-") if data.get("id") is not None else file.stem
    return f"{file.parent.parent.name}/actie-{key}/"


def measured(data: dict) -> list[dict]:
    """The fiche's indicators that carry measurements, in the order of the page."""
    evaluation = data.get("evaluatie") or {}
    kinds = [evaluation.get(kind) or {} for kind in ("proces", "output", "impact")]
    indicators = [i for kind in kinds for i in kind.get("indicatoren") or []] + (evaluation.get("indicatoren") or [])
    return [i for i in indicators if isinstance(i, dict) and i.get("metingen")]


# --- in this process --------------------------------------------------------------------------

def test_a_target_counts_as_a_number_only_when_it_names_exactly_one():
    assert number_in("minstens 80 %") == 80
    assert number_in("Tegen eind 2025 gemiddeld minstens 3,5") == 3.5  # a year is no target
    assert number_in("3,5 op 5") is None
    assert number_in("drie per maand") is None
    assert number_in("tussen 10 en 20") is None


def test_values_are_read_as_flemish_editors_write_them():
    indicator = Indicator.model_validate({"indicator": "Bereik", "streefwaarde": "1250",
                                          "metingen": [{"datum": "2025-06-30", "waarde": "3,5"},
                                                       {"datum": "2025-12-31", "waarde": 12.5}]})
    assert indicator.target_value == 1250
    assert [m.value for m in indicator.measurements] == [3.5, 12.5]
    # "1.250" is a thousand and a quarter to a Fleming, 1.25 to YAML: the editor must say which.
    for wrong in ("veel", True, "12 deelnemers", "1.250"):
        with pytest.raises(ValidationError):
            Indicator.model_validate({"indicator": "x", "metingen": [{"datum": "2025-06-30", "waarde": wrong}]})


def test_the_chart_puts_later_dates_right_higher_values_up_and_the_target_at_its_height():
    indicator = Indicator.model_validate({"indicator": "Deelnemers", "streefdoel": "minstens 40 deelnemers",
                                          "metingen": [{"datum": "2025-12-31", "waarde": 40},
                                                       {"datum": "2024-12-31", "waarde": 10},
                                                       {"datum": "2025-06-30", "waarde": 25}]})
    shown = result(indicator)
    xs, ys = [p.x for p in shown.points], [p.y for p in shown.points]
    assert xs == sorted(xs) and ys == sorted(ys, reverse=True)  # oldest first, rising values go up
    assert shown.goal_y == ys[-1]  # the last value equals the target
    assert all(shown.left <= x <= shown.right and shown.top <= y <= shown.bottom for x, y in zip(xs, ys))
    assert [label for _, label in shown.y_ticks][0] == "0"
    assert "3 metingen" in shown.summary and "streefwaarde 40" in shown.summary
    assert result(Indicator.model_validate({"indicator": "Zonder metingen"})) is None


# --- on the built site, for every fixture zone ---------------------------------------------------

@pytest.mark.parametrize("zone", ZONES)
def test_each_measured_indicator_shows_its_latest_value_a_chart_and_every_measurement(fixture_site, zone):
    site = fixture_site(zone)
    checked = 0
    for file in fiche_files(zone):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        page = site.html(fiche_address(file, data))
        indicators = measured(data)
        graphs = page.select("svg.zs-graph")
        assert len(graphs) == len(indicators), file
        for graph, indicator in zip(graphs, indicators):
            rows = sorted(indicator["metingen"], key=lambda m: str(m["datum"]))
            assert len(graph.select("circle")) == len(rows)
            assert f"{len(rows)} metingen" in graph["aria-label"] or len(rows) == 1
            latest = squash(graph.find_previous("p").get_text(" "))
            assert latest.startswith(f"Laatste meting: {dutch_number(rows[-1]['waarde'])}")
            assert dutch_date(dt.date.fromisoformat(str(rows[-1]["datum"]))) in latest
            table = graph.find_next("table")
            cells = [[squash(td.get_text(" ")) for td in tr.select("td")] for tr in table.select("tbody tr")]
            assert [c[0] for c in cells] == [dutch_date(dt.date.fromisoformat(str(m["datum"]))) for m in rows]
            # A unit written once holds for every measurement of the indicator.
            unit = next((m["eenheid"] for m in reversed(rows) if m.get("eenheid")), "")
            assert [c[1] for c in cells] == [squash(f"{dutch_number(m['waarde'])} {m.get('eenheid') or unit}".strip())
                                             for m in rows]
            checked += 1
        for milestone in data.get("mijlpalen") or []:
            if milestone.get("gehaald"):
                assert f"gehaald op {dutch_date(milestone['gehaald'])}" in squash(page.get_text(" "))
                checked += 1
        if data.get("voortgang_procent") is not None:
            assert squash(f"{data['voortgang_procent']} % klaar") in squash(page.get_text(" "))
            overview = site.html(f"{file.parent.parent.name}/")
            assert "Gemiddeld klaar" in overview.get_text(" ")
    if zone == "dender-zuid":
        assert checked >= 4  # the example shows every kind: two measured indicators, met milestones


def test_a_met_milestone_says_so_on_the_timeline(example_site):
    data = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in fiche_files("dender-zuid")]
    met = [(m["wat"], m["gehaald"]) for d in data for m in d.get("mijlpalen") or [] if m.get("gehaald")]
    assert met
    timeline = squash(example_site.html("actieplan-2024/tijdlijn/").get_text(" "))
    for what, day in met:
        assert f"{what} (gehaald op {dutch_date(day)})" in timeline


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_chart_is_drawn_inside_its_box_and_stands_out_from_the_page(example_site, serve, browser, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(serve(example_site.path) + "actieplan-2024/actie-4/")
    drawn = tab.evaluate("""() => [...document.querySelectorAll('svg.zs-graph')].map(svg => {
        const box = svg.getBoundingClientRect();
        const parts = [...svg.querySelectorAll('circle, text, polyline, line')].map(e => e.getBoundingClientRect());
        const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
        let node = svg, bg = 'rgba(0, 0, 0, 0)';
        while (node && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg)) { bg = getComputedStyle(node).backgroundColor; node = node.parentElement; }
        if (/rgba\\(0, 0, 0, 0\\)/.test(bg)) bg = getComputedStyle(document.querySelector('[data-md-color-scheme]')).getPropertyValue('--md-default-bg-color');
        return {box: [box.left, box.top, box.right, box.bottom], width: document.documentElement.clientWidth,
                parts: parts.map(r => [r.left, r.top, r.right, r.bottom]),
                line: rgb(getComputedStyle(svg.querySelector('polyline')).stroke), background: bg};
    })""")
    context.close()
    assert drawn
    for graph in drawn:
        left, top, right, bottom = graph["box"]
        assert right <= graph["width"] + 0.5, "the chart fits the screen"
        for part in graph["parts"]:
            assert part[0] >= left - 1 and part[2] <= right + 1 and part[1] >= top - 1 and part[3] <= bottom + 1, part
        assert contrast(graph["line"], graph["background"]) >= 3, graph  # WCAG 1.4.11, graphics


def contrast(colour: list[float], background: str) -> float:
    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    if background.strip().startswith("#"):
        hex_ = background.strip().lstrip("#")
        back = [int(hex_[i:i + 2], 16) for i in (0, 2, 4)]
    else:
        back = [float(v) for v in re.findall(r"[\d.]+", background)[:3]]
    high, low = sorted([luminance(colour), luminance(back)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_results_print_with_the_submission_print_view(example_site, serve, browser):
    """On paper the figures come with the chart: the measurements table, whole, in the printed plan."""
    from test_submission_pdf import print_to_pdf
    from pypdf import PdfReader

    path = print_to_pdf(browser, serve, example_site, "actieplan-2024/afdrukken/", "print-results.pdf")
    text = squash(" ".join(page.extract_text() for page in PdfReader(path).pages))
    indicators = [i for f in fiche_files("dender-zuid") for i in measured(yaml.safe_load(f.read_text(encoding="utf-8")))]
    assert indicators
    for indicator in indicators:
        assert squash(f"Metingen: {indicator['indicator']}") in text
        for measurement in indicator["metingen"]:
            assert dutch_date(dt.date.fromisoformat(str(measurement["datum"]))) in text
