from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest
from django.template import TemplateDoesNotExist

from portal.core.mail import mail_enqueue, mail_render


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: HttpRequest, user, form, commit: bool = True):
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        user.organisation = data.get("organisation", "")
        user.job_title = data.get("job_title", "")
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """As allauth's, but queued for the background worker like the
        platform's own mails. allauth sends outside any transaction of its
        own, so the mail is queued at once rather than on commit."""
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        message = self.render_mail(template_prefix, email, context)
        mail_enqueue(message, after_commit=False)

    def render_mail(
        self, template_prefix: str, email, context: dict, headers=None
    ) -> EmailMultiAlternatives:
        """As allauth's, but rendered by the platform's mail renderer, so the
        plain-text part of allauth's mails is not HTML-escaped either."""
        request = allauth_context.request
        subject = mail_render(f"{template_prefix}_subject.txt", context, request)
        subject = self.format_email_subject(" ".join(subject.split()))
        body = mail_render(f"{template_prefix}_message.txt", context, request)
        message = EmailMultiAlternatives(
            subject,
            body.strip(),
            self.get_from_email(),
            [email] if isinstance(email, str) else email,
            headers=headers,
        )
        html_name = f"{template_prefix}_message.{app_settings.TEMPLATE_EXTENSION}"
        try:
            html = mail_render(html_name, context, request)
        except TemplateDoesNotExist:
            return message
        message.attach_alternative(html.strip(), "text/html")
        return message
