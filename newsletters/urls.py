from django.urls import path

from . import views

app_name = "newsletters"
urlpatterns = [
    path("", views.newsletters, name="list"),
    path("signup/", views.signup, name="signup"),
    path("signup/sent/", views.signup_sent, name="signup-sent"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("preferences/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("bounces/", views.bounces, name="bounces"),
    path("follow/<str:kind>/<slug:slug>/", views.follow, name="follow"),
    path("follows/unsubscribe/<str:token>/", views.digest_unsubscribe, name="digest-unsubscribe"),
]
