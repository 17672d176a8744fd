"""Mails the platform sends: rendered in Dutch from a subject and a body
template in the request, sent by a background task once the surrounding
transaction has committed, so a slow or absent mail server never holds up a
page (with a worker: see settings TASKS)."""

import base64
import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.http import HttpRequest
from django.template import Context, RequestContext
from django.template.loader import get_template
from django.utils import timezone, translation
from django_tasks import TaskResultStatus

from .models import OutgoingMail

logger = logging.getLogger(__name__)

Attachment = tuple[str, bytes, str]

#: Seconds before each new attempt at a mail the server refused; after the
#: last one the mail is given up (and logged as an error).
RETRY_DELAYS = (60, 300, 900, 3600)


class MailNotSent(Exception):
    """The mail server refused a mail that was sent at once, without a worker
    (the immediate task backend): the caller learns it, as it did when mail
    was sent in the request."""


def absolute_url(url: str) -> str:
    """``url`` as mails and calendars need it: a path on this site gets the
    site's address (WAGTAILADMIN_BASE_URL) in front; a full URL stays."""
    if url.startswith("/"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def mail_after_commit(
    *,
    template: str,
    to: list[str],
    context: dict[str, Any],
    attachments: Iterable[Attachment] = (),
    headers: Mapping[str, str] | None = None,
) -> None:
    """``template`` names ``<template>_subject.txt`` and ``<template>_body.txt``.

    Rendered now, in the site language, so that a rolled-back transaction
    sends nothing and a mail never depends on the visitor's chosen language.
    ``headers`` are extra mail headers, such as List-Unsubscribe.
    """
    if not to:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = mail_render(f"{template}_subject.txt", context)
        body = mail_render(f"{template}_body.txt", context)
    message = EmailMultiAlternatives(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        to,
        headers=dict(headers or {}),
    )
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    mail_enqueue(message)


def mail_render(
    template_name: str,
    context: Mapping[str, Any],
    request: HttpRequest | None = None,
) -> str:
    """Render one part of a mail. The one place that knows a plain-text
    part (``.txt``: subject or body) is not HTML: its values go in as typed,
    without HTML escaping, so "O'Brien & Zoon" does not arrive as
    "O&#x27;Brien &amp; Zoon". Any other part (an HTML alternative) is
    escaped as usual."""
    template = get_template(template_name)
    if not template_name.endswith(".txt"):
        return template.render(dict(context), request)
    if request is None:
        plain = Context(dict(context), autoescape=False)
    else:
        plain = RequestContext(request, dict(context), autoescape=False)
    # The engine's own template under the backend's wrapper: only it takes a
    # Context, and so a choice of escaping.
    return template.template.render(plain)


def mail_enqueue(message: EmailMessage, *, after_commit: bool = True) -> None:
    """Queue ``message`` for sending. Its text goes into a row written in the
    caller's transaction (a rollback takes it along); the task, which holds
    only the row's id, is queued once that transaction commits, or at once
    when ``after_commit`` is false."""
    if message.cc or message.bcc or message.reply_to:
        raise ValueError("Queued mail has no cc, bcc or reply-to.")
    outgoing = OutgoingMail.objects.create(
        from_email=message.from_email,
        to=list(message.to),
        subject=message.subject,
        body=message.body,
        content_subtype=message.content_subtype,
        alternatives=[list(a) for a in getattr(message, "alternatives", [])],
        headers=dict(message.extra_headers),
        attachments=[_encoded(a) for a in message.attachments],
    )
    if after_commit:
        transaction.on_commit(partial(_enqueue, outgoing.pk))
    else:
        _enqueue(outgoing.pk)


def _encoded(attachment: Any) -> list[str]:
    filename, content, mimetype = attachment
    if isinstance(content, str):
        content = content.encode()
    return [filename, base64.b64encode(content).decode("ascii"), mimetype]


def _enqueue(mail_id: int) -> None:
    from .tasks import mail_send_task

    result = mail_send_task.enqueue(mail_id)
    if result.status == TaskResultStatus.FAILED:
        raise MailNotSent(f"mail {mail_id} was refused")


def mail_send(*, mail_id: int) -> bool:
    """Send queued mail ``mail_id`` and forget its text. False when there is
    nothing (left) to send. A refusal is raised, after queuing another
    attempt where the task backend can run one later."""
    outgoing = OutgoingMail.objects.filter(pk=mail_id).first()
    if outgoing is None:
        return False
    message = EmailMultiAlternatives(
        outgoing.subject,
        outgoing.body,
        outgoing.from_email,
        outgoing.to,
        headers=outgoing.headers,
        alternatives=[tuple(a) for a in outgoing.alternatives],
    )
    message.content_subtype = outgoing.content_subtype
    for filename, content, mimetype in outgoing.attachments:
        message.attach(filename, base64.b64decode(content), mimetype)
    try:
        message.send()
    except Exception:
        _retry_or_give_up(outgoing)
        raise
    outgoing.delete()
    return True


def _retry_or_give_up(outgoing: OutgoingMail) -> None:
    from .tasks import mail_send_task

    outgoing.attempts += 1
    can_wait = mail_send_task.get_backend().supports_defer
    if can_wait and outgoing.attempts <= len(RETRY_DELAYS):
        outgoing.save(update_fields=["attempts"])
        delay = RETRY_DELAYS[outgoing.attempts - 1]
        run_after = timezone.now() + dt.timedelta(seconds=delay)
        mail_send_task.using(run_after=run_after).enqueue(outgoing.pk)
        logger.warning(
            "mail %s refused (attempt %s), next attempt in %s s",
            outgoing.pk,
            outgoing.attempts,
            delay,
        )
        return
    # Only the count and id in the log: not who it was for.
    logger.error(
        "mail %s to %s recipient(s) refused %s time(s), given up",
        outgoing.pk,
        len(outgoing.to),
        outgoing.attempts,
    )
    outgoing.delete()
