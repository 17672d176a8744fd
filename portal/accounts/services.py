"""Every write to accounts goes through these functions."""

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.audit import audit_log
from portal.core.mail import absolute_url, mail_after_commit

from .errors import AccountError
from .models import User
from .roles import MEMBERS_GROUP
from .selectors import advisers_to_notify
from .signals import account_deleting, personal_data_requested

logger = logging.getLogger(__name__)
Status = User.ApprovalStatus


def _mail(*, template: str, to: list[str], context: dict[str, Any]) -> None:
    mail_after_commit(template=f"accounts/email/{template}", to=to, context=context)


def account_audit_label(user: User) -> str:
    """How the audit log names an account: no name or address, so that the
    entries say nothing about the person once the account is erased."""
    return _("Account #{id}").format(id=user.pk)


def _audit(user: User, action: str, *, by: User | None, **data: Any) -> None:
    audit_log(
        instance=user,
        action=f"leerkring.account.{action}",
        user=by,
        label=account_audit_label(user),
        data=data,
    )


def _domain_is_trusted(email: str) -> bool:
    domain = email.rsplit("@", 1)[-1].lower()
    return domain in {d.lower() for d in settings.ACCOUNTS_AUTO_APPROVE_DOMAINS}


@transaction.atomic
def account_request_verified(*, user: User) -> User:
    """The applicant verified their address: approve a trusted domain at once,
    otherwise queue the request for an adviser."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.approval_status != Status.UNVERIFIED:
        return user
    user.approval_status = Status.PENDING
    user.requested_at = timezone.now()
    user.full_clean()
    user.save(update_fields=["approval_status", "requested_at"])
    if _domain_is_trusted(user.email):
        return account_approve(user=user, decided_by=None)
    _mail(
        template="request_to_advisers",
        to=[a.email for a in advisers_to_notify()],
        context={
            "applicant": user,
            "review_url": absolute_url(reverse("account_requests:index")),
        },
    )
    return user


def _decide(
    *, user: User, decided_by: User | None, allowed: set[str]
) -> tuple[User, str]:
    """The locked account and its status before the decision."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.approval_status not in allowed:
        raise AccountError(
            _("This account request has already been handled ({status}).").format(
                status=user.get_approval_status_display()
            )
        )
    user.decided_at = timezone.now()
    user.decided_by = decided_by
    return user, user.approval_status


@transaction.atomic
def account_approve(*, user: User, decided_by: User | None) -> User:
    user, before = _decide(
        user=user, decided_by=decided_by, allowed={Status.PENDING, Status.REJECTED}
    )
    user.approval_status = Status.APPROVED
    user.rejection_reason = ""
    user.full_clean()
    user.save()
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    _audit(
        user,
        "approve",
        by=decided_by,
        old_status=before,
        new_status=user.approval_status,
        automatic=decided_by is None,
    )
    logger.info("account %s approved by %s", user.pk, getattr(decided_by, "pk", "-"))
    _mail(
        template="request_approved",
        to=[user.email],
        context={"user": user, "login_url": absolute_url(reverse("account_login"))},
    )
    return user


@transaction.atomic
def account_reject(*, user: User, decided_by: User, reason: str) -> User:
    reason = reason.strip()
    if not reason:
        raise AccountError(_("Give a reason; the applicant receives it by e-mail."))
    user, before = _decide(user=user, decided_by=decided_by, allowed={Status.PENDING})
    user.approval_status = Status.REJECTED
    user.rejection_reason = reason
    user.full_clean()
    user.save()
    user.groups.remove(*Group.objects.filter(name=MEMBERS_GROUP))
    # Not the reason: free text written to the applicant.
    _audit(
        user,
        "reject",
        by=decided_by,
        old_status=before,
        new_status=user.approval_status,
    )
    logger.info("account %s rejected by %s", user.pk, decided_by.pk)
    _mail(template="request_rejected", to=[user.email], context={"user": user})
    return user


#: What a member may change about themselves on their overview.
PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "organisation",
    "job_title",
    "home_region",
)


@transaction.atomic
def account_profile_update(*, user: User, **details: str) -> User:
    """Save the member's own name, organisation, function and home region.
    Only these: the e-mail address changes through allauth (with a
    verification)."""
    unknown = set(details) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not a profile field: {sorted(unknown)}")
    for field, value in details.items():
        setattr(user, field, value.strip())
    user.full_clean(exclude=["password"])
    user.save(update_fields=list(details))
    return user


@transaction.atomic
def account_export(*, user: User) -> dict[str, Any]:
    """All data the platform holds about ``user``, as JSON-ready data. The
    audit log records that the holder took it, not what it held."""
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "organisation": user.organisation,
            "job_title": user.job_title,
            "home_region": user.home_region,
            "approval_status": user.approval_status,
            "requested_at": user.requested_at,
            "decided_at": user.decided_at,
            "rejection_reason": user.rejection_reason,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "groups": sorted(user.groups.values_list("name", flat=True)),
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in user.emailaddress_set.order_by("pk")
        ],
        "two_factor_methods": sorted(
            user.authenticator_set.values_list("type", flat=True)
        ),
    }
    for _receiver, response in personal_data_requested.send(sender=User, user=user):
        if response:
            section, section_data = response
            data[section] = section_data
    _audit(user, "export", by=None, sections=sorted(data))
    return data


@transaction.atomic
def account_delete_by_admin(*, user: User, by: User) -> None:
    """Before Wagtail's user admin deletes an account: the apps remove or
    anonymise their own data, as when the holder deletes it."""
    user = User.objects.select_for_update().get(pk=user.pk)
    account_deleting.send(sender=User, user=user)
    _audit(user, "delete", by=by, requested_by="admin")


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase the account. Apps remove or anonymise their own data first."""
    user = User.objects.select_for_update().get(pk=user.pk)
    account_deleting.send(sender=User, user=user)
    # Logged as the platform's act: the holder's own account is what goes.
    _audit(user, "delete", by=None, requested_by="holder")
    user_pk = user.pk
    user.delete()
    logger.info("account %s deleted at the holder's request", user_pk)
