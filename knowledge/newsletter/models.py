from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubscriberQuerySet(models.QuerySet):
    def for_emails(self, emails: list[str]) -> "SubscriberQuerySet":
        """Subscriptions of these addresses, in any capitals. Compared through
        Lower() like the unique constraint, so PostgreSQL uses its index."""
        wanted = {e.strip().lower() for e in emails}
        return self.alias(email_lower=Lower("email")).filter(email_lower__in=wanted)


class Subscriber(models.Model):
    """Someone who signed up for the newsletter; anyone may, no account needed.

    Unsubscribing deletes the row: a double opt-in already stops others from
    signing someone up against their will, so there is no reason to keep even
    a hashed address as a block list.
    """

    shown_to_visitors = False

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        CONFIRMED = "confirmed", _("Confirmed")

    # Stored lower-cased (see services.normalise_email), so the unique
    # constraint also catches "Jan@Ede.nl" next to "jan@ede.nl".
    email = models.EmailField(_("e-mail address"), max_length=254)
    name = models.CharField(_("name"), max_length=150, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="newsletter_subscriber_email_unique",
                violation_error_message=_("This address has already signed up."),
            )
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class Digest(models.Model):
    """One digest sent (or being sent) to every confirmed subscriber.

    ``sections`` keeps exactly what was mailed, so that a run that broke off
    halfway is finished with the same content, and the next digest starts
    where this period ends.
    """

    shown_to_visitors = False

    # Unique: two runs started at once compute the same start, and only one
    # of them may send.
    period_start = models.DateTimeField(_("from"), unique=True)
    period_end = models.DateTimeField(_("until"))
    sections = models.JSONField(_("contents"), default=list)
    item_count = models.PositiveIntegerField(_("items"), default=0)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-period_end"]

    def __str__(self) -> str:
        return f"{self.period_start:%Y-%m-%d} – {self.period_end:%Y-%m-%d}"


class DigestDelivery(models.Model):
    """Who already has a digest that is still being sent. Deleted once the
    digest is complete: only the count is worth keeping."""

    shown_to_visitors = False

    digest = models.ForeignKey(
        Digest, on_delete=models.CASCADE, related_name="deliveries"
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["digest", "subscriber"], name="newsletter_delivery_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.digest_id}: {self.subscriber_id}"
