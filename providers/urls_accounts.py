from django.contrib.auth import views as auth_views
from django.urls import path

from providers import accounts

app_name = "accounts"
urlpatterns = [
    path("", accounts.account_home, name="home"),
    path("signup/", accounts.signup, name="signup"),
    path("login/", accounts.LoginView.as_view(), name="login"),
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
