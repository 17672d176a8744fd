import copy

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.honeypot import HoneypotFormMixin
from portal.core.single_line import SingleLineCharField

from .models import EventKind, EventPage, Registration

QUESTION_PREFIX = "vraag_"
NAME_MAX = Registration._meta.get_field("name").max_length


class QuestionsForm(forms.Form):
    """The event's own questions, as advisers set them."""

    def __init__(self, *args, event: EventPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(event.questions.all())
        for question in self.questions:
            self.fields[f"{QUESTION_PREFIX}{question.pk}"] = _question_field(question)

    def answers(self) -> list[dict[str, str]]:
        return [
            {
                "question": q.label,
                "answer": self.cleaned_data.get(f"{QUESTION_PREFIX}{q.pk}", ""),
            }
            for q in self.questions
        ]


def _question_field(question) -> forms.Field:
    choices = question.choice_list
    if choices:
        return forms.ChoiceField(
            label=question.label,
            required=question.required,
            choices=[("", "—"), *((c, c) for c in choices)],
        )
    return forms.CharField(
        label=question.label,
        required=question.required,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class GuestRegistrationForm(HoneypotFormMixin, QuestionsForm):
    name = SingleLineCharField(
        label=_("Name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = SingleLineCharField(
        label=_("Organisation"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    job_title = SingleLineCharField(
        label=_("Function"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm; without it you get no place."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def details(self) -> dict[str, str]:
        return {
            name: self.cleaned_data[name]
            for name in ("name", "organisation", "job_title", "email")
        }


class MemberRegistrationForm(QuestionsForm):
    """One click for a member: the details come from the account. Only what
    the account lacks (an adviser made with createsuperuser has no
    organisation) is asked, so that the registration is complete."""

    def __init__(self, *args, event: EventPage, user, **kwargs):
        super().__init__(*args, event=event, **kwargs)
        self.user = user
        for name in ("organisation", "job_title"):
            if not getattr(user, name).strip():
                self.fields[name] = copy.deepcopy(
                    GuestRegistrationForm.base_fields[name]
                )

    def details(self) -> dict[str, str]:
        user = self.user
        # An account's name may be longer than a registration's (two parts of
        # 150 characters); a shortened name is better than no place.
        name = (user.get_full_name() or user.email)[:NAME_MAX]
        return {
            "name": name,
            "organisation": self.cleaned_data.get("organisation") or user.organisation,
            "job_title": self.cleaned_data.get("job_title") or user.job_title,
            "email": user.email,
        }


def registration_form(*, event: EventPage, user, member: bool, data=None):
    """The event page's registration form for this visitor."""
    if member:
        return MemberRegistrationForm(data, event=event, user=user)
    return GuestRegistrationForm(data, event=event)


class TopicFollowForm(forms.Form):
    """Follow (``follow`` = 1) or stop following (0) a kind of meeting."""

    kind = forms.ChoiceField(
        label=_("Kind of meeting"),
        choices=EventKind.choices,
        error_messages={
            "required": _("Choose a kind of meeting."),
            "invalid_choice": _("There is no kind of meeting with that name."),
        },
    )
    home_region_only = forms.BooleanField(
        label=_("Only in my home region (and nationwide or online)"),
        required=False,
    )
    follow = forms.TypedChoiceField(
        choices=[("1", "1"), ("0", "0")],
        coerce=lambda value: value == "1",
        required=False,
        empty_value=True,
    )
