"""Who runs The Meridian Review in the demo: accounts, sections and the bylines."""

from .records import DemoAccount, DemoAuthor, DemoSection

PUBLICATION = "The Meridian Review"

ACCOUNTS = (
    DemoAccount("admin@example.com", "Site Administrator", "Superuser", staff=True, superuser=True),
    DemoAccount("editor@example.com", "Martin Halloway", "Editor", group="Editors", staff=True),
    DemoAccount("writer@example.com", "Nadia Koval", "Writer", group="Writers", staff=True),
    DemoAccount(
        "moderator@example.com", "Ruth Lindqvist", "Moderator", group="Moderators", staff=True
    ),
    DemoAccount("reader@example.com", "Daniel Reyes", "Reader (never subscribed)"),
    DemoAccount("subscriber@example.com", "Priya Raman", "Subscriber (Annual plan, active)"),
    DemoAccount("lapsed@example.com", "Jonas Becker", "Lapsed subscriber (Monthly plan, expired)"),
)

SECTIONS = (
    DemoSection(
        "Diplomacy",
        """Negotiations, summits, envoys and the channels, public and private, through which
        governments deal with one another.""",
        1,
    ),
    DemoSection(
        "Security",
        """Defence policy, alliances, armed conflict and the economics of force, from the
        eastern flank to the Red Sea.""",
        2,
    ),
    DemoSection(
        "Europe",
        """The European Union's institutions and quarrels, and the politics of its member
        states and neighbours.""",
        3,
    ),
    DemoSection(
        "Economy",
        """Sanctions, energy, trade and investment: the places where geopolitics shows up on
        a balance sheet.""",
        4,
    ),
)

EDITOR_IN_CHIEF = "Martin Halloway"

AUTHORS = (
    DemoAuthor(
        EDITOR_IN_CHIEF,
        "Editor-in-Chief",
        """Martin Halloway has edited The Meridian Review since its founding. He spent fifteen
        years as a foreign correspondent in Vienna, Warsaw and Ankara before turning to
        editing, and writes now and then on European politics and the craft of diplomacy.""",
        email="editor@example.com",
    ),
    DemoAuthor(
        "Nadia Koval",
        "Diplomatic Correspondent",
        """Nadia Koval covers negotiations, summits and the officials who conduct them. She
        reported from Kyiv and Geneva before joining the Review, and trained as an
        international lawyer.""",
        email="writer@example.com",
    ),
    DemoAuthor(
        "Tomasz Ferenc",
        "Central Europe Correspondent",
        """Tomasz Ferenc writes from Budapest about Hungary, Slovakia, Czechia and Poland, and
        about what their governments want from Brussels, Washington and Moscow.""",
    ),
    DemoAuthor(
        "Helen Achterberg",
        "Defence and Security Editor",
        """Helen Achterberg follows armed forces, defence budgets and the alliances that bind
        them. Before journalism she worked on arms control verification.""",
    ),
    DemoAuthor(
        "Samuel Okafor",
        "Economics Editor",
        """Samuel Okafor writes about sanctions, energy markets and the trade routes that
        connect Europe to Asia and Africa.""",
    ),
)
