"""What a security reviewer checks: CSRF on every form, escaped output, no open redirects, nothing private leaks."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client

from providers.enquiries import ContactMessage
from tests.blog.factories import GuestAuthorFactory, PublishedPostFactory
from tests.providers.factories import PublishedProviderFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.forms, self._form = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action"), "inputs": []}
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None:
            self._form["inputs"].append(attrs.get("name"))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def crawl(client, start, limit=80):
    """Every same-site page reachable by GET links from `start` (GET never changes state here), with its forms."""
    seen, queue, pages = set(), list(start), {}
    while queue and len(pages) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = PageParser()
        parser.feed(response.content.decode())
        pages[path] = parser.forms
        for href in parser.links:
            url = urlsplit(urljoin(path, href))
            on_site = url.netloc in ("", "testserver") and url.path.startswith("/")
            if on_site and not url.path.startswith(("/admin", "/media/", "/static/", "/blog/feed")):
                queue.append(url.path + (f"?{url.query}" if url.query and url.path == "/search/" else ""))
    return pages


@pytest.fixture
def site_content():
    provider = PublishedProviderFactory(display_name="Casey Example")
    post = PublishedPostFactory()
    return provider, post


def post_forms(pages):
    return [(path, form) for path, forms in pages.items() for form in forms if form["method"] == "post"]


def test_every_post_form_carries_a_csrf_token_and_is_refused_without_it(site_content):
    provider, post = site_content
    owner = VerifiedUserFactory()
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(owner)
    start = [
        "/",
        provider.get_absolute_url(),
        post.get_absolute_url(),
        "/blog/propose/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password-reset/",
        f"/providers/{provider.slug}/report/",
    ]
    forms = post_forms(crawl(anonymous, start)) + post_forms(crawl(signed_in, ["/listing/", "/accounts/"]))
    actions = {urljoin(path, form["action"] or path) for path, form in forms}

    # The forms families and providers use are all there.
    assert {f"/providers/{provider.slug}/contact/", "/blog/propose/", "/accounts/login/"} <= actions
    assert any(a.startswith("/listing/") for a in actions)
    assert len(actions) >= 8, sorted(actions)
    for path, form in forms:
        assert "csrfmiddlewaretoken" in form["inputs"], f"form on {path} has no CSRF token"

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(owner)
    for action in actions:
        assert strict.post(action, {}).status_code == 403, f"{action} accepted a POST without a CSRF token"


PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_search_text_is_escaped(client):
    html = client.get("/search/", {"q": PAYLOAD, "near": PAYLOAD}).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x onerror" not in html


def test_provider_text_is_escaped_on_the_profile_and_in_json_ld(client):
    provider = PublishedProviderFactory(
        display_name="Sam </script><script>alert(1)</script>",
        headline=PAYLOAD,
        bio=PAYLOAD,
        approach=PAYLOAD,
        credentials=PAYLOAD,
    )
    html = client.get(provider.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x onerror" not in html
    for block in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S):
        assert json.loads(block)  # still valid JSON, and the payload could not close the script element


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "http:/\\evil.example", "javascript:alert(1)"]
)
def test_login_next_cannot_send_people_off_site(client, target):
    user = VerifiedUserFactory()
    response = client.post(
        "/accounts/login/?next=" + target,
        {"username": user.email, "email": user.email, "password": "a-strong-test-password"},
    )
    assert response.status_code == 302
    assert urlsplit(response["Location"]).netloc in ("", "testserver")
    assert not response["Location"].startswith(("//", "javascript:"))


def test_private_fields_appear_in_no_public_page_feed_sitemap_or_json_ld(client, django_capture_on_commit_callbacks):
    provider = PublishedProviderFactory(
        display_name="Morgan Private", contact_email="secret-inbox@example.net", license_number="LIC-55501"
    )
    GuestAuthorFactory(listing=provider)
    PublishedPostFactory(author=provider.guest_authors.first())
    ContactMessage.objects.create(
        provider=provider, sender_name="A Parent", sender_email="parent@example.org", body="Our private words XYZZY"
    )
    public = [
        "/",
        "/search/",
        "/search/?q=Morgan",
        "/search/?near=02139",
        provider.get_absolute_url(),
        "/blog/",
        "/blog/feed/",
        "/blog/feed/atom/",
        "/sitemap.xml",
        "/robots.txt",
    ]
    public += [p.get_absolute_url() for p in provider.guest_authors.first().posts.all()]
    for path in public:
        body = client.get(path).content.decode()
        for secret in ("secret-inbox@example.net", "LIC-55501", "XYZZY", "parent@example.org"):
            assert secret not in body, f"{secret} leaked on {path}"


# Cookies -----------------------------------------------------------------------------------------------------------
def lasting_cookies(response):
    """The cookies a response sets that would outlive the browser session."""
    return {name: str(morsel) for name, morsel in response.cookies.items() if morsel["expires"] or morsel["max-age"]}


def test_an_anonymous_visitor_gets_no_cookie_that_outlives_the_browser_session(client, site_content, settings):
    provider, post = site_content
    response = client.get(provider.get_absolute_url())
    assert "csrftoken" in response.cookies  # the contact form's token: the premise
    assert lasting_cookies(response) == {}
    for path in [
        "/",
        "/search/",
        post.get_absolute_url(),
        "/blog/propose/",
        f"/providers/{provider.slug}/contact/",
        f"/providers/{provider.slug}/report/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password-reset/",
    ]:
        response = client.get(path)
        assert lasting_cookies(response) == {}, path
        assert settings.SESSION_COOKIE_NAME not in response.cookies, path  # sessions start at login
    response = client.post(f"/providers/{provider.slug}/contact/", {"name": "Jamie", "email": "not an address"})
    assert lasting_cookies(response) == {}


def test_a_visitor_who_logs_out_keeps_no_lasting_cookie(client):
    client.force_login(VerifiedUserFactory())
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert lasting_cookies(response) == {}
    assert lasting_cookies(client.get("/")) == {}


def test_an_anonymous_password_reset_link_sets_no_lasting_cookie(client, mailoutbox):
    VerifiedUserFactory(email="r@example.org")
    client.post("/accounts/password-reset/", {"email": "r@example.org"})
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)
    response = client.get(urlsplit(link).path)
    assert response.status_code == 302  # Django moves the token into the session
    assert lasting_cookies(response) == {}


def test_a_login_lasts_as_configured(client, settings):
    user = VerifiedUserFactory()
    response = client.post("/accounts/login/", {"username": user.email, "password": "a-strong-test-password"})
    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE
