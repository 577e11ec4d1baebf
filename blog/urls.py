from django.urls import path

from blog import views
from blog.feeds import LatestPostsAtomFeed, LatestPostsFeed
from core.pagecache import cache_public_page

# Articles change rarely and become visible at their publish time: a short expiry covers both.
cached = cache_public_page()

app_name = "blog"
urlpatterns = [
    path("", cached(views.post_list), name="post_list"),
    path("topic/<slug:topic_slug>/", cached(views.post_list), name="topic"),
    path("feed/", LatestPostsFeed(), name="feed"),
    path("feed/atom/", LatestPostsAtomFeed(), name="feed_atom"),
    path("propose/", views.propose, name="propose"),
    path("propose/thanks/", views.propose_done, name="propose_done"),
    path("<slug:slug>/", cached(views.post_detail), name="post_detail"),
]
