"""The forms of the digital cup of coffee. They check the shape of what
was sent; the services decide (past, overlapping, taken) with the same
words."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from portal.core.ical import AMSTERDAM

from ..errors import ExpertsError
from ..forms import _TextField
from ..sanitise import meeting_url_clean
from .services import DURATIONS, TOPIC_LIMIT


def local_moment(day: dt.date, time: dt.time) -> dt.datetime | None:
    """``day`` at ``time`` in Amsterdam, or None for a time the clock skips
    when summer time starts."""
    wall = dt.datetime.combine(day, time)
    moment = timezone.make_aware(wall, AMSTERDAM)
    # Through UTC and back: a skipped time comes back an hour off.
    back = moment.astimezone(dt.UTC).astimezone(AMSTERDAM)
    return moment if back.replace(tzinfo=None) == wall else None


class SlotForm(forms.Form):
    day = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Give the date."),
            "invalid": _("Give the date as day-month-year, for example 14-03-2027."),
        },
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
    )
    start = forms.TimeField(
        label=_("Start time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Give the start time."),
            "invalid": _("Give the start time as hours:minutes, for example 10:30."),
        },
    )
    minutes = forms.TypedChoiceField(
        label=_("Length"),
        choices=[
            (m, format_lazy(ngettext_lazy("{n} minute", "{n} minutes", m), n=m))
            for m in DURATIONS
        ],
        coerce=int,
        initial=30,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a length from the list."),
            "invalid_choice": _("Choose a length from the list."),
        },
    )
    meeting_url = forms.CharField(
        label=_("Meeting link"),
        required=False,
        max_length=500,
        help_text=_(
            "A link to Teams, Zoom or another video call, starting with https://. "
            "Leave it empty if you will call the member."
        ),
        widget=forms.URLInput(attrs={"inputmode": "url"}),
    )

    def clean_meeting_url(self) -> str:
        try:
            return meeting_url_clean(self.cleaned_data["meeting_url"])
        except ExpertsError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean(self):
        cleaned = super().clean()
        day, start = cleaned.get("day"), cleaned.get("start")
        if day and start:
            cleaned["starts_at"] = local_moment(day, start)
            if cleaned["starts_at"] is None:
                self.add_error(
                    "start",
                    _("This time does not exist on that day (summer time starts)."),
                )
        return cleaned


class BookingForm(forms.Form):
    """The slot is chosen from the radio buttons the page draws by host; a
    slot that is gone by now is the service's to report."""

    slot = forms.IntegerField(
        min_value=1,
        error_messages={
            "required": _("Choose a time."),
            "invalid": _("Choose a time."),
            "min_value": _("Choose a time."),
        },
    )
    topic = _TextField(
        label=_("What would you like to talk about?"),
        limit=TOPIC_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": TOPIC_LIMIT}),
        help_text=_(
            "A sentence or two, so the host can prepare. Only the host and you "
            "see it; it is erased after the conversation."
        ),
    )
