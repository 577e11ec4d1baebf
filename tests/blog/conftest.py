import pytest
from django.core.cache import cache

from tests.providers.factories import FounderFactory


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def founder(db):
    return FounderFactory(email="founder@example.org")


@pytest.fixture
def founder_client(client, founder):
    client.force_login(founder)
    return client
