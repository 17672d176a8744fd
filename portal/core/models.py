from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """A mail rendered in the request, waiting for the worker to send it.

    The background task gets only this row's id, so the task records keep no
    addresses or text; the row goes once the mail is sent, or given up on.
    """

    shown_to_visitors = False

    created_at = models.DateTimeField(auto_now_add=True)
    from_email = models.CharField(max_length=254)
    to = models.JSONField(default=list)
    subject = models.TextField()
    body = models.TextField()
    #: "plain" or "html": the type of ``body``.
    content_subtype = models.CharField(max_length=20, default="plain")
    #: [content, mimetype] per other version of the body (an HTML part).
    alternatives = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    #: [filename, base64 content, mimetype] per attachment.
    attachments = models.JSONField(default=list, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mails")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"
