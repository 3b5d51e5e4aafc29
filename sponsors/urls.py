from django.urls import path, re_path

from . import views

app_name = "sponsors"
urlpatterns = [
    path("click/<int:pk>/", views.click, name="click"),
    # /sponsors/seen/12-14-15.gif: the placements shown on one page.
    re_path(r"^seen/(?P<ids>[0-9]{1,12}(?:-[0-9]{1,12}){0,9})\.gif$", views.seen, name="seen"),
]
