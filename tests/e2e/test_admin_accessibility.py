"""The admin pages founders use, checked with axe-core (WCAG 2.1 A/AA) for our own customisations.

Django's own admin markup has a few known violations we do not patch (docs/accessibility.md lists them); they are
excluded here by rule, never by page, so anything our templates, forms or widgets add is still caught.
"""

import pytest

from tests.e2e.conftest import WCAG_21_AA, _axe
from tests.providers.factories import PublishedProviderFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Django's own admin markup, not ours (docs/accessibility.md lists where each appears): left alone.
DJANGO_ADMIN_RULES = {
    "link-in-text-block",  # the breadcrumbs' colours (admin/css/base.css)
    "aria-input-field-name",  # the autocomplete widget's select2 box (autocomplete_fields)
    "aria-prohibited-attr",  # filter_horizontal's help icons inside labels
}


def violations(page):
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    found = [v for v in results.response["violations"] if v["id"] not in DJANGO_ADMIN_RULES]
    return [f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in found]


def test_the_admin_pages_founders_use_have_no_violations_of_our_making(founder_page, live_server):
    listing = PublishedProviderFactory(display_name="Rosa Delgado")
    pages = [
        "/admin/",
        "/admin/providers/provider/",
        f"/admin/providers/provider/{listing.pk}/change/",
        "/admin/providers/listingevent/",
        "/admin/providers/listingreport/",
        "/admin/blog/proposal/",
        "/admin/blog/post/add/",
    ]
    found = {}
    for path in pages:
        founder_page.goto(live_server.url + path)
        if problems := violations(founder_page):
            found[path] = problems
    assert not found, found
