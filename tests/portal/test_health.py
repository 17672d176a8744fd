"""Liveness and readiness for the load balancer."""

import pytest
from django.db.utils import OperationalError


def test_live_answers_without_the_database(client):
    response = client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_ready_checks_database_and_cache(client):
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": True, "cache": True},
    }


@pytest.mark.django_db
def test_ready_is_unavailable_when_the_database_is_gone(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("portal.core.health.connection.cursor", broken)
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": False, "cache": True}


@pytest.mark.django_db
def test_ready_is_unavailable_when_the_cache_is_gone(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr("portal.core.health.cache.set", broken)
    response = client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": True, "cache": False}


def test_health_accepts_only_get(client):
    assert client.post("/health/live").status_code == 405
