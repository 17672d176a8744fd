"""The regions of the platform: the twelve provinces and the whole country.

One list for every app (events, cases, experts, a member's home region), in
``portal`` so that each of them may import it without pointing against the
apps' dependency arrow.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    """The twelve provinces, and the whole country for what is national."""

    GRONINGEN = "groningen", _("Groningen")
    FRIESLAND = "friesland", _("Friesland")
    DRENTHE = "drenthe", _("Drenthe")
    OVERIJSSEL = "overijssel", _("Overijssel")
    FLEVOLAND = "flevoland", _("Flevoland")
    GELDERLAND = "gelderland", _("Gelderland")
    UTRECHT = "utrecht", _("Utrecht")
    NORTH_HOLLAND = "noord-holland", _("North Holland")
    SOUTH_HOLLAND = "zuid-holland", _("South Holland")
    ZEELAND = "zeeland", _("Zeeland")
    NORTH_BRABANT = "noord-brabant", _("North Brabant")
    LIMBURG = "limburg", _("Limburg")
    NATIONAL = "landelijk", _("Nationwide")


#: Room for the longest value ("noord-holland") with some to spare.
REGION_LENGTH = 20


def region_field(verbose_name, **kwargs) -> models.CharField:
    """An optional region: empty for what has no place (an online meeting)."""
    kwargs.setdefault("blank", True)
    return models.CharField(
        verbose_name, max_length=REGION_LENGTH, choices=Region.choices, **kwargs
    )
