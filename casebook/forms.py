"""The forms of the casebook. They check what a person typed and hand it to
a service; the service sanitises and decides."""

import uuid

from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from knowledge.interventions.selectors import classifications_all, phases_all
from portal.core.fields import IdChoiceField, IdMultipleChoiceField
from portal.core.regions import Region

from .anonymisation.labels import Label
from .editor import CaseTextEditor
from .models import CaseSubmission
from .redaction import MAX_EXTRA_LENGTH
from .sanitise import MAX_LENGTH, MAX_REVIEWED_LENGTH
from .selectors import platforms_all
from .services import AnonymisedInput, CaseInput
from .services.messages import MAX_MESSAGE_LENGTH
from .services.review import MAX_REASON_LENGTH
from .services.submission import MAX_TAGS, text_too_long_message

_TEXT_HELP = gettext_lazy(
    "Plain text. Leave a blank line between paragraphs. Names and other "
    "personal data may stay: you will see them replaced in the preview."
)


def _long_text(label, help_text=_TEXT_HELP, required=False) -> forms.CharField:
    # No maxlength in the browser: a pasted text that is too long must not be
    # cut off silently, so the limit is checked (with a message) on the server.
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 10}),
    )


def _tags(value: str) -> list[str]:
    return [tag.strip() for tag in value.split(",") if tag.strip()]


class _TextLimits:
    """Per-field checks of the length that give a message on the field."""

    long_fields = ("what_happened", "interventions_tried", "lessons")
    max_length = MAX_LENGTH

    def clean(self):
        cleaned = super().clean()
        for name in self.long_fields:
            value = cleaned.get(name) or ""
            if len(value) > self.max_length:
                self.add_error(name, text_too_long_message(len(value), self.max_length))
        if len(_tags(cleaned.get("tags") or "")) > MAX_TAGS:
            self.add_error("tags", _("Give at most {n} tags.").format(n=MAX_TAGS))
        return cleaned


