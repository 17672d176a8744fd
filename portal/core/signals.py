"""Signals of the platform core.

demo_content_requested(sender=None, home, report)
    Sent by ``manage.py load_demo`` inside one transaction. Each app builds its
    own demo content below ``home`` (the site's HomePage) and calls
    ``report(created: bool)`` once per page it created or updated. Receivers
    must be idempotent: a second run finds the same pages and creates none.
    Apps receive it in INSTALLED_APPS order, so an app may link to pages of the
    apps it depends on.
"""

from django.dispatch import Signal

demo_content_requested = Signal()
