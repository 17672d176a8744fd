"""Phone numbers as tel: links (#14)."""

import pytest

from portal.core.templatetags.phone_tags import tel_uri


@pytest.mark.parametrize(
    ("number", "uri"),
    [
        ("06-12 34 56 78", "tel:+31612345678"),
        ("030 - 241 55 09", "tel:+31302415509"),
        ("+31 (0)6 1234 5678", "tel:+31612345678"),
        ("+32 2 123 45 67", "tel:+3221234567"),
        ("0032 2 123 45 67", "tel:+3221234567"),
        ("112", "tel:112"),
        ("", "tel:"),
    ],
)
def test_a_number_becomes_a_tel_uri_in_international_form(number, uri):
    assert tel_uri(number) == uri