class CaseForm(_TextLimits, forms.Form):
    """The guided form a member fills in; saved as a draft any time."""

    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=200,
        help_text=gettext_lazy("For example: Call to riot on TikTok after a match."),
    )
    region = forms.CharField(
        label=gettext_lazy("Municipality or region"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "You may keep it general, for example: a medium-sized municipality "
            "in Gelderland."
        ),
    )
    province = forms.ChoiceField(
        label=gettext_lazy("Province"),
        choices=[("", gettext_lazy("Not given")), *Region.choices],
        required=False,
        help_text=gettext_lazy(
            "Members in this province find the case near them once it is "
            "published. Choose 'Nationwide' for a case across the country."
        ),
        error_messages={
            "invalid_choice": gettext_lazy("Choose one of the provinces in the list.")
        },
    )
    period = forms.CharField(
        label=gettext_lazy("Period"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("For example: summer 2024, or 12 to 14 March 2025."),
    )
    platforms = IdMultipleChoiceField(
        label=gettext_lazy("Platforms involved"),
        queryset=platforms_all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    phase = IdChoiceField(
        label=gettext_lazy("Phase the disturbance reached"),
        queryset=phases_all(),
        required=False,
        empty_label=gettext_lazy("Not sure"),
        help_text=gettext_lazy("The phases of the barrier model."),
    )
    classification = IdChoiceField(
        label=gettext_lazy("How the online content classified"),
        queryset=classifications_all(),
        required=False,
        empty_label=gettext_lazy("Not sure"),
    )
    what_happened = _long_text(gettext_lazy("What happened"))
    interventions_tried = _long_text(
        gettext_lazy("Interventions tried, and their effect")
    )
    lessons = _long_text(gettext_lazy("Lessons learned"))
    tags = forms.CharField(
        label=gettext_lazy("Tags"),
        required=False,
        max_length=600,
        help_text=gettext_lazy(
            "Words others would search for, separated by commas, for example: "
            "noodverordening, jongeren."
        ),
    )
    wants_learning_circle = forms.BooleanField(
        label=gettext_lazy(
            "I would like to discuss this case in a small learning circle"
        ),
        required=False,
    )

    @classmethod
    def for_new(cls, data=None) -> "CaseForm":
        return cls(data=data, initial={"form_token": uuid.uuid4()})

    @classmethod
    def for_case(cls, case: CaseSubmission, data=None) -> "CaseForm":
        initial = {
            "title": case.title,
            "region": case.region,
            "province": case.province,
            "period": case.period,
            "platforms": list(case.platforms.all()),
            "phase": case.phase,
            "classification": case.classification,
            "what_happened": case.what_happened,
            "interventions_tried": case.interventions_tried,
            "lessons": case.lessons,
            "tags": ", ".join(sorted(case.tags.names())),
            "wants_learning_circle": case.wants_learning_circle,
        }
        return cls(data=data, initial=initial)

    def case_input(self) -> CaseInput:
        data = self.cleaned_data
        return CaseInput(
            title=data["title"],
            region=data["region"],
            province=data["province"],
            period=data["period"],
            what_happened=data["what_happened"],
            interventions_tried=data["interventions_tried"],
            lessons=data["lessons"],
            platforms=list(data["platforms"]),
            phase=data["phase"],
            classification=data["classification"],
            tags=_tags(data["tags"]),
            wants_learning_circle=data["wants_learning_circle"],
        )


def label_choices() -> list[tuple[str, str]]:
    return [(label.value, label.description.capitalize()) for label in Label]


class MarkForm(forms.Form):
    """A missed item: the exact text and what kind of personal data it is.
    The list of replacements (keep checkboxes) is read from the POST."""

    text = forms.CharField(
        label=gettext_lazy("Text that should be replaced"),
        max_length=MAX_EXTRA_LENGTH,
        required=False,
        help_text=gettext_lazy(
            "Copy it exactly as it is in your text; every place it occurs is replaced."
        ),
    )
    label = forms.ChoiceField(
        label=gettext_lazy("Kind of personal data"),
        choices=label_choices,
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        text = (cleaned.get("text") or "").strip()
        if text and len(text) < 2:
            self.add_error("text", _("Mark at least two characters."))
        if text and not cleaned.get("label") and "label" not in self.errors:
            self.add_error("label", _("Say what kind of personal data you marked."))
        cleaned["text"] = text
        return cleaned


class MessageForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Your message"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("At most 5,000 characters."),
    )

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) > MAX_MESSAGE_LENGTH:
            raise forms.ValidationError(
                _("Keep your message under {n} characters.").format(n="5.000")
            )
        return body


class AnonymisedForm(_TextLimits, forms.Form):
    """The adviser's edit of the anonymised case."""

    max_length = MAX_REVIEWED_LENGTH

    title = forms.CharField(label=gettext_lazy("Title"), max_length=255)
    region = forms.CharField(
        label=gettext_lazy("Municipality or region"), max_length=400, required=False
    )
    period = forms.CharField(
        label=gettext_lazy("Period"), max_length=200, required=False
    )
    province = CaseForm.base_fields["province"]
    platforms = CaseForm.base_fields["platforms"]
    phase = CaseForm.base_fields["phase"]
    classification = CaseForm.base_fields["classification"]
    what_happened = _long_text(
        gettext_lazy("What happened"), help_text=None, required=True
    )
    interventions_tried = _long_text(
        gettext_lazy("Interventions tried, and their effect"), help_text=None
    )
    lessons = _long_text(gettext_lazy("Lessons learned"), help_text=None)
    tags = CaseForm.base_fields["tags"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("what_happened", "interventions_tried", "lessons"):
            self.fields[name].widget = CaseTextEditor()

    @classmethod
    def for_case(cls, case: CaseSubmission, data=None) -> "AnonymisedForm":
        initial = {
            "title": case.anonymised_title,
            "region": case.anonymised_region,
            "province": case.province,
            "period": case.anonymised_period,
            "platforms": list(case.platforms.all()),
            "phase": case.phase,
            "classification": case.classification,
            "what_happened": case.anonymised_what_happened,
            "interventions_tried": case.anonymised_interventions_tried,
            "lessons": case.anonymised_lessons,
            "tags": ", ".join(sorted(case.tags.names())),
        }
        return cls(data=data, initial=initial)

    def anonymised_input(self) -> AnonymisedInput:
        data = self.cleaned_data
        return AnonymisedInput(
            title=data["title"],
            region=data["region"],
            province=data["province"],
            period=data["period"],
            what_happened=data["what_happened"],
            interventions_tried=data["interventions_tried"],
            lessons=data["lessons"],
            platforms=list(data["platforms"]),
            phase=data["phase"],
            classification=data["classification"],
            tags=_tags(data["tags"]),
        )


class PublishForm(forms.Form):
    members_only = forms.BooleanField(
        label=gettext_lazy("For members only"),
        required=False,
        initial=True,
        help_text=gettext_lazy(
            "Only approved members see the case. Untick to make it public."
        ),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for the submitter"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MAX_REASON_LENGTH,
        help_text=gettext_lazy("Sent by e-mail. Do not name anyone."),
    )


class ScheduleForm(forms.Form):
    event = forms.TypedChoiceField(
        label=gettext_lazy("Learning circle"), coerce=int, choices=()
    )

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.events = {event.pk: event for event in events}
        self.fields["event"].choices = [
            (event.pk, f"{event.title} ({date_format(localtime(event.starts_at))})")
            for event in events
        ]

    def chosen_event(self):
        return self.events[self.cleaned_data["event"]]
