"""Pointers to things that may live outside the repository: an earlier plan, a document, a site."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .common import Markdown, Model, Text, text_as


class Reference(Model):
    text: Text = Field(alias="tekst", description="Waarnaar verwezen wordt, zoals het plan het noemt, bv. "
                       "\"Actie 'IT-ondersteuning' uit het actieplan 2024\".")
    link: str = Field("", pattern=r"^(https?://\S+)?$",
                      description="Volledige link (https://…) als het stuk online staat; mag leeg blijven.")


ReferenceOrText = Annotated[Reference, text_as("tekst", Reference)]
"""A reference written as a plain text or as `tekst` and `link`."""


class Appendix(Model):
    title: Text = Field(alias="titel", description="Titel van de bijlage, bv. \"Bijlage I: tijdlijn\".")
    description: Markdown = Field("", alias="omschrijving", description="Wat er in de bijlage staat.")
    file: str = Field("", alias="bestand", description="Een bestand in de repository (Excel, pdf …), met het pad "
                      "vanaf de map van het plan, bv. `bijlagen/tijdlijn.xlsx`. Wordt mee gepubliceerd.")
    link: str = Field("", pattern=r"^(https?://\S+)?$", description="Of: een volledige link (https://…) naar de "
                      "bijlage op een andere plek.")
    content: Markdown = Field("", alias="inhoud", description="Of: de tekst van de bijlage, als eigen pagina.")

    @model_validator(mode="after")
    def _one_place(self) -> "Appendix":
        if self.file and self.link:
            raise PydanticCustomError("appendix_both", "`bestand` en `link` staan er allebei — houd er één",
                                      {"field": "link"})
        return self
