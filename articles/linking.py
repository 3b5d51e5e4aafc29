"""Linking a piece to the actors its text names: suggestions, dismissals, hand links.

The rules:

- Saving a piece suggests every actor its text names (``suggest_actors``): a link marked
  "found automatically", with the number of mentions, in the role "mentioned".
- A suggestion follows the text: its count is brought up to date on every save, and it goes
  away when the text stops naming the actor.
- An editor who edits a suggestion (its role or position) takes it over (``adopt_links``):
  from then on it is a hand link.
- An editor who removes a link dismisses the actor for that piece (``dismiss_actors``); it
  is not suggested again unless someone links it by hand, which lifts the dismissal.
- Links made by hand are never removed or changed here.

The mention index itself (every actor's names, one per process) is the actors app's
(``actors.mention_index``). This module takes the text to search from its caller: the
article desk (``articles.admin``) and ``import_article`` pass the piece's text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from actors.mention_index import current_index
from actors.mentions import AmbiguousMention, MentionIndex, find_mentions
from actors.models import Actor

from .models import ArticleActor, DismissedActor


@dataclass
class SuggestionReport:
    """What one pass of mention detection did to a piece's links."""

    added: list[ArticleActor] = field(default_factory=list)
    updated: list[ArticleActor] = field(default_factory=list)
    removed: list[ArticleActor] = field(default_factory=list)
    ambiguous: tuple[AmbiguousMention, ...] = ()
    mentions: dict[int, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def suggest_actors(article, text: str, index: MentionIndex | None = None) -> SuggestionReport:
    """Suggest the actors ``text`` (the piece's words) names; see the module's rules."""
    result = find_mentions(text, index or current_index())
    counts = {mention.actor.id: mention.count for mention in result.actors}
    report = SuggestionReport(ambiguous=result.ambiguous, mentions=counts)

    links = {link.actor_id: link for link in ArticleActor.objects.filter(article=article)}
    hand_linked = [pk for pk, link in links.items() if not link.found_automatically]
    DismissedActor.objects.filter(article=article, actor_id__in=hand_linked).delete()
    dismissed = set(
        DismissedActor.objects.filter(article=article).values_list("actor_id", flat=True)
    )

    # The index may lag behind a deletion made by another process a moment ago.
    wanted = [pk for pk in counts if pk not in links and pk not in dismissed]
    existing = set(Actor.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    position = max((link.position for link in links.values()), default=-1) + 1
    for offset, pk in enumerate(pk for pk in wanted if pk in existing):
        # One save per link, not a bulk insert: others listen for links being saved.
        report.added.append(
            ArticleActor.objects.create(
                article=article,
                actor_id=pk,
                role=ArticleActor.Role.MENTIONED,
                found_automatically=True,
                mentions=counts[pk],
                position=min(position + offset, 32767),
            )
        )

    for pk, link in links.items():
        if not link.found_automatically:
            continue
        if pk not in counts:
            report.removed.append(link)
        elif link.mentions != counts[pk]:
            link.mentions = counts[pk]
            link.save(update_fields=["mentions"])
            report.updated.append(link)
    if report.removed:
        ArticleActor.objects.filter(pk__in=[link.pk for link in report.removed]).delete()
    return report


def dismiss_actors(article, actor_ids: Iterable[int], by=None) -> None:
    """Remember that an editor removed these actors from the piece."""
    DismissedActor.objects.bulk_create(
        [DismissedActor(article=article, actor_id=pk, dismissed_by=by) for pk in set(actor_ids)],
        ignore_conflicts=True,
    )


def adopt_links(article, actor_ids: Iterable[int]) -> int:
    """Suggestions an editor edited become hand links, which detection leaves alone."""
    return ArticleActor.objects.filter(
        article=article, actor_id__in=list(actor_ids), found_automatically=True
    ).update(found_automatically=False)
