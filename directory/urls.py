from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from directory import views
from directory.pagecache import cache_search_page
from directory.sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", cache_search_page(views.search), name="search"),
    path("saved/", views.saved, name="saved"),  # a shortlist kept in the browser (static/js/shortlist.js)
    path("about/", views.about, name="about"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("for-providers/", views.for_providers, name="for_providers"),
    path("", include("providers.urls")),  # profiles, reports, accounts/ and listing/, each in its namespace
    path("blog/", include("blog.urls")),
    path(f"{settings.ADMIN_URL}desk/", include("directory.desk.urls")),  # the founders' desk, beside the admin
    path(settings.ADMIN_URL, admin.site.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "directory.views.page_not_found"
handler500 = "directory.views.server_error"
