from django.urls import path

from . import views

app_name = "members"
urlpatterns = [
    path("subscribe/", views.subscribe, name="subscribe"),
    path("accounts/profile/", views.account, name="account"),
]
