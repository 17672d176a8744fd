"""The form a respondent fills in, built by Wagtail's form builder from the
survey's questions, with the community's personal-data guard on the open
answers: a survey about people gets answers that name them."""

import django.forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from community.guard import CHOICES, KEEP, REPLACE, GuardResult, guard_check_texts

#: Question types whose answers are typed text, read by the guard and
#: listed on the results page rather than counted.
FREE_TEXT_TYPES = ("singleline", "multiline")
#: Question types whose answers are counted and drawn as a chart.
CHOICE_TYPES = ("radio", "dropdown", "checkboxes", "multiselect", "checkbox")
#: An open answer longer than this is refused: the form is no letterbox.
ANSWER_MAX_LENGTH = 5000


class SurveyForm(BaseForm):
    #: The names of the open-answer fields (set by the builder).
    free_text: tuple[str, ...] = ()
    #: Set when the guard stops the answers: what it found in all of them.
    guard_result: GuardResult | None = None
    #: Set when the respondent answered the guard: (choice, what it found).
    guard_used: tuple[str, GuardResult] | None = None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        names = [name for name in self.free_text if cleaned.get(name)]
        if not names:
            return cleaned
        results = guard_check_texts([cleaned[name] for name in names])
        found = GuardResult(
            findings=tuple(f for result in results for f in result.findings),
            replaced="",
        )
        if not found.findings:
            return cleaned
        # The guard's buttons post their answer; it is no field of its own,
        # so a form shown again never carries an old answer along.
        choice = self.data.get("guard", "")
        choice = choice if choice in CHOICES else ""
        if choice == REPLACE:
            for name, result in zip(names, results, strict=True):
                cleaned[name] = result.replaced
        elif choice != KEEP:
            self.guard_result = found
            raise django.forms.ValidationError(
                _(
                    "Your answers seem to hold personal data. Choose what to do "
                    "before they are sent."
                ),
                code="personal_data",
            )
        self.guard_used = (choice, found)
        return cleaned


class SurveyFormBuilder(FormBuilder):
    def create_multiline_field(self, field, options):
        # A validator rather than max_length: a maxlength attribute would
        # cut a pasted answer off without a word.
        options["validators"] = [MaxLengthValidator(ANSWER_MAX_LENGTH)]
        options["widget"] = django.forms.Textarea(attrs={"rows": 5})
        return super().create_multiline_field(field, options)

    def get_form_class(self):
        free_text = tuple(
            field.clean_name or field.get_field_clean_name()
            for field in self.fields
            if field.field_type in FREE_TEXT_TYPES
        )
        return type(
            "SurveyForm", (SurveyForm,), {**self.formfields, "free_text": free_text}
        )
