import pytest

from providers.models import Provider
from tests.providers.factories import PublishedProviderFactory, terms

pytestmark = pytest.mark.django_db


def test_published_provider_factory_makes_a_searchable_listing_with_an_office():
    provider = PublishedProviderFactory(display_name="Dana Whitfield", office__zip_code="10001")
    provider.refresh_from_db()
    office = provider.offices.get()
    assert (office.city, office.state) == ("New York", "NY")
    assert Provider.objects.published().filter(pk=provider.pk).exists()
    assert "'whitfield':2A" in provider.search_document
    assert "'new':" in provider.search_document  # the office's city is searchable
    assert provider.concerns == terms("concerns", "postpartum-depression", "perinatal-anxiety")
