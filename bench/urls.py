"""The site's URLs plus a bare view: 1 KB of HTML through the same middleware, nothing else."""

from django.http import HttpResponse
from django.urls import path

from website.urls import urlpatterns as site_urlpatterns

KILOBYTE = "<!DOCTYPE html><title>bare</title><p>" + "x" * 980 + "</p>"


def bare(request):
    """Runs on every request: ``private`` keeps the page cache from storing it, so the baseline
    is the view itself, not a cache hit."""
    response = HttpResponse(KILOBYTE)
    response["Cache-Control"] = "private"
    return response


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
