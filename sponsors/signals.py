"""What a change to a sponsor or a placement makes stale: the placements kept in the cache
and the stored pages that show them (both under the placements' reader-cache tag)."""

from web import reader_cache


def connect() -> None:
    from .models import Placement, Sponsor
    from .placing import PAGE_TAG

    def shown_placements(changed):
        return (PAGE_TAG,)

    for model in (Sponsor, Placement):
        reader_cache.stale_when_changed(model, shown_placements)
    reader_cache.stale_when_m2m_changed(Placement.sections.through, shown_placements)
