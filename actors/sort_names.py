"""How actors are alphabetised: people by surname, everyone else by name.

A person's sort name puts the surname first: "Viktor Orbán" → "Orbán, Viktor". Particles
written in lower case belong after the given names, so the surname they introduce decides
the place: "Ursula von der Leyen" → "Leyen, Ursula von der"; capitalised ones are part of
the surname ("Herman Van Rompuy" → "Van Rompuy, Herman"). Generational suffixes follow the
given names ("Martin Luther King Jr." → "King, Martin Luther, Jr."). A name of one word, or
one already written surname first (with a comma), stays as it is. States, organisations and
groups sort by their name without a leading "The".

Names the rule gets wrong (family name first, as in "Xi Jinping") are corrected by an editor
in the admin; the sort name is only recomputed while it still is the automatic one.
"""

import unicodedata

PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ter", "zu"}
    | {"bin", "ibn", "al", "el", "dos", "das", "do", "y"}
)
CAPITALISED_PARTICLES = frozenset(p.capitalize() for p in PARTICLES)
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Letters that do not decompose into a base letter and an accent.
BASE_LETTERS = {"Ł": "L", "Ø": "O", "Æ": "A", "Œ": "O", "Đ": "D", "Þ": "T", "ß": "S", "Ð": "D"}
OTHER_INITIAL = "#"


def sort_name_for(name: str, person: bool) -> str:
    """The automatic sort name of an actor called ``name`` (``person``: sort by surname)."""
    name = " ".join(name.split())
    if not person:
        first, _, rest = name.partition(" ")
        return rest if first.lower() == "the" and rest else name
    if "," in name:
        return name
    words = name.split(" ")
    suffixes = []
    while len(words) > 2 and words[-1].lower() in SUFFIXES:
        suffixes.insert(0, words.pop())
    if len(words) < 2:
        return name
    # The surname is the last word and the capitalised particles before it ("Van Rompuy");
    # lower-case particles stay with the given names ("Leyen, Ursula von der").
    start = len(words) - 1
    while start > 1 and words[start - 1] in CAPITALISED_PARTICLES:
        start -= 1
    parts = [" ".join(words[start:]), " ".join(words[:start]), *suffixes]
    return ", ".join(parts)


def sort_key(sort_name: str) -> str:
    """``sort_name`` as the index orders it: lower case, accents folded ("Ökistan" before
    "Orbán, Viktor", as a reader expects)."""
    decomposed = unicodedata.normalize("NFKD", sort_name.strip())
    folded = "".join(BASE_LETTERS.get(char.upper(), char) for char in decomposed)
    return "".join(char for char in folded if not unicodedata.combining(char)).casefold()


def index_letter(sort_name: str) -> str:
    """The A–Z letter ``sort_name`` files under: accents folded ("Ö" → "O"), "#" for names
    that start with anything else (a digit, another script)."""
    initial = next((char for char in sort_key(sort_name) if char.isalnum()), "")
    return initial.upper() if "a" <= initial <= "z" else OTHER_INITIAL
