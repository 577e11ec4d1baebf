"""The blog's models: articles with their topics and guest authors (posts.py), and proposals for articles
(proposals.py, which builds on posts.py). This module only hands their names on."""

from blog.models.posts import GuestAuthor, Post, Topic
from blog.models.proposals import Proposal, ProposalEvent, TransitionNotAllowed

__all__ = ["GuestAuthor", "Post", "Proposal", "ProposalEvent", "Topic", "TransitionNotAllowed"]
