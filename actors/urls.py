from django.urls import path

from . import views

app_name = "actors"
urlpatterns = [
    path("", views.ActorIndexView.as_view(), name="index"),
    # Before the actor pages: "graph" is also a reserved actor slug (web/slugs.py).
    path("graph/", views.ActorGraphView.as_view(), name="graph"),
    path("<slug:slug>/", views.ActorDetailView.as_view(), name="detail"),
]
