"""Office hours, for the escalation of urgent requests: "two working hours"
counts only the time an adviser is at work (Monday to Friday, 08:30-17:30
in Amsterdam). Public holidays are not known here; on one, a request is
escalated as on a working day, which errs on the side of the requester."""

import datetime as dt
import zoneinfo

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
DAY_STARTS = dt.time(8, 30)
DAY_ENDS = dt.time(17, 30)


def working_time_between(start: dt.datetime, end: dt.datetime) -> dt.timedelta:
    """The part of ``start``-``end`` (aware datetimes) that falls in office
    hours, day by day in Amsterdam time (so a change to summer time is
    counted as it is lived)."""
    total = dt.timedelta()
    if end <= start:
        return total
    day = start.astimezone(AMSTERDAM).date()
    last = end.astimezone(AMSTERDAM).date()
    while day <= last:
        if day.weekday() < 5:
            opens = dt.datetime.combine(day, DAY_STARTS, AMSTERDAM)
            closes = dt.datetime.combine(day, DAY_ENDS, AMSTERDAM)
            overlap = min(end, closes) - max(start, opens)
            if overlap > dt.timedelta():
                total += overlap
        day += dt.timedelta(days=1)
    return total
