"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError

# The widest integer the databases store (SQLite and a PostgreSQL bigint).
_ID_RANGE = range(-(2**63), 2**63)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Checkboxes of objects chosen by id. An id no database integer can hold
    (a hand-made request) is refused like any unknown id: Django passes it on
    to the query, where SQLite raises OverflowError, a server error."""

    def _check_values(self, value):
        for pk in value:
            try:
                out_of_range = int(str(pk).strip()) not in _ID_RANGE
            except ValueError:
                continue  # not a number: Django's own check refuses it
            if out_of_range:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)
