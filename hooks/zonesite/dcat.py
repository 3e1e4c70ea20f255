"""The open-data catalogue in DCAT-AP (JSON-LD): what open-data portals harvest to list a zone's data.

One dcat:Dataset per plan and one for the news, each with a dcat:Distribution per file. Dates come
from the content (plan versions, progress entries, news dates), never from the clock: the same
content gives the same catalogue. Knows nothing of MkDocs."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Callable

from .models.identity import Identity

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
# The EU's language authority list, as DCAT-AP asks for dct:language.
DUTCH = "http://publications.europa.eu/resource/authority/language/NLD"
MEDIA_TYPES = {"json": "application/json", "csv": "text/csv"}
IANA = "https://www.iana.org/assignments/media-types/"


@dataclass
class Distribution:
    address: str  # within the site
    title: str
    format: str  # a key of MEDIA_TYPES
    schema: str = ""  # the address of its JSON Schema, for JSON


@dataclass
class Dataset:
    key: str  # stable and unique in the catalogue: the plan id, or `nieuws`
    title: str
    description: str
    page: str  # the page readers see the same content on
    dates: list[dt.date] = field(default_factory=list)  # every date the content carries
    files: list[Distribution] = field(default_factory=list)

    @property
    def issued(self) -> dt.date | None:
        return min(self.dates, default=None)

    @property
    def modified(self) -> dt.date | None:
        return max(self.dates, default=None)


def _nl(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "nl"}


def _ref(address: str) -> dict[str, str]:
    return {"@id": address}


def _dates(issued: dt.date | None, modified: dt.date | None) -> dict[str, Any]:
    dates = {}
    if issued is not None:
        dates["dct:issued"] = {"@value": issued.isoformat(), "@type": "xsd:date"}
    if modified is not None:
        dates["dct:modified"] = {"@value": modified.isoformat(), "@type": "xsd:date"}
    return dates


def catalogue(datasets: list[Dataset], identity: Identity, address: Callable[[str], str], own: str,
              home: str, page: str) -> bytes:
    """The catalogue at `own`; `address` makes a site address full; `home` and `page` are the
    site's start page and the open-data page."""
    licence = _ref(identity.license.url)
    publisher = {"@id": address(home) + "#zone", "@type": "foaf:Agent", "foaf:name": identity.name,
                 "foaf:homepage": _ref(address(home))}

    def dataset(data: Dataset) -> dict[str, Any]:
        return {
            "@id": f"{address(own)}#{data.key}", "@type": "dcat:Dataset", "dct:identifier": data.key,
            "dct:title": _nl(data.title), "dct:description": _nl(data.description),
            "dct:publisher": _ref(publisher["@id"]), "dct:language": _ref(DUTCH),
            "dcat:landingPage": _ref(address(data.page)), **_dates(data.issued, data.modified),
            "dcat:distribution": [{
                "@id": f"{address(own)}#{data.key}/{file.address.rsplit('/', 1)[-1]}",
                "@type": "dcat:Distribution", "dct:title": _nl(file.title),
                "dcat:accessURL": _ref(address(file.address)), "dcat:downloadURL": _ref(address(file.address)),
                "dcat:mediaType": _ref(IANA + MEDIA_TYPES[file.format]), "dct:license": licence,
                **({"dct:conformsTo": _ref(address(file.schema))} if file.schema else {}),
            } for file in data.files],
        }

    every = [date for data in datasets for date in data.dates]
    document = {
        "@context": CONTEXT, "@id": address(own), "@type": "dcat:Catalog",
        "dct:title": _nl(f"Open data van {identity.name}"),
        "dct:description": _nl(f"De plannen, acties en het nieuws van {identity.name} als JSON en CSV."),
        "dct:publisher": publisher, "dct:language": _ref(DUTCH), "dct:license": licence,
        "foaf:homepage": _ref(address(page)), **_dates(min(every, default=None), max(every, default=None)),
        "dcat:dataset": [dataset(data) for data in datasets],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
