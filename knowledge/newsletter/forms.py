from django import forms
from django.utils.translation import gettext_lazy as _

from portal.core.honeypot import HoneypotFormMixin
from portal.core.single_line import SingleLineCharField


class SignupForm(HoneypotFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = SingleLineCharField(
        label=_("Name"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
