"""Counting the SQL queries of a page, as the query budgets do."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def page_queries(client: Client, url: str) -> int:
    """The queries of a second GET of ``url``: the first warms the caches
    (content types, site roots, the footer), as a running server has them."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)
