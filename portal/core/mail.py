"""Mails the platform sends: rendered in Dutch from a subject and a body
template, sent only once the surrounding transaction has committed."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

Attachment = tuple[str, bytes, str]


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
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}_body.txt", context)
    message = EmailMultiAlternatives(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        body,
        settings.DEFAULT_FROM_EMAIL,
        to,
        headers=dict(headers or {}),
    )
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    transaction.on_commit(message.send)
