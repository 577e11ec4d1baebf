"""Article bodies are Markdown rendered once on save into sanitised HTML: nothing in them can run or track."""

import pytest

from blog.rendering import reading_minutes, render_markdown
from tests.blog.factories import PublishedPostFactory

pytestmark = pytest.mark.django_db

HOSTILE = """
## Hello

<script>alert("owned")</script>

<img src="/media/blog/ok.webp" alt="Our own picture" onerror="alert(1)">
<img src="https://tracker.example.com/pixel.gif" alt="tracker">
<img src="//tracker.example.com/pixel.gif" alt="protocol-relative">

[click me](javascript:alert(1)) and <a href="javascript:alert(2)" onclick="alert(3)">this</a>

<p onmouseover="alert(4)" style="color:red">Styled</p>
<iframe src="https://evil.example.com"></iframe>
"""


def test_hostile_markdown_renders_inert():
    html = render_markdown(HOSTILE)
    assert "<script" not in html and 'alert("owned")' not in html
    assert "onerror" not in html and "onclick" not in html and "onmouseover" not in html
    assert "javascript:" not in html
    assert "style=" not in html
    assert "<iframe" not in html
    assert "tracker.example.com" not in html


def test_images_from_our_own_media_are_kept_with_their_alt_text():
    html = render_markdown(HOSTILE)
    assert '<img src="/media/blog/ok.webp" alt="Our own picture">' in html


def test_images_from_our_object_storage_are_ours_too(settings):
    settings.MEDIA_ORIGIN = "https://media-bucket.example.com"
    html = render_markdown(
        "![ours](https://media-bucket.example.com/media/blog/a.webp) ![theirs](https://media-bucket.example.com.evil.example/a.webp)"
    )
    assert '<img alt="ours" src="https://media-bucket.example.com/media/blog/a.webp">' in html
    assert "evil" not in html


def test_markdown_formatting_survives_and_links_are_safe():
    html = render_markdown("# Title\n\nSome **bold** text and [a link](https://example.org).\n\n- one\n- two")
    assert "<h2>Title</h2>" in html  # the page's only <h1> is the article title
    assert "<strong>bold</strong>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">a link</a>' in html
    assert "<li>one</li>" in html


def test_the_rendered_body_and_reading_time_are_stored_on_save():
    post = PublishedPostFactory(body=HOSTILE + "\n\n" + "word " * 450)
    post.refresh_from_db()
    assert "<h2>Hello</h2>" in post.body_html
    assert "<script" not in post.body_html
    assert post.reading_minutes == 3


def test_the_article_page_shows_the_stored_sanitised_body(client):
    post = PublishedPostFactory(body=HOSTILE)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "tracker.example.com" not in html
    assert 'alert("owned")' not in html
    assert "javascript:" not in html


@pytest.mark.parametrize(("words", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (1000, 5)])
def test_reading_time_is_at_least_one_minute_at_200_words_a_minute(words, minutes):
    assert reading_minutes("word " * words) == minutes
