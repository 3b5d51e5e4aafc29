from django.urls import path

from . import views

app_name = "actors"
urlpatterns = [
    path("", views.ActorIndexView.as_view(), name="index"),
    path("<slug:slug>/", views.ActorDetailView.as_view(), name="detail"),
]
