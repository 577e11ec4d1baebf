"""What the search reads of a listing, declared beside the listings (providers.models uses `packed` for its
generated columns; directory/search reads the rest): the packed words a vocabulary's term ids become, where a term
sits in them, the test "holds any of these terms" on them, the columns every search row carries, and the listings'
change counter. The SQL side is providers migration 0007 (providers_pack_terms, the counter's triggers)."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Func

# providers_pack_terms (migration 0007): three term ids to a 64-bit word, 21-bit lanes, so a sum of words counts
# each term exactly up to 2,097,151 listings.
LANE_BITS = 21


def packed_lane(term_id: int) -> tuple[int, int]:
    """Where a term sits in its vocabulary's packed words: (the word, counted from 1; the lane's lowest bit)."""
    return (term_id - 1) // 3 + 1, LANE_BITS * ((term_id - 1) % 3)


def holds_any_term_sql(column: str, ids) -> tuple[str, list[int]]:
    """SQL true when the packed words in `column` hold any of the term ids `ids` (one mask per word), and its
    parameters: the search's filters and its candidates test terms this way (the covering index holds packed words,
    not the id arrays). The column is the caller's; the word numbers are computed ints; the masks are parameters."""
    masks: dict[int, int] = {}
    for term_id in ids:
        word, shift = packed_lane(term_id)
        masks[word] = masks.get(word, 0) | 1 << shift
    if not masks:
        return "false", []
    tests = " OR ".join(f"coalesce({column}[{word}], 0) & %s::int8 <> 0" for word in masks)
    return f"({tests})", [*masks.values()]


def packed(field):
    """A filter's term ids packed three to a 64-bit word (the SQL function providers_pack_terms, migration 0007, and
    packed_lane): the search sums these words to count three options per aggregate (directory/search/statement.py)."""
    return models.GeneratedField(
        expression=Func(F(field), function="providers_pack_terms"),
        output_field=ArrayField(models.BigIntegerField()),
        db_persist=True,
    )


# The listing's own columns every search reads besides its vocabularies (directory/search/statement.py).
SEARCH_ROW = (
    "name_key",
    "accepting_new_clients",
    "free_consultation",
    "fee_unit",
    "fee_min",
    "fee_max",
    "availability_confirmed_at",
    "licensed_states",
    "booked_months",
)


def packed_name(field):
    return f"{field}_packed"


def listing_changes(connection) -> int:
    """The listings' change counter: advanced by every statement that writes listings or offices (migration 0007).
    Non-transactional, so it may run ahead of a commit by a moment: whatever it keys must also expire."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM providers_listing_changes")
        return cursor.fetchone()[0]
