"""Pending edits list only what changed: text compared as the listing keeps it (a browser's CRLF and trailing spaces
are no change), and the change within a field marked word by word for the provider and the founder."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from providers.events import ListingEvent
from providers.pending import PendingChange, office_dicts
from providers.wording import Run, around_changes, normalised, word_changes
from tests.providers.factories import ModeratorFactory, OwnedPublishedProviderFactory

pytestmark = pytest.mark.django_db

LIVE_HEADLINE = "Gentle support after a hard birth, at your pace"


class FormValues(HTMLParser):
    """What a browser submits for the page's listing form: each field's value as shown, textareas with CRLF."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._textarea = self._select = None
        self._in_form = False

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("enctype") == "multipart/form-data":
            self._in_form = True
        if not self._in_form:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("file", "submit", "button"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self._add(name, a.get("value", "on"))
            else:
                self._add(name, a.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self._add(self._select, a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "textarea":
            name, self._textarea = self._textarea, None
            # Browsers drop the newline just after <textarea> and send line ends as CRLF.
            value = self.data[name][-1].removeprefix("\n")
            self.data[name][-1] = value.replace("\n", "\r\n")
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_form = False

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def submitted_form(client, **changes):
    parser = FormValues()
    parser.feed(client.get("/listing/edit/").content.decode())
    data = {name: values if len(values) > 1 else values[0] for name, values in parser.data.items()}
    assert "bio" in data and "offices-0-zip_code" in data  # the form was read
    data.update(changes)
    return data


@pytest.fixture
def listing():
    return OwnedPublishedProviderFactory(
        headline=LIVE_HEADLINE,
        bio="I work with parents after a hard birth.\n\nSessions go at your pace.",
        approach="I ask before anything.\n\nYou can pause at any time.",
        trainings="Perinatal mood disorders (2019)\nEMDR basic training (2021)",
    )


@pytest.fixture
def provider_client(client, listing):
    client.force_login(listing.owner)
    return client


def test_saving_the_form_unchanged_creates_no_edit(provider_client, listing):
    data = submitted_form(provider_client)
    assert "\r\n" in data["bio"]  # as a browser sends it
    response = provider_client.post("/listing/edit/", data, follow=True)
    assert "Your listing already says this, so nothing is waiting for review." in response.content.decode()
    assert not PendingChange.objects.exists()
    assert not ListingEvent.objects.filter(action=ListingEvent.Action.EDITS_SUBMITTED).exists()


def test_trailing_spaces_and_line_ends_are_no_change(provider_client, listing):
    data = submitted_form(provider_client)
    data["bio"] = "I work with parents after a hard birth.   \r\n\r\nSessions go at your pace.  \r\n"
    data["headline"] = LIVE_HEADLINE + "  "
    provider_client.post("/listing/edit/", data)
    assert not PendingChange.objects.exists()


def test_changing_only_the_headline_lists_only_the_headline(provider_client, listing):
    data = submitted_form(provider_client, headline="Gentle support after a difficult birth, at your pace")
    provider_client.post("/listing/edit/", data)
    pending = PendingChange.objects.get(provider=listing)
    assert list(pending.data) == ["headline"]
    assert pending.offices is None
    assert [row["label"] for row in pending.comparison()] == ["Headline"]
    event = ListingEvent.objects.get(action=ListingEvent.Action.EDITS_SUBMITTED)
    assert event.note == "Changed: Headline"

    dashboard = provider_client.get("/listing/").content.decode()
    table = dashboard.split('<table class="comparison">')[1].split("</table>")[0]
    assert table.count('<th scope="row">') == 1 and "Headline" in table
    assert "<del>hard</del>" in table and "<ins>difficult</ins>" in table


def test_an_edited_text_is_kept_with_plain_line_ends(provider_client, listing):
    data = submitted_form(provider_client, bio="New first paragraph.  \r\n\r\nSecond paragraph.\r\n")
    provider_client.post("/listing/edit/", data)
    assert PendingChange.objects.get(provider=listing).data == {"bio": "New first paragraph.\n\nSecond paragraph."}


def test_the_founder_sees_the_changed_words_marked_and_escaped(client, listing):
    PendingChange.stage(
        listing,
        values={"headline": "Gentle support after a <b>difficult</b> birth, at your own pace", "bio": listing.bio},
        offices=office_dicts(listing.offices.all()),
        by=listing.owner,
    )
    client.force_login(ModeratorFactory())
    html = client.get(reverse("admin:providers_provider_change", args=[listing.pk])).content.decode()
    table = html.split('<table class="edits-comparison">')[1].split("</table>")[0]
    assert table.count('<th scope="row">') == 1  # the bio was sent unchanged: not listed
    assert "<del>hard</del>" in table
    assert "<ins>&lt;b&gt;difficult&lt;/b&gt;</ins>" in table and "<b>" not in table
    assert "<ins>own</ins>" in table
    assert "Gentle support after a " in table  # unchanged words shown plainly
    assert "css/admin_review.css" in html


# The wording helpers ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("One.\r\n\r\nTwo.\r\n", "One.\n\nTwo."),
        ("One.   \nTwo.\t", "One.\nTwo."),
        ("Old Mac\rline ends", "Old Mac\nline ends"),
        ("  padded  ", "padded"),
        (120, 120),
        (["MA"], ["MA"]),
    ],
)
def test_normalised_text(typed, kept):
    assert normalised(typed) == kept


def test_word_changes_mark_only_the_words_that_differ():
    old, new = word_changes("We meet in Cambridge\non Tuesdays.", "We meet in Somerville on Tuesdays.")
    assert old == [Run("We meet in "), Run("Cambridge", True), Run("\non Tuesdays.")]
    assert new == [Run("We meet in "), Run("Somerville", True), Run(" on Tuesdays.")]


def test_a_whole_new_text_is_one_change():
    assert word_changes("—", "A kinder headline") == ([Run("—", True)], [Run("A kinder headline", True)])


def test_around_changes_keeps_a_few_words_either_side():
    text = " ".join(f"w{n}" for n in range(40))
    _, new = word_changes(text, text.replace("w20", "changed"))
    near = around_changes(new, words=3)
    assert "".join(run.text for run in near) == "… w17 w18 w19 changed w21 w22 w23 …"
    assert [run.changed for run in near] == [False, True, False]
