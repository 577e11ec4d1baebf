"""Factories per state: DraftPostFactory is unpublished, ScheduledPostFactory appears in the future,
PublishedPostFactory is visible now."""

from datetime import timedelta

import factory
from django.utils import timezone

from blog.models import GuestAuthor, Post, Proposal, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    description = "Articles on this topic."


class GuestAuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuestAuthor

    name = factory.Sequence(lambda n: f"Jordan Writer{n}")
    credentials = "LICSW, PMH-C"
    bio = "Jordan works with families after difficult births."
    website = "https://example.org/jordan"


class PostFactory(factory.django.DjangoModelFactory):
    """A draft article with a body; use the state factories below."""

    class Meta:
        model = Post
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article number {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = "A gentle article for families."
    body = "Some **plain** words for families.\n\n## A heading\n\nMore words."
    author = factory.SubFactory(GuestAuthorFactory)
    status = Post.Status.DRAFT
    published_at = None

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(extracted)


class DraftPostFactory(PostFactory):
    pass


class ScheduledPostFactory(PostFactory):
    status = Post.Status.SCHEDULED
    published_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))


class PublishedPostFactory(PostFactory):
    status = Post.Status.PUBLISHED
    published_at = factory.Sequence(lambda n: timezone.now() - timedelta(days=400) + timedelta(hours=n))


class ProposalFactory(factory.django.DjangoModelFactory):
    """A new proposal as the public form stores it."""

    class Meta:
        model = Proposal

    name = "Sam Rivera"
    email = factory.Sequence(lambda n: f"proposer{n}@example.org")
    credentials = "PMH-C"
    website = "https://example.org/sam"
    title = factory.Sequence(lambda n: f"Finding calm in the fourth trimester, part {n}")
    summary = "Practical, gentle ideas for the weeks after birth."
    why_it_matters = "Families often feel alone in those weeks."
    confirmed_values = True
    status = Proposal.Status.NEW


class InReviewProposalFactory(ProposalFactory):
    status = Proposal.Status.IN_REVIEW


class AcceptedProposalFactory(ProposalFactory):
    status = Proposal.Status.ACCEPTED


class DeclinedProposalFactory(ProposalFactory):
    status = Proposal.Status.DECLINED
