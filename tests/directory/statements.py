"""Counting a page's SQL statements as a served page costs them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def statements(request) -> int:
    """SQL statements `request()` costs, not counting the search's session settings, which a served connection
    sets once but a test's transaction undoes and sets again for every search."""
    with CaptureQueriesContext(connection) as captured:
        request()
    return sum(not query["sql"].startswith("SELECT set_config(") for query in captured.captured_queries)
