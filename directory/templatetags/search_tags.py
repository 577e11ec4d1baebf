"""Template tags for the search page."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def facet_options(options):
    """A filter group's checkboxes, each in its list item with its label and count (`options`: results.Option).

    Built here rather than in the template: a results page has about 130 of them, and as template nodes they took a
    third of the page's rendering time; through format_html, whose every argument is first checked for laziness,
    ~5 ms a page. The values are plain text, escaped here (the standard library's escape, as Django's is)."""
    return mark_safe(  # noqa: S308  (every value below is escaped)
        "".join(
            f'<li><input type="checkbox" id="{escape(option.input_id)}" name="{escape(option.param)}"'
            f' value="{escape(option.slug)}"{" checked" if option.checked else ""}'
            f'{" disabled" if option.disabled else ""}><label for="{escape(option.input_id)}">'
            f'{escape(str(option.name))} <span class="facet-count">({option.count:d})</span></label></li>'
            for option in options
        )
    )
