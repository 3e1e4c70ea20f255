"""The zone's identity for the site's footer and the newsletter: set once in mkdocs.yml under `extra.zone`."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from .common import List, Model, Text, Url


class Colours(Model):
    primary: str = Field("#2f3f8f", pattern=r"^#[0-9a-fA-F]{6}$",
                         description="Hoofdkleur (kop, knoppen); wit erop moet leesbaar zijn.")
    text: str = Field("#1f2430", pattern=r"^#[0-9a-fA-F]{6}$", description="Kleur van de tekst.")
    background: str = Field("#eef1f7", pattern=r"^#[0-9a-fA-F]{6}$", description="Achtergrond rond de mail.")


class Licence(Model):
    name: Text = Field("CC BY 4.0", description="Naam van de licentie, bv. \"CC BY 4.0\" of \"CC0 1.0\".")
    url: Url = Field("https://creativecommons.org/licenses/by/4.0/",
                     description="Volledige link naar de tekst van de licentie.")


class Identity(Model):
    name: Text = Field(description="Naam van de zone.")
    address: str = Field("", description="Postadres, voor de voettekst van de site en de nieuwsbrief.")
    email: str = Field("", description="Contactadres.")
    phone: str = Field("", description="Telefoonnummer zoals je het schrijft, bv. 054 12 34 56.")
    privacy: str = Field("", description="Adres van de privacyverklaring: een pagina van deze site "
                         "(bv. `privacy/`) of een volledige https-link.")
    voice: Literal["u", "je"] = Field("u", description="Hoe de site lezers aanspreekt: `u` of `je`. "
                                      "Geldt voor alle vaste teksten van de site en de nieuwsbrief.")
    logo: str = Field("", description="Volledige https-link naar een logo (PNG of JPG), of leeg.")
    share_image: str = Field("", description="Beeld dat verschijnt als iemand een link naar de site deelt (Teams, "
                             "LinkedIn, WhatsApp): een pad binnen de site (bv. `assets/deelbeeld.png`, een bestand "
                             "in `docs/assets/`) of een volledige https-link, liefst 1200 × 630 pixels. Leeg: een "
                             "eenvoudig standaardbeeld.")
    colours: Colours = Field(default_factory=Colours, description="Kleuren van de nieuwsbrief.")
    footer: str = Field("", description="Extra zin onderaan de nieuwsbrief.")
    license: Licence = Field(default_factory=Licence, description="Licentie van de open data (`/data/`): `name` "
                             "en `url`. Standaard CC BY 4.0: iedereen mag de gegevens gebruiken als de zone "
                             "vermeld wordt.")
    unsubscribe: str = Field("*|UNSUB|*", description="Uitschrijflink die je mailprogramma invult "
                             "(Mailchimp: *|UNSUB|*, Brevo: {{ unsubscribe }}).")
    municipalities: Annotated[list[Text], List] = Field(
        [], alias="gemeenten", description="De gemeenten van de zone, bv. `[Geraardsbergen, Ninove]`. Fiches en "
        "berichten kunnen er dan een of meer noemen (`gemeenten:`), het overzicht van een actieplan filtert erop "
        "en elke gemeente krijgt een pagina (`/gemeente/<naam>/`). Laat weg als de zone dat niet gebruikt.")

    @field_validator("share_image")
    @classmethod
    def _image_address(cls, value: str) -> str:
        # Link previews fetch the image from outside: a path in this site or a full https address.
        if value and not re.fullmatch(r"https://\S+|[^:\s]+\.(png|jpe?g)", value, flags=re.I):
            raise PydanticCustomError(
                "share_image", "'{value}' is geen beeld dat een link kan tonen — schrijf een pad binnen de site "
                "naar een PNG of JPG (bv. `assets/deelbeeld.png`) of een volledige https-link", {"value": value})
        return value
