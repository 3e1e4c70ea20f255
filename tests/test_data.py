"""Open data (/data/): JSON that validates against its published schema, CSV that counts what the YAML
holds, a DCAT-AP catalogue an independent JSON-LD processor reads, and addresses that all resolve.
Every fixture zone, built once per session (conftest.fixture_site); expectations from the YAML."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from conftest import BUILD_EPOCH, FIXTURES, TEST_CONFIG
from jsonschema import Draft202012Validator
from pyld import jsonld

from zonesite import dcat, opendata
from zonesite.checks import check_identity
from zonesite.datatables import cell
from zonesite.errors import Problems
from zonesite.settings import SiteSettings

ZONES = sorted(path.name for path in FIXTURES.iterdir() if (path / "plans").is_dir())
SITE_URL = yaml.safe_load(TEST_CONFIG.read_text(encoding="utf-8"))["site_url"]
BUILT = dt.datetime.fromtimestamp(int(BUILD_EPOCH), dt.timezone.utc)
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
KINDS = ("proces", "output", "impact")


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def plans_of(zone: str) -> tuple[dict[str, dict], dict[str, tuple[dict, list[dict]]]]:
    """The zone's policy plans and action plans (each with its fiches), read from its YAML."""
    plans = FIXTURES / zone / "plans"
    policies = {data["id"]: data for data in map(read_yaml, sorted(plans.glob("*.yml")))}
    actions = {}
    for file in sorted(plans.glob("*/actieplan.yml")):
        data = read_yaml(file)
        actions[data["id"]] = (data, [read_yaml(f) for f in sorted((file.parent / "fiches").glob("*.yml"))])
    return policies, actions


def fiche_indicators(fiche: dict) -> list:
    evaluation = fiche["evaluatie"]
    return [i for kind in KINDS for i in ((evaluation.get(kind) or {}).get("indicatoren") or [])] + \
        (evaluation.get("indicatoren") or [])


def public_news(zone: str) -> list[dict]:
    """The front matter of every news item that is neither a draft, nor under embargo, nor expired at
    the build moment (the guide: an item leaves the lists and the data when it expires)."""
    items = []
    for file in sorted((FIXTURES / zone / "news").glob("[0-9]*/*.md")):
        front = yaml.safe_load(file.read_text(encoding="utf-8").split("---")[1])
        moment = dt.datetime.fromisoformat(str(front["date"]))  # Brussels time: hours from UTC at most
        ends = dt.datetime.fromisoformat(str(front["expires"])) if front.get("expires") else None
        if ends is not None and ends.replace(tzinfo=ends.tzinfo or dt.timezone.utc) <= BUILT:
            continue
        if not front.get("draft") and moment.replace(tzinfo=moment.tzinfo or dt.timezone.utc) <= BUILT:
            items.append(front)
    return items


def table(site, address: str) -> list[dict]:
    raw = (site.path / address).read_bytes()
    text = raw.decode("utf-8")  # UTF-8, or this fails
    rows = list(csv.reader(io.StringIO(text, newline="")))
    # RFC 4180: records end in CRLF, a field is quoted when it holds a comma, quote or line break.
    again = io.StringIO()
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    assert again.getvalue() == text and text.endswith("\r\n"), address
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def data_json(site, address: str) -> dict:
    return json.loads((site.path / address).read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=ZONES)
def zone(request, fixture_site):
    return request.param, fixture_site(request.param)


