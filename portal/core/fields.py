"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError

from .params import id_in_range


def _out_of_range(value) -> bool:
    try:
        int(str(value).strip())
    except ValueError:
        return False  # not a number: Django's own check refuses it
    return not id_in_range(value)


class IdChoiceField(forms.ModelChoiceField):
    """A choice of one object by id; an id no database integer can hold is
    refused like any unknown id (see IdMultipleChoiceField)."""

    def to_python(self, value):
        if value not in self.empty_values and _out_of_range(value):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Checkboxes of objects chosen by id. An id no database integer can hold
    (a hand-made request) is refused like any unknown id: Django passes it on
    to the query, where SQLite raises OverflowError, a server error."""

    def _check_values(self, value):
        for pk in value:
            if _out_of_range(pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
