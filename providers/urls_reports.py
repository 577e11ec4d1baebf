from django.urls import path

from providers import report_views

app_name = "reports"
urlpatterns = [
    path("providers/<slug:slug>/report/", report_views.report_listing, name="new"),
    path("providers/<slug:slug>/report/thanks/", report_views.report_thanks, name="thanks"),
]
