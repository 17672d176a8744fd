"""Signals of the platform core.

demo_content_requested(sender=None, home, report)
    Sent by ``manage.py load_demo`` inside one transaction. Each app builds its
    own demo content below ``home`` (the site's HomePage) and calls
    ``report(created: bool)`` once per page it created or updated. Receivers
    must be idempotent: a second run finds the same pages and creates none.
    Apps receive it in INSTALLED_APPS order, so an app may link to pages of the
    apps it depends on.

retention_purge_requested(sender=None)
    Sent by ``manage.py purge_event_personal_data`` (daily), after the events'
    own erasures. Each app that keeps personal data only for a while erases
    what is due and returns one line for the command's output, such as
    "Coffee time slots deleted after the conversation: 3".

hourly_mail_requested(sender=None)
    Sent by ``manage.py send_event_reminders`` (hourly), after the events'
    own reminders and announcements. Each app that mails on a schedule sends
    what is due, never twice, and returns one line for the command's
    output, such as "Follow-up mails with an evaluation sent: 12".
"""

from django.dispatch import Signal

demo_content_requested = Signal()

retention_purge_requested = Signal()

hourly_mail_requested = Signal()