def test_every_json_file_validates_against_its_published_schema(zone):
    name, site = zone
    policies, actions = plans_of(name)
    expected = {f"data/{plan_id}.json" for plan_id in [*policies, *actions]} | {"data/nieuws.json"}
    assert {f"data/{file.name}" for file in (site.path / "data").glob("*.json")} == expected
    for address in sorted(expected):
        data = data_json(site, address)
        schema = data_json(site, f"data/schema/{data['soort']}.schema.json")
        assert schema["$id"] == f"{SITE_URL}data/schema/{data['soort']}.schema.json"
        Draft202012Validator.check_schema(schema)
        errors = [error.message for error in Draft202012Validator(schema).iter_errors(data)]
        assert not errors, (address, errors[:5])
        assert data["versie"] == "1.1"
        assert data["licentie"] == {"naam": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    # The schema is strict: a file with a field it does not name is refused.
    schema = data_json(site, "data/schema/nieuws.schema.json")
    assert list(Draft202012Validator(schema).iter_errors({**data_json(site, "data/nieuws.json"), "extra": 1}))


def test_the_json_holds_what_the_yaml_says(zone):
    name, site = zone
    policies, actions = plans_of(name)
    for plan_id, policy in policies.items():
        data = data_json(site, f"data/{plan_id}.json")
        assert [sd["id"] for sd in data["strategische_doelstellingen"]] == \
            [str(sd["id"]) for sd in policy["strategische_doelstellingen"]]
        shown = [[od["titel"] for od in sd["operationele_doelstellingen"]] for sd in data["strategische_doelstellingen"]]
        assert shown == [[od["titel"].strip() for od in sd.get("operationele_doelstellingen") or []]
                         for sd in policy["strategische_doelstellingen"]]
    for plan_id, (plan, fiches) in actions.items():
        data = data_json(site, f"data/{plan_id}.json")
        assert data["jaar"] == plan["jaar"] and data["beleidsplan"] == plan["beleidsplan"]
        by_title = {fiche["titel"]: fiche for fiche in data["fiches"]}
        assert len(by_title) == len(fiches)
        for fiche in fiches:
            shown = by_title[fiche["titel"].strip()]
            assert shown["status"] == fiche.get("status") and shown["trekker"] == fiche["met_wie"]["trekker"].strip()
            assert shown["strategische_doelstelling"] == str(fiche["strategische_doelstelling"])
            assert len(shown["indicatoren"]) == len(fiche_indicators(fiche))
            assert [entry["datum"] for entry in shown["voortgang"]] == \
                sorted(str(entry["datum"]) for entry in fiche.get("voortgang") or [])
    news = data_json(site, "data/nieuws.json")["berichten"]
    public = public_news(name) if (FIXTURES / name / "news").is_dir() else []
    assert sorted(item["titel"] for item in news) == sorted(item["title"].strip() for item in public)
    events = {item["title"].strip(): item["event"] for item in public if item.get("event")}
    for item in news:
        assert (item["activiteit"] is not None) == (item["titel"] in events)
        if item["activiteit"]:
            event = events[item["titel"]]
            assert item["activiteit"]["plaats"] == (event["location"].strip() if event.get("location") else None)
            assert item["activiteit"]["vorm"] == event.get("vorm", "ter plaatse")
            assert item["activiteit"]["status"] == event.get("status", "gepland")
            assert item["activiteit"]["link"] == event.get("link", "")


def test_csv_tables_count_what_the_yaml_holds(zone):
    name, site = zone
    policies, actions = plans_of(name)
    for plan_id, policy in policies.items():
        rows = table(site, f"data/{plan_id}/doelstellingen.csv")
        sds = policy["strategische_doelstellingen"]
        ods = [od for sd in sds for od in sd.get("operationele_doelstellingen") or []]
        assert [row["soort"] for row in rows].count("SD") == len(sds)
        assert [row["soort"] for row in rows].count("OD") == len(ods)
        assert {row["plan"] for row in rows} == {plan_id}
    for plan_id, (plan, fiches) in actions.items():
        acties = table(site, f"data/{plan_id}/acties.csv")
        assert len(acties) == len(fiches) and {row["plan"] for row in acties} == {plan_id}
        assert sorted(row["titel"] for row in acties) == sorted(fiche["titel"].strip() for fiche in fiches)
        indicators = table(site, f"data/{plan_id}/indicatoren.csv")
        assert len(indicators) == sum(len(fiche_indicators(fiche)) for fiche in fiches)
        measurements = table(site, f"data/{plan_id}/metingen.csv")
        assert len(measurements) == sum(len(i.get("metingen") or []) for fiche in fiches
                                        for i in fiche_indicators(fiche) if isinstance(i, dict))
        header = (site.path / f"data/{plan_id}/metingen.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header == "plan,fiche,indicator,datum,waarde,eenheid,bron,opmerking"


def addresses_in(value) -> list[str]:
    if isinstance(value, dict):
        found = [value["adres"]] if isinstance(value.get("adres"), str) else []
        found += [value["@id"]] if isinstance(value.get("@id"), str) and value["@id"].startswith(SITE_URL) else []
        return found + [a for key, item in value.items() for a in addresses_in(item)]
    if isinstance(value, list):
        return [a for item in value for a in addresses_in(item)]
    return []


def resolves(site, address: str) -> bool:
    assert address.startswith(SITE_URL), address
    path = site.path / address[len(SITE_URL):].split("#")[0]
    return path.is_file() or (path / "index.html").is_file()


def test_every_address_in_the_data_is_a_built_page_or_file(zone):
    name, site = zone
    found = []
    for file in sorted((site.path / "data").rglob("*")):
        if file.suffix in (".json", ".jsonld"):
            found += addresses_in(json.loads(file.read_text(encoding="utf-8")))
        elif file.suffix == ".csv":
            found += [row["adres"] for row in table(site, file.relative_to(site.path).as_posix()) if "adres" in row]
    assert len(found) > 10
    assert not [address for address in found if not resolves(site, address)]


def values(node: dict, key: str) -> list:
    return [item.get("@id", item.get("@value")) for item in node.get(key, [])]


def test_the_catalogue_is_dcat_that_a_json_ld_processor_reads(zone):
    name, site = zone
    policies, actions = plans_of(name)

    def offline(url, options=None):
        raise AssertionError(f"the catalogue fetched {url}: its context must be inline")

    document = data_json(site, "data/catalogus.jsonld")
    nodes = jsonld.flatten(jsonld.expand(document, {"documentLoader": offline}), None,
                           {"documentLoader": offline})
    by_id = {node["@id"]: node for node in nodes}
    catalogs = [node for node in nodes if DCAT + "Catalog" in node.get("@type", [])]
    assert len(catalogs) == 1
    catalog = catalogs[0]
    datasets = [by_id[i] for i in values(catalog, DCAT + "dataset")]
    assert {values(d, DCT + "identifier")[0] for d in datasets} == {*policies, *actions, "nieuws"}
    publisher = by_id[values(catalog, DCT + "publisher")[0]]
    assert "http://xmlns.com/foaf/0.1/Agent" in publisher["@type"]
    files = {f"{SITE_URL}{file.relative_to(site.path).as_posix()}" for file in (site.path / "data").rglob("*")
             if file.suffix in (".json", ".csv") and "schema" not in file.parts}
    listed = set()
    for dataset in datasets:
        title = dataset[DCT + "title"][0]
        assert title["@language"] == "nl" and dataset[DCT + "description"][0]["@language"] == "nl"
        for distribution in map(by_id.get, values(dataset, DCAT + "distribution")):
            assert values(distribution, DCT + "license") == ["https://creativecommons.org/licenses/by/4.0/"]
            assert values(distribution, DCAT + "mediaType")[0].endswith(("/application/json", "/text/csv"))
            listed |= set(values(distribution, DCAT + "downloadURL"))
    assert listed == files
    # Dates from the content: an action plan is issued with its first date and modified with its last.
    for plan_id, (plan, fiches) in actions.items():
        dates = [v["datum"] for v in plan.get("versies") or []] + [plan.get("ingediend_op")] \
            + [entry["datum"] for fiche in fiches for entry in fiche.get("voortgang") or []]
        dates = [date for date in dates if date]
        dataset = next(d for d in datasets if values(d, DCT + "identifier") == [plan_id])
        assert values(dataset, DCT + "issued") == ([str(min(dates))] if dates else [])
        assert values(dataset, DCT + "modified") == ([str(max(dates))] if dates else [])


def test_the_open_data_page_and_every_plan_page_link_the_data(zone):
    name, site = zone
    policies, actions = plans_of(name)
    page = site.html("data/")
    links = {a["href"] for a in page.select("article a")}
    for file in (site.path / "data").rglob("*"):
        if file.suffix in (".json", ".csv", ".jsonld"):
            assert file.relative_to(site.path / "data").as_posix() in links, file
    assert "https://creativecommons.org/licenses/by/4.0/" in links and "CC BY 4.0" in site.text("data/")
    for plan_id, tables in [*((p, ["doelstellingen"]) for p in policies),
                            *((p, ["acties", "indicatoren", "metingen"]) for p in actions)]:
        hrefs = {a["href"] for a in site.html(f"{plan_id}/").select("article .zs-downloads a")}
        assert {f"../data/{plan_id}.json", *(f"../data/{plan_id}/{t}.csv" for t in tables)} <= hrefs, plan_id
    assert {a.get_text(strip=True): a["href"] for a in page.select("footer a")}["Open data"] == "./"


def test_the_licence_is_set_in_mkdocs_yml_and_checked():
    problems = Problems()
    identity = check_identity(SiteSettings(zone={"name": "Proef", "license": {
        "name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}}), problems)
    assert identity.license.name == "CC0 1.0" and not problems.items
    assert check_identity(SiteSettings(zone={"name": "Proef"}), problems).license.name == "CC BY 4.0"
    assert check_identity(SiteSettings(zone={"name": "Proef", "license": {"url": "javascript:alert(1)"}}),
                          problems) is None
    assert [(p.field, p.path) for p in problems.items] == [("extra.zone.license.url", "mkdocs.yml")]
    # The zone's own licence is the one every file and the catalogue name.
    absolute = SiteSettings(site_url=SITE_URL).absolute
    assert json.loads(opendata.news([], identity.license, absolute))["licentie"] == {
        "naam": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}
    catalogue = json.loads(dcat.catalogue([], identity, absolute, "data/catalogus.jsonld", "", "data/"))
    assert catalogue["dct:license"] == {"@id": "https://creativecommons.org/publicdomain/zero/1.0/"}


def test_no_csv_cell_runs_as_a_formula_in_a_spreadsheet():
    for hostile in ("=HYPERLINK(\"https://evil.example\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1"):
        assert cell(hostile) == "'" + hostile
    assert cell("Valpreventie = samen") == "Valpreventie = samen" and cell(12.5) == 12.5 and cell("") == ""
