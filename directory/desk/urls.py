"""The desk's addresses, mounted under the admin's path by directory/urls.py."""

from django.urls import path

from directory.desk import views

app_name = "desk"

urlpatterns = [
    path("", views.waiting, name="queue"),
    path("start/", views.start, name="start"),
    path("review/<str:kind>/<int:pk>/", views.review, name="review"),
    path("care-missing/", views.care_missing, name="care_missing"),
    path("care-missing.csv", views.care_missing_csv, name="care_missing_csv"),
]
