from django.urls import path

from .actors import ActorDetailView, ActorGraphView, ActorIndexView

app_name = "actors"
urlpatterns = [
    path("", ActorIndexView.as_view(), name="index"),
    # Before the actor pages: "graph" is also a reserved actor slug (web/slugs.py).
    path("graph/", ActorGraphView.as_view(), name="graph"),
    path("<slug:slug>/", ActorDetailView.as_view(), name="detail"),
]
