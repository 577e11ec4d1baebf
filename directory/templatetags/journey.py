"""The journey stages for "Where are you now?" on pages that have no search yet (the home page)."""

from django import template

from providers.taxonomy import vocabulary

register = template.Library()


@register.simple_tag
def journey_stages():
    """The stages families choose from, in their order (the vocabulary is cached: usually no query)."""
    return vocabulary().terms["stages"]
