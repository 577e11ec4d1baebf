"""The search page: criteria (what was asked), sql (the one statement), engine (running it, caching counts),
results (cards and facets for the template), crisis (words that call for help first)."""
