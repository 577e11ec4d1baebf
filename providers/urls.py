from django.urls import path

from providers import views

app_name = "providers"
urlpatterns = [
    path("providers/<slug:slug>/", views.provider_detail, name="detail"),
    path("providers/<slug:slug>/contact/", views.contact, name="contact"),
    path("providers/<slug:slug>/contact/sent/", views.contact_sent, name="contact_sent"),
]
