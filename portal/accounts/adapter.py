from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpRequest

from portal.core.mail import mail_enqueue


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
