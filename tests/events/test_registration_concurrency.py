"""Simultaneous registrations never give more places than there are seats."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from events.models import Registration
from events.services import registration_create
from tests.accounts.factories import MemberFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locking is tested on PostgreSQL (SQLite serialises writers)",
    ),
]


def test_parallel_registrations_respect_capacity(home_page):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, capacity=5)
    members = MemberFactory.create_batch(20)

    def register(member):
        try:
            return registration_create(
                event=event,
                user=member,
                name=member.get_full_name(),
                organisation=member.organisation,
                job_title=member.job_title,
                email=member.email,
            ).status
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(register, members))

    assert statuses.count(Registration.Status.CONFIRMED) == 5
    assert statuses.count(Registration.Status.WAITING) == 15
    assert event.registrations.filter(status="confirmed").count() == 5
