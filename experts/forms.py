import uuid

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from portal.core.fields import IdMultipleChoiceField
from portal.core.regions import Region
from portal.core.single_line import SingleLineCharField

from .errors import ExpertsError
from .models import NEW_URGENCIES, Availability, ExpertiseTag
from .sanitise import MAX_TEXT_LENGTH, callback_phone_clean, text_clean

DESCRIPTION_HELP = _(
    "Describe the situation and what you need. Names, telephone numbers, "
    "accounts and other personal data are replaced before an expert or "
    "adviser reads it; you keep seeing your own text until the request closes."
)


class _TextField(forms.CharField):
    """Plain text checked by the service's own rules, so a refusal has the
    same words in the form as in the service."""

    def __init__(self, *, limit: int = MAX_TEXT_LENGTH, **kwargs):
        self.limit = limit
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 6}))
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        try:
            cleaned = text_clean(value, limit=self.limit)
        except ExpertsError as exc:
            raise forms.ValidationError(str(exc)) from exc
        if self.required and not cleaned:
            raise forms.ValidationError(self.error_messages["required"])
        return value


class HelpRequestForm(forms.Form):
    urgency = forms.ChoiceField(
        label=_("How urgent is it?"),
        choices=[(u.value, u.label) for u in NEW_URGENCIES],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how urgent the request is.")},
    )
    municipality = SingleLineCharField(
        label=_("Municipality"),
        max_length=200,
        error_messages={"required": _("Give the municipality.")},
    )
    region = forms.ChoiceField(
        label=_("Province"),
        choices=[("", _("Choose a province")), *Region.choices],
        error_messages={"required": _("Choose a region from the list.")},
    )
    callback_phone = forms.CharField(
        label=_("Number to call you back on"),
        max_length=30,
        required=False,
        help_text=_(
            "Required for acute help. Only the adviser and the experts assigned "
            "see it, and it is erased when the request closes."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    description = _TextField(
        label=_("What is going on?"),
        help_text=DESCRIPTION_HELP,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": _("Describe what is going on.")},
    )
    expertise = forms.ModelMultipleChoiceField(
        label=_("Expertise wanted"),
        queryset=ExpertiseTag.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose what kind of help you need; leave empty if unsure."),
    )
    form_token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, urgency: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", uuid.uuid4())
            if urgency:
                self.initial["urgency"] = urgency

    def clean(self):
        cleaned = super().clean()
        # The service's rule, shown at the field rather than above the form.
        try:
            cleaned["callback_phone"] = callback_phone_clean(
                cleaned.get("callback_phone", ""), cleaned.get("urgency", "")
            )
        except ExpertsError as exc:
            self.add_error("callback_phone", str(exc))
        return cleaned


class MessageForm(forms.Form):
    body = _TextField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write a message.")},
    )


class AssignForm(forms.Form):
    experts = IdMultipleChoiceField(
        label=_("Experts"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one expert.")},
    )

    def __init__(self, *args, experts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["experts"].queryset = experts


class ExpertProfileAdminForm(WagtailAdminModelForm):
    """The adviser's form for an expert in the Wagtail admin: the
    organisation is carried into mails, so it is kept to one line."""

    organisation = SingleLineCharField(label=_("Organisation"), max_length=200)


class OwnProfileForm(forms.Form):
    availability = forms.ChoiceField(
        label=_("Availability"), choices=Availability.choices, widget=forms.RadioSelect
    )
    description = _TextField(
        label=_("Short description"),
        limit=1000,
        required=False,
        help_text=_(
            "What you can help with, in a few sentences (at most 1000 characters)."
        ),
    )
    phone = forms.CharField(label=_("Telephone number"), max_length=30, required=False)
    show_email = forms.BooleanField(
        label=_("Show my e-mail address to members"), required=False
    )
    show_phone = forms.BooleanField(
        label=_("Show my telephone number to members"), required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("show_phone") and not (cleaned.get("phone") or "").strip():
            self.add_error("phone", _("Give a telephone number to show it."))
        return cleaned
