from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("articles/<slug:slug>/", views.post, name="post"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/report/", views.report, name="report"),
]
