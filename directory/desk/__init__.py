"""The founders' desk: one review queue for everything waiting on them, and "where care is missing", the private
aggregate counts of searches that found little or nothing.

It reads providers and blog, so it lives on the top floor (directory). Its pages are mounted under the admin
(directory/urls.py) and open to founders only (access.py). Every decision it offers calls the model's own
transition method (providers.lifecycle, blog.models.proposals, providers.reports, core.outbox): no rule twice.
"""
