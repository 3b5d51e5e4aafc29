from django.urls import path

from .sources import SourceDetailView, SourceIndexView

app_name = "sources"
urlpatterns = [
    path("", SourceIndexView.as_view(), name="index"),
    path("<slug:slug>/", SourceDetailView.as_view(), name="detail"),
]
