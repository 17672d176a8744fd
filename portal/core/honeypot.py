"""A trap for form-filling robots on the forms strangers can post: one field
people never see and robots fill in. No third-party captcha, which would send
visitors' data elsewhere and shut out some people with a disability.

Forms add the field with ``HoneypotFormMixin``; the view asks
``bot_caught(request, form, name=...)`` and, when it says yes, answers as it
would a person (or, for the login, as a wrong password) without storing or
sending anything, so the robot learns nothing to adjust to.
"""

import logging

from django import forms
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# A name robots like to fill in.
HONEYPOT_FIELD = "website"
LABEL = _("Leave this field empty; it is there to catch spam robots.")


class HoneypotInput(forms.TextInput):
    """The input with its label, in a wrapper hidden by site.css
    (``.form-trap``: display none hides it from screen readers as well).

    Should the style sheet not load, the wrapper is still aria-hidden, the
    input out of the tab order and never autofilled, and the label asks
    anyone who does reach it to leave it empty.
    """

    def __init__(self) -> None:
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})

    @property
    def is_hidden(self) -> bool:
        # Rendered with the form's hidden fields, not as a labelled field of
        # its own (includes/form_fields.html).
        return True

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        # A value is never shown back: a person never typed one.
        field = super().render(name, None, attrs, renderer)
        return format_html(
            '<div class="form-trap" aria-hidden="true">'
            '<label for="{}">{}</label>{}</div>',
            (attrs or {}).get("id", ""),
            LABEL,
            field,
        )


class HoneypotFormMixin:
    """Adds the trap field to a form (put it before the form class)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=LABEL,
            required=False,
            widget=HoneypotInput(),
        )

    def honeypot_filled(self) -> bool:
        return bool(str(self.data.get(HONEYPOT_FIELD, "")).strip())


def bot_caught(request: HttpRequest, form: HoneypotFormMixin, *, name: str) -> bool:
    """True when the trap field of ``form`` was filled in; logged at INFO
    with the form's ``name`` (no address or other data of the sender)."""
    if not form.honeypot_filled():
        return False
    logger.info(
        "Form-filling robot caught on the %s form",
        name,
        extra={"form": name, "path": request.path},
    )
    return True
