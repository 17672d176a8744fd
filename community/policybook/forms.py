from django import forms
from django.utils.translation import gettext_lazy as _

from .errors import PolicyBookError
from .periods import half_year_parse


class BuildForm(forms.Form):
    period = forms.CharField(
        label=_("Half year"),
        max_length=20,
        help_text=_(
            "For example 2026-H1 (January to June) or 2026-H2 (July to December)."
        ),
        error_messages={"required": _("Give a half year, for example 2026-H1.")},
    )

    def clean_period(self) -> str:
        try:
            return half_year_parse(self.cleaned_data["period"]).code
        except PolicyBookError as exc:
            raise forms.ValidationError(str(exc)) from exc
