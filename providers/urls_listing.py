from django.urls import path

from providers import listing_views

app_name = "listing"
urlpatterns = [
    path("", listing_views.dashboard, name="dashboard"),
    path("edit/", listing_views.edit, name="edit"),
    path("preview/", listing_views.preview, name="preview"),
    path("submit/", listing_views.submit, name="submit"),
    path("edits/withdraw/", listing_views.withdraw_edits, name="withdraw_edits"),
    path("availability/", listing_views.availability, name="availability"),
    path("availability/<str:token>/", listing_views.availability_link, name="availability_link"),
]
