"""Gated pieces for the reading-rule tests: one per access level, each with a phrase in its
opening (every reader sees it) and one in its rest (only readers with access)."""

from articles.models import Article
from tests.factories import ActorFactory, ArticleActorFactory, ArticleFactory

LEVELS = [choice.value for choice in Article.Access]
OPENING = {level: f"Opening words of the {level} piece" for level in LEVELS}
REST = {level: f"Guarded reasoning of the {level} piece" for level in LEVELS}

# Who reads each level in full on the article page (a free member on the allowance).
READS_IN_FULL = {
    "public": {
        "anonymous",
        "reader",
        "lapsed",
        "subscriber",
        "suspended",
        "moderator",
        "editor",
        "writer",
    },
    "members": {"reader", "lapsed", "subscriber", "suspended", "moderator", "editor", "writer"},
    "subscribers": {"subscriber", "suspended", "editor", "writer"},
}


def body_for(level: str) -> str:
    filler = "The delegations met again in the afternoon and compared their notes at length."
    paragraphs = [f"<p>{OPENING[level]}. {filler}</p>", f"<p>{filler}</p>", f"<p>{filler}</p>"]
    paragraphs += ["<h2>What follows</h2>", f"<p>{REST[level]}. {filler}</p>"]
    paragraphs += [f"<p>{filler}</p>"] * 3
    return "".join(paragraphs)


def make_gated_pieces(tags=("ledger talks",)) -> dict[str, Article]:
    """One piece per access level, linked to one actor and tagged alike, so every list and
    feed of that actor, tag, section and author carries all three."""
    actor = ActorFactory(name="Teodor Lisk")
    pieces = {}
    for level in LEVELS:
        article = ArticleFactory(
            headline=f"The ledger of the {level} talks",
            dek=f"The standfirst of the {level} piece.",
            body=body_for(level),
            access=level,
            tags=list(tags),
        )
        ArticleActorFactory(article=article, actor=actor, role="main")
        pieces[level] = article
    return pieces
