"""The ground floor: plumbing every app may use and that imports no app (emails and their outbox, images, links,
rate limits, the honeypot field, the admin's base class, middleware, the replica router, whole-page caching, backups
and the local PostgreSQL cluster)."""
