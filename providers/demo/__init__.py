"""Deterministic, realistic demo data for development and benchmarks (`manage.py seed_demo`).

The pieces, each usable on its own:
- `places`: metro areas and rural towns, and real ZIP codes chosen around them;
- `profiles`: what each kind of provider offers (terms, fees, formats, credentials);
- `names` and `text`/`phrases*`: invented names and original listing text in a first-person voice;
- `avatars`: simple abstract portraits drawn with Pillow;
- `builder`: one listing from (seed, number), so the same arguments always give the same directory;
- `loading`: what counts as demo data, and fast bulk loading into PostgreSQL.
"""
