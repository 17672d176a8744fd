"""The robot trap shared by the forms strangers post (portal.core.honeypot)."""

import logging
import re

from django import forms
from django.test import RequestFactory

from portal.core.honeypot import HONEYPOT_FIELD, HoneypotFormMixin, bot_caught


class ContactForm(HoneypotFormMixin, forms.Form):
    email = forms.EmailField()


def test_trap_is_hidden_by_class_and_kept_from_keyboard_and_autofill():
    html = str(ContactForm(data={HONEYPOT_FIELD: "https://spam.example"}))
    trap = re.search(r'<div class="form-trap".*?</div>', html, re.DOTALL)[0]
    assert 'aria-hidden="true"' in trap
    assert "style=" not in trap
    field = re.search(r"<input[^>]*>", trap)[0]
    assert 'tabindex="-1"' in field
    assert 'autocomplete="off"' in field
    # Never shown back, so a person who reaches it is not puzzled by spam.
    assert "spam.example" not in field
    assert re.search(r'<label for="id_website">Laat dit veld leeg', trap)


def test_trap_goes_with_the_hidden_fields_not_the_labelled_ones():
    form = ContactForm()
    assert [f.name for f in form.hidden_fields()] == [HONEYPOT_FIELD]
    assert [f.name for f in form.visible_fields()] == ["email"]


def test_filled_trap_is_caught_and_logged_without_the_senders_data(caplog):
    request = RequestFactory().post("/formulier/")
    caplog.set_level(logging.INFO, logger="portal.core.honeypot")
    empty = ContactForm(data={"email": "a@b.example", HONEYPOT_FIELD: "  "})
    assert not bot_caught(request, empty, name="contact")
    assert caplog.records == []
    filled = ContactForm(data={"email": "a@b.example", HONEYPOT_FIELD: "x"})
    assert bot_caught(request, filled, name="contact")
    [record] = caplog.records
    assert record.levelno == logging.INFO
    assert (record.form, record.path) == ("contact", "/formulier/")
    assert "a@b.example" not in record.getMessage()
    # The trap never makes the form invalid: the view decides the answer.
    assert filled.is_valid()
