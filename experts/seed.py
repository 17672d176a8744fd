"""Demo experts (see ``manage.py load_demo``). Idempotent: accounts and
profiles that exist are left as they are, so edits survive a second run."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from portal.accounts.roles import MEMBERS_GROUP

from . import seed_content as content
from .coffee.services import slot_create
from .models import CoffeeSlot, ExpertProfile


def _member(spec: dict):
    User = get_user_model()
    user = User.objects.filter(email=spec["email"]).first()
    if user is not None:
        return user
    user = User(
        email=spec["email"],
        first_name=spec["first_name"],
        last_name=spec["last_name"],
        organisation=spec["organisation"],
        job_title=spec["job_title"],
        approval_status=User.ApprovalStatus.APPROVED,
    )
    user.set_unusable_password()
    user.save()
    group = Group.objects.filter(name=MEMBERS_GROUP).first()
    if group is not None:
        user.groups.add(group)
    return user


def demo_build(**kwargs) -> None:
    """Receiver of ``demo_content_requested``. It makes no pages, so it
    reports none."""
    for spec in content.EXPERTS:
        user = _member(spec)
        if ExpertProfile.objects.filter(user=user).exists():
            continue
        profile = ExpertProfile.objects.create(
            user=user,
            organisation=spec["organisation"],
            region=spec["region"],
            languages=spec["languages"],
            availability=spec["availability"],
            description=spec["description"],
            phone=spec["phone"],
            show_email=True,
            show_phone=spec["show_phone"],
        )
        profile.expertise.set(spec["expertise"])
    for spec in content.EXPERTS:
        _coffee_slots(get_user_model().objects.get(email=spec["email"]), spec)


def _coffee_slots(host, spec: dict) -> None:
    """A few upcoming times for a digital cup of coffee, on the coming
    working days; none when the host offers any already (a second run)."""
    if CoffeeSlot.objects.filter(host=host, starts_at__gt=timezone.now()).exists():
        return
    day = timezone.localdate()
    offered = 0
    while offered < len(spec["coffee"]):
        day += dt.timedelta(days=1)
        if day.weekday() >= 5:
            continue
        hour, minutes = spec["coffee"][offered]
        moment = dt.datetime.combine(day, dt.time(hour, 0))
        slot_create(
            host=host,
            starts_at=timezone.make_aware(moment),
            minutes=minutes,
            meeting_url=spec["meeting_url"],
        )
        offered += 1
