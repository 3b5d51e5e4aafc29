"""The two public routes of sponsors: a counted click, and the impression beacon.

Neither reads or sets a cookie, and neither may be stored by a cache: every request counts.
"""

import base64

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.views.decorators.cache import never_cache

from web.bots import counts

from .counting import add_count
from .models import Placement
from .placing import PER_PAGE, running_placement_ids

# A transparent 1×1 GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
# At most this many placements per beacon (a page shows up to PER_PAGE).
MAX_IDS_PER_BEACON = PER_PAGE * 2


@never_cache
def click(request, pk):
    """Count a click on a running placement and send the reader to its stored address.

    Only the placement's own ``target_url`` is ever redirected to (nothing from the
    request), so the route cannot send anyone elsewhere. Unknown, inactive or ended
    placements answer 404.
    """
    placement = Placement.objects.running().filter(pk=pk).only("pk", "target_url").first()
    if placement is None:
        raise Http404("No such sponsor placement.")
    if counts(request):
        add_count("clicks", [placement.pk])
    response = HttpResponseRedirect(placement.target_url)
    response["Referrer-Policy"] = "origin"
    return response


@never_cache
def seen(request, ids):
    """The beacon a page with placements loads: one impression for each placement named
    that is running now. Always the same pixel, whatever was counted."""
    wanted = []
    for part in ids.split("-")[:MAX_IDS_PER_BEACON]:
        wanted.append(int(part))
    if request.method == "GET" and counts(request):
        running = running_placement_ids()
        add_count("impressions", [pk for pk in wanted if pk in running])
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["X-Robots-Tag"] = "noindex"
    return response
