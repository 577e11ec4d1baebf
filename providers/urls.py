"""The providers app's addresses, one list per concern, each under its own namespace: public profiles and the
contact form ("providers"), reports of a listing ("reports"), accounts ("accounts", under /accounts/) and
"My listing" ("listing", under /listing/). directory/urls.py includes the families' lists among the pages offered in
Spanish too (under /es/), the providers' lists once, in English."""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from providers import accounts, listing_views, report_views, views
from providers.pagecache import cache_profile_page

profile_patterns = [
    path("providers/<slug:slug>/", cache_profile_page(views.provider_detail), name="detail"),
    path("providers/<slug:slug>/contact/", views.contact, name="contact"),
    path("providers/<slug:slug>/contact/sent/", views.contact_sent, name="contact_sent"),
]

report_patterns = [
    path("providers/<slug:slug>/report/", report_views.report_listing, name="new"),
    path("providers/<slug:slug>/report/thanks/", report_views.report_thanks, name="thanks"),
]

account_patterns = [
    path("", accounts.account_home, name="home"),
    path("signup/", accounts.signup, name="signup"),
    path("signup/sent/", accounts.signup_sent, name="signup_sent"),
    path("login/", accounts.LoginView.as_view(), name="login"),
    path("login/link/<str:token>/", accounts.signin_link, name="signin_link"),
    path("logout/", accounts.LogoutView.as_view(), name="logout"),
    path("verify/resend/", accounts.resend_verification, name="resend_verification"),
    path("verify/<str:token>/", accounts.verify_email, name="verify_email"),
    path("email/", accounts.change_email, name="change_email"),
    path("password/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("delete/", accounts.delete_account, name="delete"),
    path("password-reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="registration/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/", accounts.PasswordResetConfirmView.as_view(), name="password_reset_confirm"
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="registration/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]

listing_patterns = [
    path("", listing_views.dashboard, name="dashboard"),
    path("edit/", listing_views.edit, name="edit"),
    path("preview/", listing_views.preview, name="preview"),
    path("submit/", listing_views.submit, name="submit"),
    path("edits/withdraw/", listing_views.withdraw_edits, name="withdraw_edits"),
    path("availability/", listing_views.availability, name="availability"),
    path("plans/confirm/", listing_views.confirm_plans, name="confirm_plans"),
    path("availability/<str:token>/", listing_views.availability_link, name="availability_link"),
]

# What families see (in English and, under /es/, in Spanish: profiles, the contact and report forms) and what stays
# in English: providers' pages.
family_urlpatterns = [
    path("", include((profile_patterns, "providers"))),
    path("", include((report_patterns, "reports"))),
]
provider_urlpatterns = [
    path("accounts/", include((account_patterns, "accounts"))),
    path("listing/", include((listing_patterns, "listing"))),
]
urlpatterns = family_urlpatterns + provider_urlpatterns
