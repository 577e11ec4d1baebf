import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection, connections
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.routers import read_alias, reading_from_replica
from directory import comparison
from directory.context_processors import site_name
from directory.desk.counters import count_search_page
from directory.search.engine import DEBUG_QUERY_COUNT
from directory.search.page import search_context, tidied_query


@require_GET
def home(request):
    return render(request, "directory/home.html")


@require_GET
def search(request):
    """The search page: every search is a plain GET URL (see directory.search)."""
    tidied = tidied_query(request.GET)
    if tidied is not None:
        return redirect(f"{request.path}?{tidied}" if tidied else request.path)
    if not getattr(settings, "SEARCH_DEBUG_QUERY_COUNT", DEBUG_QUERY_COUNT):
        context = search_context(request.GET)
        count_search_page(request, context)  # where care is missing: one aggregate counter, nothing per person
        return render(request, "directory/search.html", context)
    from django.test.utils import CaptureQueriesContext

    with reading_from_replica():
        alias = read_alias()
    with CaptureQueriesContext(connections[alias]) as queries:  # the benchmark's query count
        response = render(request, "directory/search.html", search_context(request.GET))
    response["X-Search-Queries"] = str(len(queries))
    return response


@require_GET
def saved(request):
    """A family's saved providers side by side, drawn from the ones named in the address (directory.comparison)."""
    return render(request, "directory/saved.html", comparison.page_context(request.GET))


@require_GET
def about(request):
    return render(request, "directory/about.html")


@require_GET
def for_providers(request):
    return render(request, "directory/for_providers.html")


@require_GET
def robots_txt(request):
    # Names neither the admin's path (it may be moved to stay unlisted) nor the request's host (SITE_URL only).
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """handler500. A lost database is answered as a temporary outage (503), anything else as a 500.

    No request context (no context processors, no database): these pages must render when all else has failed.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        html = loader.get_template("503.html").render({"SITE_NAME": site_name()})
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "30"
        return response
    html = loader.get_template("500.html").render({"SITE_NAME": site_name()})
    return HttpResponse(html, status=500)
