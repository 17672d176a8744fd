"""The form fields' accessible rendering: a form sent back with errors puts
focus on its first invalid field, since no script can move it there."""

import re

from django import forms
from django.template import Context, Template

from portal.core.honeypot import HoneypotFormMixin

RENDER = Template(
    "{% load form_tags %}{% for field in form %}{% accessible_widget field %}"
    "{% endfor %}"
)


class _Form(HoneypotFormMixin, forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    name = forms.CharField()
    city = forms.CharField(required=False)
    email = forms.EmailField()


def _render(form: forms.Form) -> str:
    return RENDER.render(Context({"form": form}))


def _autofocused(html: str) -> list[str]:
    """The names of the inputs rendered with autofocus."""
    inputs = re.findall(r"<input[^>]*>", html)
    return [
        re.search(r'name="([^"]+)"', tag)[1] for tag in inputs if " autofocus" in tag
    ]


def test_only_the_first_invalid_visible_field_gets_focus():
    html = _render(_Form({"token": "x", "city": "Houten", "email": "geen-adres"}))
    assert _autofocused(html) == ["name"]
    assert html.count("autofocus") == 1


def test_a_later_field_gets_focus_when_the_first_is_valid():
    html = _render(_Form({"token": "x", "name": "Sem", "email": "geen-adres"}))
    assert _autofocused(html) == ["email"]


def test_no_focus_on_a_fresh_or_valid_form():
    assert "autofocus" not in _render(_Form())
    valid = _Form({"token": "x", "name": "Sem", "email": "sem@houten.example"})
    assert valid.is_valid()
    assert "autofocus" not in _render(valid)


def test_a_hidden_field_with_an_error_takes_no_focus():
    # The token is invalid (missing) as well, but people cannot reach it.
    html = _render(_Form({"name": "", "email": "sem@houten.example"}))
    assert _autofocused(html) == ["name"]
