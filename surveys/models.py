"""Surveys as pages of Wagtail's form builder: advisers add the questions in
the page editor, the answers are form submissions of our own model, which
also knows who answered (an account or a meeting registration) so that
everyone answers once.

The evaluation of a meeting is a survey for that meeting's participants;
``surveys.evaluations`` makes one from a default set of questions when the
follow-up mail goes out and the adviser did not make one."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .forms import SurveyFormBuilder

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class Audience(models.TextChoices):
    ANYONE = "anyone", _("Anyone")
    MEMBERS = "members", _("Members (logged in and approved)")
    PARTICIPANTS = "participants", _("Participants of one meeting")


class SurveyIndexPage(Page):
    """Where surveys live in the page tree; lists those open to everyone and
    to members (a meeting's evaluation is reached from its mail)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["surveys.SurveyPage"]
    max_count = 1
    template = "surveys/survey_index_page.html"

    class Meta:
        verbose_name = _("surveys overview")

    def get_context(self, request, *args, **kwargs):
        from .selectors import surveys_listed_for

        context = super().get_context(request, *args, **kwargs)
        context["surveys"] = surveys_listed_for(index=self, user=request.user)
        return context


class SurveyPage(AbstractForm):
    """One survey: its questions (form fields), who may answer it and until
    when. Each person answers once."""

    intro = RichTextField(_("introduction"), features=TEXT_FEATURES, blank=True)
    thank_you_text = RichTextField(
        _("thank-you text"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Shown after the answers were sent."),
    )
    audience = models.CharField(
        _("who may answer"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.ANYONE,
        help_text=_(
            "Participants answer through the personal link in the meeting's "
            "follow-up mail, without logging in."
        ),
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "For a survey of the participants of one meeting, such as its "
            "evaluation. The follow-up mail of the meeting links to it."
        ),
    )
    closes_at = models.DateTimeField(
        _("closes at"),
        null=True,
        blank=True,
        help_text=_("After this moment the survey takes no more answers."),
    )

    form_builder = SurveyFormBuilder

    content_panels = [
        *AbstractForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("event"), FieldPanel("closes_at")],
            heading=_("Who and until when"),
        ),
        InlinePanel("form_fields", heading=_("Questions"), label=_("Question")),
        FieldPanel("thank_you_text"),
    ]
    parent_page_types = ["surveys.SurveyIndexPage"]
    subpage_types: list[str] = []
    template = "surveys/survey_page.html"
    landing_page_template = "surveys/survey_page_landing.html"

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def clean(self) -> None:
        super().clean()
        if self.audience == Audience.PARTICIPANTS and not self.event_id:
            raise ValidationError(
                {"event": _("Choose the meeting whose participants answer.")}
            )

    def is_closed(self, now=None) -> bool:
        return self.closes_at is not None and self.closes_at <= (now or timezone.now())

    def get_submission_class(self):
        return SurveyResponse

    def serve(self, request, *args, **kwargs):
        from .views import survey_serve

        return survey_serve(request, survey=self)


class SurveyField(AbstractFormField):
    """One question of a survey."""

    shown_to_visitors = True  # the questions on the survey page

    page = ParentalKey(SurveyPage, on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")


class SurveyResponse(AbstractFormSubmission):
    """One person's answers. ``respondent`` names who answered ("user:12",
    "registration:34"), once per survey; empty for a visitor without an
    account on a survey open to anyone, whom only their session remembers.
    Erased SURVEYS_RETENTION_DAYS after it was given."""

    shown_to_visitors = False

    respondent = models.CharField(max_length=40, blank=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    registration = models.ForeignKey(
        "events.Registration",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        permissions = [("view_results", _("Can see the results of surveys"))]
        constraints = [
            # Once per person, even when two submits race.
            models.UniqueConstraint(
                fields=["page", "respondent"],
                condition=~models.Q(respondent=""),
                name="surveys_one_response_per_respondent",
            )
        ]
        indexes = [models.Index(fields=["submit_time"])]


class SurveyInvitation(models.Model):
    """That a participant was mailed the link to a survey: one row per
    survey and registration, so the hourly run never mails anyone twice."""

    shown_to_visitors = False

    survey = models.ForeignKey(
        SurveyPage, on_delete=models.CASCADE, related_name="invitations"
    )
    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "registration"], name="surveys_invite_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id} → {self.registration_id}"
