"""The Meridian Review's newsletters, offered on /newsletters/, in the footer and on the
account page. The demo signs no reader up: sign-up is confirmed by e-mail (see
docs/newsletters.md), and a demo that sent mail on loading would surprise anyone."""

from newsletters.models import Newsletter

from .masthead import PUBLICATION

NEWSLETTERS = (
    (
        "The Daily Brief",
        f"""Each weekday morning, the pieces {PUBLICATION} published since the last brief,
        with a line from the desk on why each matters.""",
        Newsletter.Cadence.DAILY,
        ("Diplomacy", "Security", "Europe", "Economy"),
    ),
    (
        "Weekly Europe",
        """On Fridays, the week's analysis of the European Union and its neighbourhood:
        enlargement, energy, and the quarrels that decide both.""",
        Newsletter.Cadence.WEEKLY,
        ("Europe",),
    ),
)


def load_newsletters(sections: dict) -> None:
    for position, (name, description, cadence, section_names) in enumerate(NEWSLETTERS):
        newsletter = Newsletter.objects.update_or_create(
            name=name,
            defaults={
                "description": " ".join(description.split()),
                "cadence": cadence,
                "active": True,
                "position": position,
            },
        )[0]
        newsletter.sections.set(
            [sections[section] for section in section_names if section in sections]
        )


def count_newsletters() -> dict:
    return {"newsletters": Newsletter.objects.count()}
