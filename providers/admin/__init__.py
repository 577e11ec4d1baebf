"""The founders' admin for the providers app, one module per part: accounts, the vocabularies, listings (with their
moderation) and what comes in to review (edits waiting, reports, the history, messages' delivery)."""

from providers.admin import accounts, listings, reviews, vocabularies  # noqa: F401  (each registers its models)
