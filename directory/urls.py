from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from core.pagecache import cache_public_page
from directory import views
from directory.sitemaps import SITEMAPS
from providers.pagecache import cache_listings_page
from providers.urls import family_urlpatterns, provider_urlpatterns

# Pages that show no listing (they change with a release): a short expiry is all they need.
cached = cache_public_page()

# Every page a family sees: English at its plain address, Spanish under /es/ (issue 15).
urlpatterns = i18n_patterns(
    path("", cached(views.home), name="home"),
    path("search/", cache_listings_page(views.search), name="search"),
    path("saved/", views.saved, name="saved"),  # a shortlist kept in the browser (static/js/shortlist.js)
    path("about/", cached(views.about), name="about"),
    path("for-providers/", cached(views.for_providers), name="for_providers"),
    path("", include(family_urlpatterns)),  # profiles and reports, each in its namespace
    path("blog/", include("blog.urls")),
    prefix_default_language=False,
)
# Providers' accounts and listings, the founders' admin and what machines read: English, one address each.
urlpatterns += [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include(provider_urlpatterns)),  # accounts/ and listing/, each in its namespace
    path(f"{settings.ADMIN_URL}desk/", include("directory.desk.urls")),  # the founders' desk, beside the admin
    path(settings.ADMIN_URL, admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "directory.views.page_not_found"
handler500 = "directory.views.server_error"
