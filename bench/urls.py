"""The site's URLs plus the yardstick: a bare Django view behind the same middleware."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("__bench__/bare/", bare),
    path("", include("newsroom.urls")),
]
