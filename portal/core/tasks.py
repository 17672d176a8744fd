"""Background work of the platform itself (see portal.core.mail)."""

from django_tasks import task


@task()
def mail_send_task(mail_id: int) -> bool:
    from .mail import mail_send

    return mail_send(mail_id=mail_id)
