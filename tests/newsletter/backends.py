"""A mail backend whose server refuses some addresses, for the tests."""

from smtplib import SMTPRecipientsRefused

from django.core.mail.backends.locmem import EmailBackend


class RefusingBackend(EmailBackend):
    refused: set[str] = set()

    def send_messages(self, messages):
        for message in messages:
            if set(message.to) & self.refused:
                raise SMTPRecipientsRefused({a: (550, b"no") for a in message.to})
        return super().send_messages(messages)
