"""The founders' admin: articles, authors, topics and the proposal queue with its actions."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from blog.models import GuestAuthor, Post, Proposal
from tests.blog.factories import (
    AcceptedProposalFactory,
    DraftPostFactory,
    GuestAuthorFactory,
    InReviewProposalFactory,
    ProposalFactory,
    PublishedPostFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/blog/proposal/"


def jpeg(width=1600, height=1000, name="photo.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (120, 160, 140)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def act(client, action, proposals, **extra):
    data = {"action": action, "_selected_action": [p.pk for p in proposals], "index": 0, **extra}
    return client.post(CHANGELIST, data, follow=True)


def messages_of(response):
    return [(m.level_tag, str(m)) for m in response.context["messages"]]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/blog/post/",
        "/admin/blog/post/add/",
        "/admin/blog/topic/",
        "/admin/blog/guestauthor/",
        "/admin/blog/guestauthor/add/",
        CHANGELIST,
        f"{CHANGELIST}?status__exact=new",
        "/admin/blog/post/?q=bonding",
    ],
)
def test_admin_pages_open(founder_client, url):
    PublishedPostFactory(topics=[TopicFactory()])
    ProposalFactory()
    assert founder_client.get(url).status_code == 200


def test_the_proposal_page_shows_its_history_read_only(founder_client, founder):
    proposal = ProposalFactory()
    proposal.mark_in_review(by=founder)
    html = founder_client.get(f"{CHANGELIST}{proposal.pk}/change/").content.decode()
    assert "History" in html or "history" in html
    assert "founder@example.org" in html
    assert 'name="events-0-note"' not in html  # shown, not editable


def test_mark_in_review_action(founder_client, mailoutbox, django_capture_on_commit_callbacks):
    proposals = ProposalFactory.create_batch(2)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(founder_client, "mark_in_review", proposals)
    assert ("success", "Marked in review: 2 proposals.") in messages_of(response)
    assert set(Proposal.objects.values_list("status", flat=True)) == {"in_review"}
    assert len(mailoutbox) == 2


def test_accept_action_creates_drafts_and_reports_refusals_as_warnings(founder_client, founder):
    waiting = InReviewProposalFactory(title="Waiting")
    done = AcceptedProposalFactory(title="Already accepted")
    response = act(founder_client, "accept", [waiting, done])
    assert response.status_code == 200
    levels = messages_of(response)
    assert ("success", "Accepted: 1 proposal.") in levels
    assert any(level == "warning" and "Already accepted" in text for level, text in levels)
    waiting.refresh_from_db()
    assert waiting.status == "accepted" and waiting.post.status == Post.Status.DRAFT
    assert waiting.events.get().actor == founder


def test_decline_action_asks_for_a_message_first(founder_client):
    proposal = ProposalFactory()
    response = act(founder_client, "decline", [proposal])
    html = response.content.decode()
    assert "Message to the proposer" in html
    assert f'value="{proposal.pk}"' in html
    proposal.refresh_from_db()
    assert proposal.status == "new"


def test_decline_action_refuses_an_empty_message(founder_client):
    proposal = ProposalFactory()
    response = act(founder_client, "decline", [proposal], apply="1", message="   ")
    assert "Please write a message" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "new"


def test_decline_action_with_a_message_declines_and_emails(
    founder_client, mailoutbox, django_capture_on_commit_callbacks
):
    proposals = ProposalFactory.create_batch(2)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(founder_client, "decline", proposals, apply="1", message="We are full for this season.")
    assert ("success", "Declined: 2 proposals.") in messages_of(response)
    assert set(Proposal.objects.values_list("status", flat=True)) == {"declined"}
    assert all("We are full for this season." in email.body for email in mailoutbox)
    assert len(mailoutbox) == 2


def test_decline_action_reports_invalid_transitions_as_warnings(founder_client):
    proposal = AcceptedProposalFactory()
    response = act(founder_client, "decline", [proposal], apply="1", message="Sorry.")
    assert response.status_code == 200
    assert any(level == "warning" for level, _ in messages_of(response))
    proposal.refresh_from_db()
    assert proposal.status == "accepted"


def test_actions_never_run_on_get(founder_client):
    proposal = ProposalFactory()
    founder_client.get(CHANGELIST, {"action": "accept", "_selected_action": proposal.pk, "index": 0})
    proposal.refresh_from_db()
    assert proposal.status == "new"


def test_proposals_cannot_be_added_in_the_admin(founder_client):
    assert founder_client.get(f"{CHANGELIST}add/").status_code == 403


def test_people_who_are_not_staff_cannot_use_the_queue(client):
    proposal = ProposalFactory()
    response = act(client, "accept", [proposal])
    assert "/admin/login/" in response.redirect_chain[0][0]
    proposal.refresh_from_db()
    assert proposal.status == "new"


def test_uploading_a_hero_image_stores_two_webp_variants_rendered_with_size_and_alt(founder_client, client, settings):
    author, topic = GuestAuthorFactory(), TopicFactory()
    data = {
        "title": "With a picture",
        "slug": "with-a-picture",
        "author": author.pk,
        "topics": [topic.pk],
        "summary": "Summary.",
        "body": "Body text.",
        "status": "published",
        "published_at_0": "2025-01-02",
        "published_at_1": "09:00:00",
        "hero_alt": "A parent holding a sleeping baby by a window",
        "hero_upload": jpeg(),
    }
    response = founder_client.post("/admin/blog/post/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    post = Post.objects.get(slug="with-a-picture")
    assert (post.hero_width, post.hero_height) == (1200, 675)
    assert post.hero_image.name.endswith(".webp") and post.hero_image_small.name.endswith(".webp")
    assert Image.open(post.hero_image_small).size == (600, 338)
    html = client.get(post.get_absolute_url()).content.decode()
    assert f'src="{post.hero_image.url}"' in html
    assert 'width="1200" height="675" alt="A parent holding a sleeping baby by a window"' in html
    assert f"{post.hero_image_small.url} 600w" in html
    assert f'<meta property="og:image" content="{settings.SITE_URL}{post.hero_image.url}">' in html


def test_a_hero_image_needs_a_description(founder_client):
    data = {
        "title": "No alt",
        "slug": "no-alt",
        "author": GuestAuthorFactory().pk,
        "summary": "Summary.",
        "status": "draft",
        "hero_upload": jpeg(),
    }
    response = founder_client.post("/admin/blog/post/add/", data)
    assert response.status_code == 200
    assert "Describe the image" in response.content.decode()


def test_an_upload_that_is_not_an_image_is_refused_clearly(founder_client):
    data = {
        "title": "Bad file",
        "slug": "bad-file",
        "author": GuestAuthorFactory().pk,
        "summary": "Summary.",
        "status": "draft",
        "hero_alt": "Something",
        "hero_upload": SimpleUploadedFile("x.jpg", b"not an image", content_type="image/jpeg"),
    }
    response = founder_client.post("/admin/blog/post/add/", data)
    assert "This file is not an image we can use" in response.content.decode()
    assert not Post.objects.exists()


def test_an_author_photo_is_stored_square_and_shown_in_the_author_box(founder_client, client):
    data = {"name": "Grace Whitfield", "credentials": "RN, IBCLC", "bio": "Grace helps.", "photo_upload": jpeg()}
    assert founder_client.post("/admin/blog/guestauthor/add/", data).status_code == 302
    author = GuestAuthor.objects.get()
    assert (author.photo_width, author.photo_height) == (320, 320)
    html = client.get(PublishedPostFactory(author=author).get_absolute_url()).content.decode()
    assert f'src="{author.photo.url}" width="320" height="320" alt="Photo of Grace Whitfield"' in html


def test_view_on_site_is_offered_only_for_live_articles(founder_client):
    live, draft = PublishedPostFactory(), DraftPostFactory()
    assert "View on site" in founder_client.get(f"/admin/blog/post/{live.pk}/change/").content.decode()
    assert "View on site" not in founder_client.get(f"/admin/blog/post/{draft.pk}/change/").content.decode()


def test_a_reserved_address_is_refused_for_an_article(founder_client):
    data = {"title": "Feed", "slug": "feed", "author": GuestAuthorFactory().pk, "summary": "S.", "status": "draft"}
    response = founder_client.post("/admin/blog/post/add/", data)
    assert "is the address of another blog page" in response.content.decode()
    assert not DraftPostFactory._meta.model.objects.exists()
