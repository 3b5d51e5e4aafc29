"""What a change to a sponsor or a placement makes stale: the placements kept in the cache
and the stored pages that show them."""


def connect() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .models import Placement, Sponsor
    from .placing import forget_placements

    def changed(sender, **kwargs):
        forget_placements()

    for model in (Sponsor, Placement):
        for signal in (post_save, post_delete):
            signal.connect(changed, sender=model, dispatch_uid=f"sponsors-{model.__name__}")
    m2m_changed.connect(
        changed, sender=Placement.sections.through, dispatch_uid="sponsors-placement-sections"
    )
