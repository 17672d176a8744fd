from django import template
from django.forms import BaseForm, BoundField
from django.utils.safestring import SafeString

register = template.Library()


def _first_invalid_field(form: BaseForm) -> str | None:
    """The name of the first visible field, in the form's order, with an error."""
    errors = form.errors if form.is_bound else {}
    return next(
        (name for name in form.fields if name in errors and not form[name].is_hidden),
        None,
    )


@register.simple_tag
def accessible_widget(field: BoundField) -> SafeString:
    """Render the widget with its help text and error messages tied to it, so
    a screen reader reads them when the field gets focus (WCAG 1.3.1, 3.3.1).

    The first invalid field of a form sent back gets ``autofocus``: the page
    has no JavaScript, and without it keyboard and screen-reader users land at
    the top of the page and must search for what went wrong (WCAG 3.3.1)."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
        if _first_invalid_field(field.form) == field.name:
            attrs["autofocus"] = True
    return field.as_widget(attrs=attrs)
