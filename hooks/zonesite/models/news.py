"""A news item: Markdown with front matter in the keys MkDocs and Material already use."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, PlainValidator, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from ..dates import BRUSSELS, moment_start
from .common import List, Model, Text, Url, YearMonth, date_guess, in_years

_LOCAL = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def parse_moment(value: Any) -> dt.date | dt.datetime:
    """A date, or a date and time in Brussels: editors never think in UTC.

    YAML turns `2025-05-17 09:30:00` into a naive datetime and leaves `2025-05-17 09:30` a string;
    both mean Brussels time. A written offset (`+02:00`) is honoured and converted."""
    if isinstance(value, dt.date):
        in_years(value)  # before any time zone arithmetic, which overflows near year 1 and 9999
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=BRUSSELS) if value.tzinfo is None else value.astimezone(BRUSSELS)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = _LOCAL.match(value.strip())
        try:
            if match:
                year, month, day, hour, minute, second = (int(g) if g else None for g in match.groups())
                if hour is None:
                    return parse_moment(dt.date(year, month, day))
                return parse_moment(dt.datetime(year, month, day, hour, minute, second or 0))
            return parse_moment(dt.datetime.fromisoformat(value.strip()))
        except (ValueError, OverflowError):
            pass
    guess = date_guess(value)
    raise PydanticCustomError(
        "moment", "'{value}' is geen geldige datum of tijd" + (guess or " — schrijf 2025-05-17 of 2025-05-17 09:30"),
        {"value": value})


Moment = Annotated[
    dt.date | dt.datetime,
    PlainValidator(parse_moment),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?",
                    "examples": ["2025-05-17", "2025-05-17 09:30"]}),
]


def _newsletter(value: Any) -> bool | YearMonth:
    if isinstance(value, bool):
        return value
    try:
        return YearMonth.parse(value)
    except PydanticCustomError:
        raise PydanticCustomError(
            "newsletter", "'{value}' is geen geldige keuze — schrijf false (niet in de nieuwsbrief) "
            "of een maand als \"2025-06\" (in de nieuwsbrief van die maand)", {"value": value}) from None


NewsletterChoice = Annotated[
    bool | YearMonth,
    PlainValidator(_newsletter),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"}]}),
]


class Image(Model):
    src: Text = Field(description="Pad naar de afbeelding, vanaf het bericht, bv. `beelden/trefdag.jpg`.")
    alt: Text = Field(description="Wat er op de afbeelding staat, voor wie ze niet ziet (verplicht).")


# What may happen to an event after it was announced. No status: it takes place as announced.
EventStatus = Literal["geannuleerd", "uitgesteld"]
STATUS_LABELS = {"geannuleerd": "Geannuleerd", "uitgesteld": "Uitgesteld"}
# How people take part. No `vorm` (content written before it existed): "ter plaatse", except that
# the JSON-LD still recognises "online" or "via Teams" in the location text (metadata.attendance).
Form = Literal["ter plaatse", "online", "hybride"]


class Event(Model):
    # What the validator below checks, for editors' tools too: where, unless only online; a link if online.
    model_config = ConfigDict(json_schema_extra={"allOf": [
        {"if": {"not": {"required": ["vorm"], "properties": {"vorm": {"const": "online"}}}},
         "then": {"required": ["location"]}},
        {"if": {"required": ["vorm"], "properties": {"vorm": {"enum": ["online", "hybride"]}}},
         "then": {"required": ["link"]}}]})

    start: Moment = Field(description="Begin: 2025-05-17 19:00, of alleen een datum voor een hele dag.")
    end: Moment | None = Field(None, description="Einde, niet vóór het begin.")
    location: Text | None = Field(
        None, description="Waar: zaal, straat en gemeente. Verplicht, behalve bij `vorm: online`.")
    registration: Url = Field("", description="Link om in te schrijven (https://…).")
    status: EventStatus | None = Field(
        None, description="`geannuleerd` of `uitgesteld` als de activiteit niet doorgaat zoals aangekondigd. "
                          "Laat weg als ze doorgaat.")
    form: Form | None = Field(
        None, alias="vorm", description="`ter plaatse` (standaard), `online` of `hybride` (ter plaatse én online).")
    link: Url = Field("", description="Bij `vorm: online` of `hybride`: de link om online mee te doen (https://…).")

    @property
    def online(self) -> bool:
        return self.form in ("online", "hybride")

    @property
    def where(self) -> str:
        """Where to go, in words: the place, "Online", or both."""
        if self.form == "online":
            return "Online" + (f" ({self.location})" if self.location else "")
        if self.form == "hybride":
            return f"{self.location}, en online"
        return self.location or ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status or "", "")

    def ends_at(self) -> dt.datetime:
        """When the event is over: its end, or the end of its last whole day."""
        last = self.end or self.start
        if isinstance(last, dt.datetime):
            return last
        return moment_start(last + dt.timedelta(days=1))

    @model_validator(mode="after")
    def _end_after_start(self) -> "Event":
        if self.end is not None and type(self.end) is not type(self.start):
            raise PydanticCustomError(
                "event_kinds", "begin en einde moeten allebei een datum zijn, of allebei een datum met uur",
                {"field": "end"})
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError("event_order", "het einde ligt vóór het begin — controleer `start` en `end`",
                                      {"field": "end"})
        if self.location is None and self.form != "online":
            raise PydanticCustomError(
                "event_location", "zeg waar de activiteit plaatsvindt — voeg `location` toe, of schrijf "
                "`vorm: online` als ze alleen online is", {"field": "location"})
        if self.online and not self.link:
            raise PydanticCustomError(
                "event_link", "een activiteit met `vorm: {form}` heeft een link nodig om online mee te doen — "
                "voeg `link: https://…` toe, of schrijf `vorm: ter plaatse`", {"form": self.form, "field": "link"})
        if self.link and not self.link.lower().startswith("https://"):
            raise PydanticCustomError(
                "event_link_web", "'{link}' is geen webadres — schrijf de link om online mee te doen met "
                "https:// ervoor", {"link": self.link, "field": "link"})
        return self


# Every tag gets a page listing its items; a handful per item keeps the archive useful and small.
MAX_TAGS = 20

Audience = Literal["professionals", "burgers", "partners"]


class NewsItem(Model):
    title: Text = Field(description="Titel van het bericht.")
    date: Moment = Field(description="Publicatiedatum (Brussel). Een datum in de toekomst: pas dan online.")
    description: Text = Field(description="Samenvatting in een of twee zinnen.")
    tags: Annotated[list[Text], List] = Field([], max_length=MAX_TAGS, description="Onderwerpen.")
    audience: Annotated[list[Audience], List] = Field(
        [], description="Voor wie: professionals, burgers, partners.")
    image: Image | None = Field(None, description="Afbeelding: `src` en `alt`.")
    draft: bool = Field(False, description="`true`: een concept, nergens gepubliceerd.")
    actions: Annotated[list[Text], List] = Field(
        [], description="Fiches waarover het bericht gaat: `<actieplan-id>/<fiche-id>`.")
    event: Event | None = Field(None, description="Maakt van het bericht een activiteit in de agenda.")
    # The same word as in a fiche and in mkdocs.yml: an editor copies one word from one to the other.
    municipalities: Annotated[list[Text], List] = Field(
        [], alias="gemeenten", description="Gemeenten van de zone waarover het bericht gaat of waar de activiteit "
        "plaatsvindt, geschreven zoals in `mkdocs.yml` (`extra.zone.gemeenten`). Laat weg als het de hele zone "
        "betreft.")
    newsletter: NewsletterChoice = Field(
        True, description="`false`: niet in de nieuwsbrief; \"JJJJ-MM\": in de nieuwsbrief van die maand.")
    expires: Moment | None = Field(
        None, description="Vanaf dit moment (Brussel) niet meer in lijsten, agenda, feeds en nieuwsbrief; "
                          "de pagina blijft, met de melding dat het bericht verlopen is.")

    @model_validator(mode="after")
    def _expires_after_date(self) -> "NewsItem":
        if self.expires is not None and self.expired_at <= self.published:
            raise PydanticCustomError(
                "expires_order", "het bericht verloopt al voor het verschijnt — kies voor `expires` een moment "
                "na `date` ({date}), of laat `expires` weg", {"date": f"{self.date:%Y-%m-%d}", "field": "expires"})
        return self

    @property
    def published(self) -> dt.datetime:
        return moment_start(self.date)

    @property
    def expired_at(self) -> dt.datetime | None:
        """A bare date expires at the start of that day: "verlopen op 3 maart" means gone that day."""
        return moment_start(self.expires) if self.expires is not None else None

    @property
    def newsletter_month(self) -> YearMonth | None:
        if self.newsletter is False:
            return None
        if isinstance(self.newsletter, YearMonth):
            return self.newsletter
        return YearMonth(self.date.year, self.date.month)
