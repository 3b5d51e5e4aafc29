from django.urls import path

from . import login, views
from .billing import views as billing

app_name = "members"
urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("subscribe/checkout/", billing.checkout, name="checkout"),
    path("subscribe/thanks/", billing.checkout_success, name="checkout-success"),
    path("subscribe/cancelled/", billing.checkout_cancelled, name="checkout-cancelled"),
    path("accounts/profile/billing/", billing.billing_portal, name="billing-portal"),
    path("members/stripe/webhook/", billing.stripe_webhook, name="stripe-webhook"),
    path("appeals/<int:pk>/follow/", views.follow_appeal, name="follow-appeal"),
    path("accounts/profile/", views.account, name="account"),
    path("gifts/<slug:slug>/", views.make_gift, name="make-gift"),
    path("gift/<str:token>/", views.open_gift, name="gift"),
    # allauth's page (its name, account_login, reverses to this address), answering 429 for
    # an account locked by failed attempts.
    path("accounts/login/", login.login),
]
