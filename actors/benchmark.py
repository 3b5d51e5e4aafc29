"""How fast mention detection is: ``python -m actors.benchmark``.

Builds an index of 10,000 made-up actors (people with surnames and titles, states with
demonyms and capitals, organisations with abbreviations), then times ``find_mentions`` on a
5,000-word text that names a few hundred of them among ordinary prose. Mention detection runs
on every save of an article, so a call must stay within 20 ms. Nothing here touches the
database; the figures depend only on this machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from .mentions import ActorNames, build_index, find_mentions

_SYLLABLES = (
    "an bel cor dan el fa gor han is jo ka lev mar nor ol pet ra sor tan ul vik wen yan zol "
    "bra cze dro fli gra kro mil nov pra sta tro vla zem ber dur fen gil hol kir lun mor"
)
SYLLABLES = _SYLLABLES.split()
TITLES = ("President", "Prime Minister", "Foreign Minister", "General", "Ambassador")
_PROSE = (
    "the talks resumed after a long pause and both capitals now read the same signals in "
    "different ways while officials said that the agreement would hold until the spring "
    "although nobody could say who had proposed it first or what it would cost us in the "
    "end because the union of interests that made it possible was fragile and the alliance "
    "itself was divided over the question of energy supplies and the price of gas"
)
PROSE = _PROSE.split()


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def make_actors(count: int, rng: random.Random) -> list[ActorNames]:
    actors = []
    for n in range(count):
        kind = ("person", "person", "person", "state", "organisation")[n % 5]
        if kind == "person":
            first, last = _word(rng, 2), _word(rng, rng.choice((2, 3)))
            aliases = (last, f"{rng.choice(TITLES)} {last}", f"{first[0]}. {last}")
            name = f"{first} {last}"
        elif kind == "state":
            name = _word(rng, 3) + "ia"
            aliases = (name[:-2] + "ian", _word(rng, 2), f"Republic of {name}")
        else:
            words = [_word(rng, 2) for _ in range(3)]
            name = " ".join(words) + " Organisation"
            aliases = ("".join(w[0] for w in words) + "O",)
        actors.append(ActorNames(n + 1, name, aliases, kind=kind))
    return actors


def make_text(actors: list[ActorNames], words: int, rng: random.Random) -> str:
    out: list[str] = []
    while len(out) < words:
        out.extend(rng.choice(PROSE) for _ in range(rng.randint(6, 14)))
        actor = rng.choice(actors)
        out.extend(rng.choice((actor.name, *actor.aliases)).split())
        out[-1] += rng.choice((".", ",", "'s", "", ""))
    return " ".join(out[:words])


def measure(actors: int = 10_000, words: int = 5_000, runs: int = 50) -> dict:
    """Build an index of ``actors`` made-up actors and time ``find_mentions`` ``runs`` times."""
    rng = random.Random(1962)
    names = make_actors(actors, rng)
    text = make_text(names, words, rng)

    started = time.perf_counter()
    index = build_index(names)
    built = time.perf_counter() - started

    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        result = find_mentions(text, index)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "actors": actors,
        "names": index.keys,
        "words": len(text.split()),
        "index_ms": built * 1000,
        "found": len(result.actors),
        "ambiguous": len(result.ambiguous),
        "median_ms": statistics.median(timings),
        "p95_ms": timings[max(0, round(len(timings) * 0.95) - 1)],
        "max_ms": timings[-1],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args(argv)
    figures = measure(args.actors, args.words, args.runs)
    print(
        f"{figures['actors']:,} actors ({figures['names']:,} names), index built in "
        f"{figures['index_ms']:.0f} ms; {figures['words']:,} words, {figures['found']} actors "
        f"found, {figures['ambiguous']} ambiguous names."
    )
    print(
        f"find_mentions over {args.runs} runs: median {figures['median_ms']:.1f} ms, "
        f"95th percentile {figures['p95_ms']:.1f} ms, slowest {figures['max_ms']:.1f} ms."
    )


if __name__ == "__main__":
    main()
