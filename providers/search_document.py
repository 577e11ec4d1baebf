"""The stored full-text document of each listing (weighted), rebuilt whenever a listing or its offices change."""

from django.db import connection

SEARCH_DOCUMENT_SQL = """
WITH names AS (
    SELECT p.id,
        coalesce((SELECT string_agg(t.name, ' ') FROM providers_concern t WHERE t.id = ANY(p.concerns)), '')
            AS concerns,
        coalesce((SELECT string_agg(t.name, ' ') FROM providers_providertype t WHERE t.id = ANY(p.types)), '') AS types,
        coalesce((SELECT string_agg(t.name, ' ') FROM providers_modality t WHERE t.id = ANY(p.modalities)), '')
            AS modalities,
        coalesce((SELECT string_agg(o.city, ' ') FROM providers_office o WHERE o.provider_id = p.id), '') AS cities
    FROM providers_provider p
    WHERE p.id = ANY(%s)
)
UPDATE providers_provider p SET search_document =
    setweight(to_tsvector('simple', unaccent(p.display_name)), 'A')
    || setweight(to_tsvector('english_unaccent', names.concerns), 'A')
    || setweight(to_tsvector('english_unaccent', p.headline || ' ' || names.types || ' ' || names.modalities), 'B')
    || setweight(to_tsvector('simple', unaccent(names.cities)), 'B')
    || setweight(to_tsvector('english_unaccent', p.bio || ' ' || p.approach || ' ' || p.trainings), 'C')
FROM names WHERE names.id = p.id
"""


def refresh_search_documents(ids):
    """Rebuilds the weighted full-text document: name and concerns (A) above headline, types, modalities and
    cities (B) above bio, approach and trainings (C). Accent-insensitive through unaccent."""
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_DOCUMENT_SQL, [list(ids)])
