"""The words' SQL fragments, shared by the search statements (directory/search/sql.py): the words once as a
tsquery, the names close to them (typos), and how a match is ranked."""

# The words once, as a one-row subquery "query": q, stemmed (english_unaccent) or-ed with exact (simple: names are
# not stemmed in the document) unless the two are the same; nq, the accent-free lower-case words for names.
QUERY = """(SELECT CASE WHEN en = exact THEN en ELSE en || exact END AS q, nq FROM (
        SELECT websearch_to_tsquery('english_unaccent', %(q)s) AS en,
               websearch_to_tsquery('simple', directory_unaccent(%(q)s)) AS exact,
               lower(directory_unaccent(%(q)s)) AS nq) words) query"""
# Names within trigram word-similarity of the words (typos), found through the trigram index: a handful of rows,
# each with a boost of up to 1.2 so "Whitfeld" still puts Whitfield first.
NAMES = f"""names AS MATERIALIZED (
    SELECT t.provider_id, t.name_key, t.confirmed_at,
           2 * greatest(word_similarity(query.nq, t.name_key) - 0.4, 0) AS boost
    FROM directory_listing_text t, {QUERY} WHERE t.name_key %%> query.nq
)"""  # noqa: S608
# Relevance by weighted frequency over the small document: weights A (name, concerns) > B (headline, types, cities).
# (ts_rank, not ts_rank_cd: a third of the cost over 60,000 matches, and the document is too short for proximity
# to matter much.)
# The full document (with the bio, weight C) only decides what matches, through its GIN index: a listing that
# mentions the words only in its bio matches with rank 0 (directory/migrations/0009).
RANK = "ts_rank(t.rank_document, query.q)"


def matched(ranked: bool, columns: str) -> str:
    """Listings whose document matches the words (through the GIN index), ranked, and those whose name is close to
    them (with their boost). Kept apart rather than joined: the planner, which has no statistics on the documents,
    would hash the tens of thousands of matches of a broad word to join them with a few hundred names."""
    rank = RANK if ranked else "0::float4"
    name_columns = columns.replace("t.", "n.")
    return f"""
    SELECT {columns}, {rank} AS rank
    FROM directory_listing_text t, {QUERY}
    WHERE t.document @@ query.q AND NOT EXISTS (SELECT 1 FROM names WHERE names.provider_id = t.provider_id)
    UNION ALL
    SELECT {name_columns}, n.boost + coalesce((
        SELECT {rank} FROM directory_listing_text t, {QUERY}
        WHERE t.provider_id = n.provider_id AND t.document @@ query.q), 0)
    FROM names n
"""  # noqa: S608
