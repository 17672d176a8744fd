from allauth.account.adapter import get_adapter
from allauth.account.forms import LoginForm, SignupForm
from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from portal.core.honeypot import HoneypotFormMixin, bot_caught
from portal.core.regions import Region
from portal.core.single_line import SingleLineCharField


class AccountRequestForm(HoneypotFormMixin, SignupForm):
    """'Account aanvragen': who the professional is and where they work."""

    first_name = SingleLineCharField(
        label=_("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = SingleLineCharField(
        label=_("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    organisation = SingleLineCharField(
        label=_("Organisation"),
        max_length=200,
        help_text=_("For example: Gemeente Utrecht, Politie Midden-Nederland."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    job_title = SingleLineCharField(
        label=_("Function"),
        max_length=200,
        help_text=_("For example: OOV-adviseur, wijkagent, jongerenwerker."),
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )

    field_order = [
        "first_name",
        "last_name",
        "organisation",
        "job_title",
        "email",
        "password1",
        "password2",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Work e-mail address")
        self.fields["email"].help_text = _(
            "Use the address of your organisation; we send a link to verify it."
        )

    def try_save(self, request: HttpRequest):
        if bot_caught(request, self, name="account request"):
            # The page a person sees next ('check your e-mail'), but no
            # account is made and no mail sent.
            return None, get_adapter(request).respond_email_verification_sent(
                request, None
            )
        return super().try_save(request)


class AccountLoginForm(HoneypotFormMixin, LoginForm):
    def clean(self):
        if bot_caught(self.request, self, name="login"):
            # The answer to a wrong password. No password is checked, so a
            # robot does not use up a member's allowance of failed logins.
            raise get_adapter(self.request).validation_error("email_password_mismatch")
        return super().clean()


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The applicant receives this text by e-mail."),
    )


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that you want to delete your account."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not correct."))
        return password


class ProfileForm(forms.Form):
    """The member's name, organisation and function, as others see them in
    registrations and discussions, and the home region only they see."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    organisation = forms.CharField(
        label=_("Organisation"), max_length=200, required=False
    )
    job_title = forms.CharField(label=_("Function"), max_length=200, required=False)
    home_region = forms.ChoiceField(
        label=_("Home region"),
        choices=[("", _("No home region")), *Region.choices],
        required=False,
        help_text=_(
            "Your overview then shows upcoming meetings and recent cases in "
            "this region. Nobody else sees it."
        ),
        error_messages={
            "invalid_choice": _("Choose one of the regions in the list."),
        },
    )
