"""Members writing while bench/load.py measures the visitors: community
messages, registrations and case drafts, at a steady rate, through the
platform's own services (the same saves, signals and cache rules as a
request). Run by bench/load.py with its environment; prints one JSON line
with what it wrote.

    python bench/members_write.py --rate 10 --seconds 10
"""

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def _writers():
    """Three kinds of write, taken in turn."""
    import datetime as dt

    from django.utils import timezone

    from casebook.services.submission import CaseInput, case_create, case_update
    from community.models import Thread
    from community.services import post_create
    from events.models import EventPage
    from events.services import registration_create
    from portal.accounts.models import User

    members = list(
        User.objects.filter(approval_status="approved", is_superuser=False)
        .exclude(groups__name="Adviseurs")
        .order_by("pk")[:20]
    )
    thread = Thread.objects.order_by("pk").first()
    event = (
        EventPage.objects.live()
        .filter(starts_at__gt=timezone.now() + dt.timedelta(days=1), cancelled=False)
        .order_by("starts_at")
        .first()
    )
    numbers = itertools.count(1)
    drafts = {}

    def post(member):
        post_create(
            thread=thread,
            author=member,
            body=f"Ervaring uit de praktijk, bericht {next(numbers)}.",
        )
        return "post"

    # Half the registrations are members' (a place or the waiting list at
    # once: the places left on public pages change), half are guests' (no
    # place until they confirm their address).
    registrants = iter(
        User.objects.create(
            email=f"deelnemer{n}@gemeente.example",
            first_name="Deelnemer",
            last_name=str(n),
            approval_status="approved",
        )
        for n in range(1000)
    )

    def register(member):
        n = next(numbers)
        if n % 2:
            user = next(registrants)
            registration_create(
                event=event,
                user=user,
                name=user.get_full_name(),
                organisation="Gemeente Utrecht",
                job_title="Adviseur OOV",
                email=user.email,
            )
            return "registration (member)"
        registration_create(
            event=event,
            name=f"Gast {n}",
            organisation="Gemeente Utrecht",
            job_title="Adviseur OOV",
            email=f"gast{n}@gemeente.example",
        )
        return "registration (guest)"

    def draft(member):
        data = CaseInput(
            title=f"Oproep tot rellen na wedstrijd {next(numbers)}",
            what_happened="Via Telegram werd opgeroepen om samen te komen.",
        )
        if member.pk in drafts:
            case_update(case=drafts[member.pk], submitter=member, data=data)
        else:
            drafts[member.pk] = case_create(
                submitter=member, form_token=None, data=data
            )[0]
        return "case draft"

    return members, [post, register, draft]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=10, help="writes a second")
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    _setup()
    members, kinds = _writers()
    # bench/load.py starts the visitors only now: setting Django up takes
    # seconds on a busy machine, which would leave the first measured run
    # without writes.
    sys.stdout.write("writing\n")
    sys.stdout.flush()
    done: dict[str, int] = {}
    failed = 0
    began = time.monotonic()
    for n in itertools.count():
        due = began + n / args.rate
        if due - began >= args.seconds:
            break
        time.sleep(max(0.0, due - time.monotonic()))
        try:
            kind = kinds[n % len(kinds)](members[n % len(members)])
            done[kind] = done.get(kind, 0) + 1
        except Exception as error:  # noqa: BLE001 - counted, and the run goes on
            failed += 1
            sys.stderr.write(f"write failed: {error!r}\n")
    elapsed = time.monotonic() - began
    total = sum(done.values())
    sys.stdout.write(
        json.dumps(
            {"writes": done, "failed": failed, "per_second": round(total / elapsed, 1)}
        )
        + "\n"
    )


if __name__ == "__main__":
    main()
