""" "Near you" on a member's overview (Mijn Leerkring): upcoming meetings and
recent cases of their home region. It lives in the casebook because the
casebook may read the events app, not the other way round."""

from collections.abc import Mapping
from typing import Any

from events.selectors import agenda_url, events_near
from portal.accounts.access import restricted_sections

from .selectors import casebook_url, cases_near

#: Meetings and cases shown; the agenda and the casebook filter on the region.
SHOWN = 5


def nearby_items(user) -> Mapping[str, Any] | None:
    """None without a home region; otherwise the meetings there (and
    nationwide) and the cases there, with links to the agenda and the
    casebook filtered on it: five queries however many exist."""
    region = user.home_region
    if not region:
        return None
    sections = restricted_sections(user)
    return {
        "region": region,
        "region_label": user.get_home_region_display(),
        "events": events_near(user=user, region=region, limit=SHOWN, sections=sections),
        "cases": cases_near(user=user, region=region, limit=SHOWN, sections=sections),
        "agenda_url": agenda_url(),
        "casebook_url": casebook_url(),
    }
