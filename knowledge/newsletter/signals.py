"""Signals of the newsletter.

digest_sections_requested(sender=None, since, until)
    Sent while a digest is put together, with the site language active.
    ``since`` and ``until`` are aware datetimes; the period is ``(since,
    until]``. Receivers return a ``knowledge.newsletter.sections.DigestSection``
    with what became public in that period, or None when they have nothing.

Why a signal: the digest covers news (knowledge) and meetings (events), but
the dependencies run ``portal <- knowledge <- events <- casebook``, and the
newsletter lives in knowledge. Importing events here would run against that
arrow and tie knowledge to an app that may be left out. So events answers this
signal from its ``AppConfig.ready()``, as every app answers
``portal.core.signals.demo_content_requested``; a later app (casebook) can add
a section the same way without the newsletter changing.
"""

from django.dispatch import Signal

digest_sections_requested = Signal()
