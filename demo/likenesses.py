"""What the demo's portraits show: for people (actors and the Review's writers), a likeness
(hair, glasses, a tie); for states, a flag-like plate; for organisations an emblem, for groups
a monogram. Colours are the flags' own; a ``device`` names the one mark (stars, a crescent, a
wheel ...) that tells similar flags apart. Every demo actor has an entry (a test checks it)."""

from .images.portraits import Emblem, Sitter

SITTERS = {
    "Viktor Orbán": Sitter("dark", "cap"),
    "Robert Fico": Sitter("grey", "parted"),
    "Vladimir Putin": Sitter("brown", "receding"),
    "Volodymyr Zelensky": Sitter("black", "cap", tie=False),
    "Donald Trump": Sitter("blond", "parted", skin="medium"),
    "John F. Kennedy": Sitter("brown", "parted"),
    "Robert F. Kennedy": Sitter("brown", "cap"),
    "Anatoly Dobrynin": Sitter("grey", "receding", glasses=True),
    "Richard Nixon": Sitter("dark", "receding"),
    "Henry Kissinger": Sitter("grey", "receding", glasses=True),
    "Xi Jinping": Sitter("black", "parted", skin="medium"),
    "Recep Tayyip Erdoğan": Sitter("grey", "receding", skin="olive"),
    "Mark Rutte": Sitter("brown", "receding"),
    "Ursula von der Leyen": Sitter("blond", "long", tie=False),
}

# The Review's own writers, for the photo beside their bio.
AUTHOR_SITTERS = {
    "Martin Halloway": Sitter("grey", "receding", glasses=True),
    "Nadia Koval": Sitter("brown", "long", tie=False),
    "Tomasz Ferenc": Sitter("dark", "parted"),
    "Helen Achterberg": Sitter("blond", "long", tie=False, skin="fair"),
    "Samuel Okafor": Sitter("black", "cap", skin="brown"),
}

WHITE, BLACK = "#f4f1ea", "#1b1a17"

EMBLEMS = {
    "Hungary": Emblem(("#cd2a3e", WHITE, "#436f4d")),
    "Slovakia": Emblem((WHITE, "#0b4ea2", "#ee1c25"), device="shield"),
    "Russia": Emblem((WHITE, "#0039a6", "#d52b1e")),
    "Ukraine": Emblem(("#0057b7", "#ffd700")),
    "United States": Emblem(("#b22234", WHITE), device="stripes"),
    "Soviet Union": Emblem(("#cc0000",), device="star"),
    "Germany": Emblem((BLACK, "#dd0000", "#ffce00")),
    "France": Emblem(("#002395", WHITE, "#ed2939"), vertical=True),
    "Poland": Emblem((WHITE, "#dc143c")),
    "China": Emblem(("#de2910",), device="stars"),
    "Turkey": Emblem(("#e30a17",), device="crescent"),
    "United Kingdom": Emblem(("#012169",), device="union"),
    "Yemen": Emblem(("#ce1126", WHITE, BLACK)),
    "Moldova": Emblem(("#0046ae", "#ffd200", "#cc092f"), vertical=True),
    "India": Emblem(("#ff9933", WHITE, "#138808"), device="wheel"),
    "European Union": Emblem(("#003399",), device="ring"),
    "NATO": Emblem(("#004990",), device="compass"),
    "United Nations": Emblem(("#4b92db",), device="globe"),
    "Organization for Security and Co-operation in Europe": Emblem(("#1f5a85",), monogram="OSCE"),
    "Wagner Group": Emblem(("#5a4a22",), monogram="WG"),
    "Houthi movement": Emblem(("#2f5a36",), monogram="AA"),
}

LIKENESSES: dict[str, Sitter | Emblem] = {**SITTERS, **EMBLEMS}
