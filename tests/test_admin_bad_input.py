"""The admin answers nonsense in its URLs (ids that are not numbers, NUL bytes in filters) with a 404, a 400 or the
admin's own "invalid filter" page: never a server error."""

import pytest
from django.contrib import admin
from django.contrib.admin import SimpleListFilter
from django.urls import reverse

from tests.blog.factories import PublishedPostFactory
from tests.providers.factories import ModeratorFactory, PendingProviderFactory

pytestmark = pytest.mark.django_db

NOT_AN_ERROR = {200, 302, 400, 404}


@pytest.fixture
def founder_client(client):
    client.force_login(ModeratorFactory())
    return client


def founder_model_admins():
    """The admin pages a founder can open (the Founders group can view these models)."""
    from providers.founders import FOUNDERS_PERMISSIONS

    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.model_name in FOUNDERS_PERMISSIONS.get(model._meta.app_label, {})
    ]


def filter_parameters(model_admin):
    names = ["q", "o", "p"]
    for list_filter in model_admin.list_filter:
        if isinstance(list_filter, type) and issubclass(list_filter, SimpleListFilter):
            names.append(list_filter.parameter_name)
        elif isinstance(list_filter, str):
            names += [list_filter, f"{list_filter}__exact", f"{list_filter}__id__exact"]
    if model_admin.date_hierarchy:
        names += [f"{model_admin.date_hierarchy}__year", f"{model_admin.date_hierarchy}__month"]
    return names


CHANGELISTS = {
    f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist": filter_parameters(model_admin)
    for model, model_admin in founder_model_admins()
}


@pytest.mark.parametrize("changelist", CHANGELISTS)
def test_a_bad_filter_value_never_breaks_a_list(founder_client, changelist):
    for parameter in CHANGELISTS[changelist]:
        for bad in ["\x00", "a\x00b", "abc", "-1", "99999999999999999999999"]:
            response = founder_client.get(reverse(changelist), {parameter: bad})
            assert response.status_code in NOT_AN_ERROR, (parameter, bad, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/providers/provider/abc/moderate/approve/",
        "/admin/providers/provider/%00/moderate/approve/",
        "/admin/providers/provider/1%00/moderate/reject/",
        "/admin/providers/provider/99999999999999999999999/moderate/approve/",
        "/admin/providers/provider/-1/moderate/approve/",
        "/admin/providers/provider/abc/change/",
        "/admin/providers/provider/%00/change/",
        "/admin/providers/provider/abc/history/",
        "/admin/blog/post/abc/change/",
        "/admin/blog/post/%00/change/",
        "/admin/blog/proposal/abc/change/",
        "/admin/providers/listingreport/%00/change/",
    ],
)
def test_an_id_that_is_not_a_listings_is_not_found_never_an_error(founder_client, path):
    PendingProviderFactory()
    PublishedPostFactory()
    for method in (founder_client.get, founder_client.post):
        response = method(path)
        assert response.status_code in NOT_AN_ERROR - {200}, (method, response.status_code)


def test_a_moderation_of_a_listing_that_does_not_exist_is_a_404(founder_client):
    assert founder_client.get("/admin/providers/provider/abc/moderate/approve/").status_code == 404
    assert founder_client.post("/admin/providers/provider/12345678/moderate/approve/").status_code == 404


def test_a_nul_byte_in_the_status_filter_is_ignored_or_refused(founder_client):
    response = founder_client.get("/admin/providers/provider/?status=%00")
    assert response.status_code in {302, 400}
