from django.urls import path

from . import views

app_name = "sources"
urlpatterns = [
    path("", views.SourceIndexView.as_view(), name="index"),
    path("<slug:slug>/", views.SourceDetailView.as_view(), name="detail"),
]
