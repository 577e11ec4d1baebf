"""The families' pages in Spanish (/es/…): every one renders with no string left untranslated and no English of ours
on it (a provider's or an article's own words are marked lang="en"); the language link keeps the search; the
vocabulary, the crisis words and the provider's email follow the family's language."""

import re
from html import unescape
from html.parser import HTMLParser

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

from directory import views
from directory.search.crisis import Tier, assess
from providers.enquiries import ContactMessage
from providers.months import add_months, month_key, this_month
from providers.taxonomy import Concern, vocabulary
from tests.blog.factories import PublishedPostFactory, TopicFactory
from tests.directory.conftest import make_listing

pytestmark = pytest.mark.django_db

# Short English words Spanish never uses: one of them outside a lang="en" element is English left on the page.
ENGLISH = (
    "the and you your with for this that our we are is of to from by or not be on at it they their what how who "
    "here there any all more near page pages clients confirmed today yesterday days ago session package free "
    "miles away taking never since sliding scale fee fees listed"
)
ENGLISH_WORDS = set(ENGLISH.split())
SKIPPED_TAGS = {"script", "style", "template"}
READ_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt"}


class SpanishText(HTMLParser):
    """The words on a page a reader meets in Spanish: outside any element marked with another language."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.words = [], []

    def language(self):
        return next((lang for _, lang in reversed(self.stack) if lang), "")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang", "")
        if tag not in self.VOID:
            self.stack.append((tag, lang))
        if (lang or self.language()) == "es" and not self.skipping():
            self.words += [value for name, value in attrs if name in READ_ATTRIBUTES and value]
            if tag == "meta" and attributes.get("name") == "description":
                self.words.append(attributes.get("content", ""))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def skipping(self):
        return any(tag in SKIPPED_TAGS for tag, _ in self.stack)

    def handle_data(self, data):
        if self.language() == "es" and not self.skipping():
            self.words.append(data)


def english_left(html: str) -> list[str]:
    reader = SpanishText()
    reader.feed(html)
    found = []
    for text in reader.words:
        words = set(re.findall(r"[a-z]+", text.lower()))
        if words & ENGLISH_WORDS:
            found.append(" ".join(text.split())[:100])
    return found


@pytest.fixture
def untranslated(monkeypatch):
    """Every message looked up in Spanish while the test runs that the catalogs (ours and Django's) do not hold.
    (Libraries also look up words they never show: see shown().)"""
    found = []
    real_gettext, real_ngettext = DjangoTranslation.gettext, DjangoTranslation.ngettext

    def gettext(self, message):
        if self.language() == "es" and message and message not in self._catalog:
            found.append(message.split("\x04")[-1])
        return real_gettext(self, message)

    def ngettext(self, singular, plural, number):
        if self.language() == "es" and (singular, 0) not in self._catalog:
            found.append(singular)
        return real_ngettext(self, singular, plural, number)

    monkeypatch.setattr(DjangoTranslation, "gettext", gettext)
    monkeypatch.setattr(DjangoTranslation, "ngettext", ngettext)
    return found


def shown(messages, html):
    """The untranslated messages that reached the page."""
    text = unescape(html)
    return sorted({message for message in messages if message in text})


@pytest.fixture
def directory():
    """A Spanish-speaking therapist near Cambridge whose own words are English, and a guest article."""
    provider = make_listing(
        "Dana Whitfield",
        zips=["02139"],
        concerns=["birth-trauma", "perinatal-ocd"],
        languages=["en", "es"],
        formats=["in-person", "telehealth"],
        licensed_states=["MA"],
        phone="617-555-0100",
        booking_url="https://booking.example.org/dana",
        free_consultation=True,
        fee_min=90,
        fee_max=150,
        stages=["trying-to-conceive", "pregnant", "birth", "postpartum", "after-loss"],  # a card names three, "2 more"
        booked_months=[add_months(this_month(), 1)],  # a card for a due month says she is not fully booked then
    )
    topic = TopicFactory(slug="after-birth", name="After birth")
    PublishedPostFactory(slug="gentle-start").topics.add(topic)
    return provider


FAMILY_PAGES = [
    "/es/",
    "/es/search/",
    "/es/search/?near=02139",
    "/es/search/?near=02139&concern=birth-trauma&language=es&accepting=1&max_fee=150&format=telehealth",
    "/es/search/?near=02139&concern=infertility&type=midwife",  # no results: the ways out
    "/es/search/?q=no%20puedo%20m%C3%A1s&near=02139",  # words of danger
    "/es/search/?q=pensamientos%20intrusivos",  # distressing but common
    "/es/search/?near=Nowhereville%2C%20ZZ",  # a place we cannot find
    "/es/search/?near=02139&page=2&sort=distance",
    f"/es/search/?near=02139&due={month_key(add_months(this_month(), 3))}",  # not fully booked then
    "/es/search/?due=spring",  # a due month we cannot read
    "/es/search/?near=02139&stage=pregnant",  # "Any stage" beside the stages
    f"/es/search/?near=02139&due={month_key(add_months(this_month(), 1))}",  # none: "without the due month filter"
    "/es/search/?near=02139&max_fee=50",  # none: "without the highest fee filter"
    "/es/search/?due=2099-01",  # a due month out of range
    "/es/providers/dana-whitfield/?back=near%3D02139",
    "/es/providers/dana-whitfield/contact/",
    "/es/providers/dana-whitfield/contact/sent/?back=near%3D02139",
    "/es/providers/dana-whitfield/report/",
    "/es/providers/dana-whitfield/report/thanks/",
    "/es/about/",
    "/es/for-providers/",
    "/es/saved/",
    "/es/blog/",
    "/es/blog/topic/after-birth/",
    "/es/blog/gentle-start/",
    "/es/blog/propose/",
    "/es/blog/propose/thanks/",
    "/es/no-such-page/",
]


@pytest.mark.parametrize("url", FAMILY_PAGES)
def test_every_family_page_reads_in_spanish(client, directory, untranslated, url):
    response = client.get(url)
    assert response.status_code == (404 if "no-such-page" in url else 200)
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert shown(untranslated, html) == [], "messages without a Spanish translation"
    assert english_left(html) == [], "English on a Spanish page"


def test_the_contact_form_errors_and_the_limit_read_in_spanish(client, directory, untranslated):
    response = client.post("/es/providers/dana-whitfield/contact/", {"name": "", "email": "no", "message": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Por favor, revise estos campos" in html and "Por favor, escriba un mensaje breve." in html
    assert shown(untranslated, html) == [] and english_left(html) == []


def test_the_report_form_its_choices_and_errors_read_in_spanish(client, directory, untranslated):
    profile = client.get("/es/providers/dana-whitfield/").content.decode()
    assert 'href="/es/providers/dana-whitfield/report/"' in profile
    response = client.post("/es/providers/dana-whitfield/report/", {"details": "Llamé tres veces."})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Por favor, elija la opción más cercana a lo que pasó." in html and "No pude comunicarme" in html
    assert "Llamé tres veces." in html
    assert shown(untranslated, html) == [] and english_left(html) == []
    sent = client.post("/es/providers/dana-whitfield/report/", {"reason": "unreachable"})
    assert sent["Location"] == "/es/providers/dana-whitfield/report/thanks/"


def test_the_guest_article_proposal_form_and_its_errors_read_in_spanish(client, directory, untranslated):
    response = client.post("/es/blog/propose/", {"name": "Marisol", "email": "no", "summary": "palabra " * 301})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Por favor, revise el correo electrónico" in html and "Su resumen tiene 301 palabras" in html
    assert "Marisol" in html and "Lo que diría el artículo, en 300 palabras como máximo." in html
    assert shown(untranslated, html) == [] and english_left(html) == []


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_the_error_pages_read_in_spanish(untranslated, template):
    request = RequestFactory().get("/es/")
    with translation.override("es"):
        html = views.loader.get_template(template).render({"SITE_NAME": "Directorio"}, request)
    assert '<html lang="es">' in html and "988" in html
    assert shown(untranslated, html) == [] and english_left(html) == []


def test_the_language_link_keeps_the_search_and_the_english_site_is_unchanged(client, directory):
    query = "near=02139&concern=birth-trauma&language=es"
    english = client.get(f"/search/?{query}").content.decode()
    assert '<html lang="en">' in english
    assert f'href="/es/search/?{query.replace("&", "&amp;")}" hreflang="es" lang="es"' in english
    spanish = client.get(f"/es/search/?{query}").content.decode()
    assert f'href="/search/?{query.replace("&", "&amp;")}" hreflang="en" lang="en"' in spanish
    assert 'rel="alternate" hreflang="es" href="http://127.0.0.1:8000/es/search/"' in spanish
    assert 'rel="alternate" hreflang="x-default" href="http://127.0.0.1:8000/search/"' in spanish
    # A profile carries the search as its back-link, in the page's language.
    profile = client.get("/es/providers/dana-whitfield/?back=near%3D02139").content.decode()
    assert 'href="/es/search/?near=02139"' in profile
    assert 'href="/providers/dana-whitfield/?back=near%3D02139" hreflang="en"' in profile


def test_providers_and_founders_pages_stay_english_at_one_address(client):
    assert client.get("/es/accounts/login/").status_code == 404
    assert '<html lang="en">' in client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '<html lang="en">' in client.get("/", HTTP_ACCEPT_LANGUAGE="es").content.decode()


def test_filters_and_cards_name_the_vocabulary_in_spanish_with_the_same_slugs(client, directory):
    html = client.get("/es/search/?near=02139&concern=birth-trauma").content.decode()
    assert 'value="birth-trauma" checked' in html and "Trauma del parto" in html
    assert "Atiende en español" in html
    assert '<p class="result-headline" lang="en">' in html
    english = client.get("/search/?near=02139&concern=birth-trauma").content.decode()
    assert "Birth trauma" in english and "Trauma del parto" not in english and "Atiende en español" not in english


def test_state_names_read_in_spanish_and_stay_english_on_the_english_site(client, directory):
    spanish = client.get("/es/search/?near=10001").content.decode()
    assert "por telesalud en Nueva York" in spanish
    saved = client.get("/es/saved/?p=dana-whitfield&near=10001").content.decode()
    assert "no en Nueva York" in saved  # licensed in Massachusetts only
    english = client.get("/search/?near=10001").content.decode()
    assert "by telehealth in New York" in english and "Nueva York" not in english


def test_a_founders_spanish_name_is_used_and_a_blank_one_falls_back_to_english(client, directory):
    Concern.objects.filter(slug="birth-trauma").update(name_es="Parto traumático")
    Concern.objects.filter(slug="perinatal-ocd").update(name_es="")
    vocabulary().clear()
    html = client.get("/es/search/?near=02139").content.decode()
    assert "Parto traumático" in html and "Perinatal OCD" in html


def test_the_admin_edits_the_spanish_name(admin_client):
    term = Concern.objects.get(slug="birth-trauma")
    html = admin_client.get(f"/admin/providers/concern/{term.pk}/change/").content.decode()
    assert 'name="name_es"' in html and 'value="Trauma del parto"' in html


@pytest.mark.parametrize(
    "words, tier",
    [
        ("suicida", Tier.DANGER),
        ("No puedo más", Tier.DANGER),
        ("ya no puedo seguir", Tier.DANGER),
        ("miedo de hacerle daño a mi bebé", Tier.DANGER),
        ("me quiero morir", Tier.DANGER),
        ("pensamientos intrusivos", Tier.DISTRESS),
        ("Pensamientos que me asustan", Tier.DISTRESS),
        ("pensamientos intrusivos y no puedo más", Tier.DANGER),
        ("depresión posparto", None),
        ("doula que hable español", None),
        ("no puedo dormir", None),
    ],
)
def test_spanish_crisis_words_call_for_the_right_tier(words, tier):
    assert assess(words) == tier


def test_spanish_danger_words_show_the_spanish_crisis_lines_first(client, directory):
    html = client.get("/es/search/?q=no%20puedo%20m%C3%A1s").content.decode()
    callout = html[html.index('class="crisis-callout"') :]
    assert callout.index("No tiene que pasar por esto en soledad") < callout.index('class="result-list"')
    assert "oprima el 2" in callout and "AYUDA" in callout and "tel:+18338526262" in callout


def test_a_message_from_the_spanish_site_reaches_the_provider_in_english_with_a_note(
    client, directory, mailoutbox, django_capture_on_commit_callbacks
):
    message = {"name": "Lucía", "email": "lucia@example.org", "message": "Hola, busco apoyo después del parto."}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/es/providers/dana-whitfield/contact/", message)
        client.post("/providers/dana-whitfield/contact/", {**message, "name": "Lucy", "message": "Hello there."})
    assert list(ContactMessage.objects.order_by("pk").values_list("language", flat=True)) == ["es", "en"]
    spanish, english = mailoutbox
    assert "(from the Spanish site)" in spanish.subject
    assert "came from the Spanish version of the site" in spanish.body and "Hola, busco apoyo" in spanish.body
    assert "Spanish" not in english.subject + english.body


def test_the_sitemap_lists_each_page_in_both_languages(client, directory):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://127.0.0.1:8000/providers/dana-whitfield/</loc>" in xml
    assert "<loc>http://127.0.0.1:8000/es/providers/dana-whitfield/</loc>" in xml
    assert 'hreflang="es" href="http://127.0.0.1:8000/es/about/"' in xml


def test_the_ways_out_and_the_stage_links_name_their_filters_in_spanish(client, directory):
    booked = month_key(add_months(this_month(), 1))
    assert "Sin el filtro “Mes de parto”" in client.get(f"/es/search/?near=02139&due={booked}").content.decode()
    assert "Sin el filtro “Tarifa máxima”" in client.get("/es/search/?near=02139&max_fee=50").content.decode()
    assert ">Cualquier etapa<" in client.get("/es/search/?near=02139&stage=pregnant").content.decode()
