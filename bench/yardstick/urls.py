"""The yardstick's one page: about 20 kB of HTML, the size of a short article page."""

from django.http import HttpResponse
from django.urls import path

PARAGRAPH = (
    "<p>Diplomats spoke privately of a quiet channel between the two capitals, kept open "
    "through the winter while the summit's communiqué was drafted and redrafted; the border "
    "guarantees, the energy sanctions and the budget promises were all on the table.</p>\n"
)
PAGE = (
    '<!DOCTYPE html>\n<html lang="en-GB">\n<head><meta charset="utf-8">'
    "<title>Yardstick</title></head>\n<body><main><article><h1>Yardstick</h1>\n"
    + PARAGRAPH * 80
    + "</article></main></body>\n</html>\n"
).encode()


def page(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", page)]
