"""The zone's identity for newsletters and footers: set once in mkdocs.yml under `extra.zone`."""

from __future__ import annotations

from pydantic import Field

from .common import Model, Text


class Colours(Model):
    primary: str = Field("#2f3f8f", pattern=r"^#[0-9a-fA-F]{6}$",
                         description="Hoofdkleur (kop, knoppen); wit erop moet leesbaar zijn.")
    text: str = Field("#1f2430", pattern=r"^#[0-9a-fA-F]{6}$", description="Kleur van de tekst.")
    background: str = Field("#eef1f7", pattern=r"^#[0-9a-fA-F]{6}$", description="Achtergrond rond de mail.")


class Identity(Model):
    name: Text = Field(description="Naam van de zone.")
    address: str = Field("", description="Postadres, voor de voettekst van de nieuwsbrief.")
    email: str = Field("", description="Contactadres.")
    logo: str = Field("", description="Volledige https-link naar een logo (PNG of JPG), of leeg.")
    colours: Colours = Field(default_factory=Colours, description="Kleuren van de nieuwsbrief.")
    footer: str = Field("", description="Extra zin onderaan de nieuwsbrief.")
    unsubscribe: str = Field("*|UNSUB|*", description="Uitschrijflink die je mailprogramma invult "
                             "(Mailchimp: *|UNSUB|*, Brevo: {{ unsubscribe }}).")
