"""Template tags for the search page."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

CHECKED, DISABLED = mark_safe(" checked"), mark_safe(" disabled")  # noqa: S308  (constant markup)


@register.simple_tag
def facet_checkbox(option, name, value):
    """A filter's checkbox and its label with the count. Built here rather than in the template: a results page has
    about 110 of them, and as template nodes they took a third of the page's rendering time."""
    return format_html(
        '<input type="checkbox" id="{}" name="{}" value="{}"{}{}><label for="{}">{} <span class="facet-count">({})'
        "</span></label>",
        option.input_id,
        name,
        value,
        CHECKED if option.checked else "",
        DISABLED if option.disabled else "",
        option.input_id,
        option.name,
        option.count,
    )
