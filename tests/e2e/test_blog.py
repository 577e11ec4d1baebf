import pytest
from django.core.cache import cache

from blog.demo import seed_demo_blog
from blog.models import Proposal
from tests.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_reader_reads_an_article_follows_next_and_proposes_one(site):
    seed_demo_blog()
    cache.clear()  # rate-limit counters from earlier runs

    # The list of articles.
    site.goto(site.base_url + "/blog/")
    assert site.get_by_role("heading", level=1).inner_text() == "Guest blog"
    assert_accessible(site)

    # Read the oldest article.
    site.get_by_role("link", name="When bonding takes time: loving your baby after a hard start").click()
    assert site.get_by_role("heading", level=1).inner_text().startswith("When bonding takes time")
    assert site.get_by_role("heading", name="Guest Author").is_visible()
    assert site.get_by_role("link", name="Find a trauma-informed provider").is_visible()
    assert_accessible(site)

    # Follow "next" to the article published after it.
    site.get_by_role("link", name="Next article").click()
    site.wait_for_url("**/blog/was-my-birth-traumatic/")
    assert site.get_by_role("heading", level=1).inner_text() == "Was my birth traumatic? Naming what happened"

    # A topic page.
    site.get_by_role("link", name="Birth trauma").first.click()
    site.wait_for_url("**/blog/topic/birth-trauma/")
    assert_accessible(site)

    # Propose an article: a mistake first, then success.
    site.goto(site.base_url + "/blog/")
    site.get_by_role("link", name="Propose an article").click()
    assert_accessible(site)
    site.get_by_label("Your name").fill("Sam Rivera")
    site.get_by_role("button", name="Send my proposal").click()
    assert site.get_by_role("alert").is_visible()
    assert site.get_by_label("Your name").input_value() == "Sam Rivera"  # nothing typed is lost
    assert_accessible(site)

    site.get_by_label("Your email address").fill("sam@example.org")
    site.get_by_label("Credentials").fill("PMH-C")
    site.get_by_label("Proposed title").fill("Finding calm in the fourth trimester")
    site.get_by_label("Summary").fill("Practical, gentle ideas for the weeks after birth.")
    site.get_by_label("Why it matters to families").fill("Families often feel alone in those weeks.")
    site.get_by_label("This piece is my own original work").check()
    site.get_by_role("button", name="Send my proposal").click()

    site.wait_for_url("**/blog/propose/thanks/")
    assert site.get_by_role("heading", name="What happens next").is_visible()
    assert_accessible(site)
    proposal = Proposal.objects.get()
    assert (proposal.name, proposal.title) == ("Sam Rivera", "Finding calm in the fourth trimester")


def test_the_blog_fits_a_phone_screen(site):
    seed_demo_blog()
    site.set_viewport_size({"width": 390, "height": 844})
    for path in ["/blog/", "/blog/coping-with-the-nicu/", "/blog/propose/"]:
        site.goto(site.base_url + path)
        assert site.evaluate("document.documentElement.scrollWidth") <= 390, path
    assert_accessible(site)


# For each item of an article's byline: does the point where its separating dot is drawn (1 rem into the item) still
# belong to it? Clipped away, the point belongs to what lies beneath.
DOTS_SHOWN = """() => [...document.querySelectorAll('.post-meta > span')].map(item => {
    const box = item.getBoundingClientRect();
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const hit = document.elementFromPoint(box.left + rem, box.top + box.height / 2);
    return {top: Math.round(box.top), dot: item.contains(hit)};
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_an_articles_byline_shows_a_dot_between_items_and_never_at_the_start_of_a_line(site, width):
    seed_demo_blog()
    site.set_viewport_size({"width": width, "height": 844})
    site.goto(site.base_url + "/blog/coping-with-the-nicu/")
    items = site.evaluate(DOTS_SHOWN)
    lines = sorted({item["top"] for item in items})
    if width == 390:
        assert len(lines) > 1  # the byline wraps on a phone
    for before, item in zip([None, *items], items, strict=False):
        starts_line = before is None or item["top"] != before["top"]
        assert item["dot"] is not starts_line, (width, items)
