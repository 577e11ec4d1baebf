from django.urls import path

from blog import views
from blog.feeds import LatestPostsAtomFeed, LatestPostsFeed

app_name = "blog"
urlpatterns = [
    path("", views.post_list, name="post_list"),
    path("topic/<slug:topic_slug>/", views.post_list, name="topic"),
    path("feed/", LatestPostsFeed(), name="feed"),
    path("feed/atom/", LatestPostsAtomFeed(), name="feed_atom"),
    path("propose/", views.propose, name="propose"),
    path("propose/thanks/", views.propose_done, name="propose_done"),
    path("<slug:slug>/", views.post_detail, name="post_detail"),
]
