"""Demo pieces for the Diplomacy desk (the long read on back channels has its own module)."""

from ..records import Cite, DemoArticle, LeadImage
from ..sources import AP, IISS, LE_MONDE, REUTERS, STATE_DEPARTMENT

PRISONER_EXCHANGE = DemoArticle(
    slug="how-a-prisoner-exchange-is-negotiated",
    headline="How a prisoner exchange is negotiated",
    dek="""The swap at Ankara airport in August 2024 involved seven governments, several
    intelligence services and months of quiet bargaining. Here is how such deals are put
    together, and why they rarely survive early publicity.""",
    section="Diplomacy",
    kind="explainer",
    authors=("Nadia Koval",),
    days_ago=41,
    hour=9,
    image=LeadImage(
        style="horizon",
        caption="Dusk over the hills around Ankara, whose airport staged the exchange",
        alt="Layered hills fading into a hazy sky under a low sun.",
        credit=AP,
    ),
    tags=("prisoner exchanges", "Russia", "United States", "intelligence", "Turkey"),
    citations=(
        Cite(AP, note="Reporting on the exchange at Ankara on 1 August 2024"),
        Cite(REUTERS, "https://www.reuters.com/world/", "Accounts of the months of talks"),
        Cite(STATE_DEPARTMENT, note="Statements on Americans held abroad"),
    ),
    main=("United States", "Russia"),
    mentioned=("Turkey", "Germany", "Poland", "Vladimir Putin"),
    body="""
On 1 August 2024 two groups of aircraft met on the apron of Ankara's airport. Within a few
hours about two dozen people changed hands: journalists, dissidents and others held in
Russia and Belarus went west, while Russians convicted or awaiting trial in the United States
and several European countries went east. Among those released by Russia was Evan
Gershkovich, a reporter for the <em>Wall Street Journal</em>; among those returned to Moscow
was a man serving a life sentence in Germany for a murder committed in a Berlin park in
2019.

It was the largest exchange between Russia and the West since the end of the Cold War, and
almost nothing about it was improvised.

## Who sits at the table

Prisoner exchanges are rarely run by foreign ministries alone. The people who hold the
prisoners, and who know what the other side values, are usually the security and
intelligence services, and the decisive conversations tend to happen between them. A third
country often hosts and guarantees the handover. In Ankara that role fell to Turkey, whose
intelligence service had kept working contacts with both sides and could vouch that each
aircraft would leave with the people it was promised.

The more governments are involved, the harder the sequencing becomes. Several of the
prisoners Russia wanted were held not by the United States but by its allies, which meant
that Washington had to persuade European governments, including Germany, to release people
their own courts had convicted. Each of those decisions carried a domestic political price
that had to be paid before the trade could happen.

## What is traded

The currency of an exchange is not fairness but value to the other side. People detained
abroad are often accused of espionage on thin evidence, and the detaining government knows
that their release can buy something it wants. The other side knows it too, which is why
governments insist in public that they do not negotiate over hostages while doing exactly
that through intermediaries.

A few rules of thumb recur:

- The side holding the most politically valuable prisoner sets the pace.
- Convicted spies and criminals are harder to release than people still awaiting trial.
- Humanitarian cases, such as sick prisoners, are often added late to balance a deal.

## Why publicity is the enemy

Talks of this kind fail most often when they become public too early. A leak lets
hardliners on either side portray the exchange as a capitulation, and it raises the price of
each prisoner by advertising how much the other government wants them back. For that reason
families are usually asked to stay silent, and officials deny that talks exist until the
aircraft are in the air.

## The moral arithmetic

Every exchange invites the same objection: that paying for hostages encourages more
hostage-taking. The objection is serious, and there is little evidence either way about
whether governments that refuse to trade see fewer of their citizens detained. What is
clear is that democracies find it very hard to leave their own people in foreign prisons
once the cases are public. The Ankara exchange showed that, with enough patience, they can
bring them home. It did not answer what the next detention will cost.
""",
)

ANKARA_MEDIATOR = DemoArticle(
    slug="ankara-mediator-of-convenience",
    headline="Mediator of convenience: why Ankara keeps a seat at every table",
    dek="""Turkey sells drones to Ukraine, buys gas from Russia and hosts talks for both. Its
    balancing act looks like a paradox. It is better understood as a strategy, and one that
    has produced results.""",
    section="Diplomacy",
    kind="analysis",
    authors=("Nadia Koval",),
    days_ago=26,
    hour=10,
    updated_hours=30,
    image=LeadImage(
        style="sea",
        caption="A container ship in the Black Sea, bound for the Bosphorus",
        alt="A container ship stacked with coloured boxes crosses calm water under a hazy sky.",
        credit=REUTERS,
    ),
    tags=("Turkey", "mediation", "Black Sea", "grain", "NATO"),
    citations=(
        Cite(REUTERS, note="Coverage of the Black Sea Grain Initiative, 2022–2023"),
        Cite(LE_MONDE, "https://www.lemonde.fr/en/", "Reporting on talks held in Istanbul"),
        Cite(IISS, note="Assessments of Turkish defence exports"),
    ),
    main=("Turkey", "Recep Tayyip Erdoğan"),
    mentioned=(
        "Russia",
        "Ukraine",
        "United Nations",
        "NATO",
        "Vladimir Putin",
        "Volodymyr Zelensky",
    ),
    body="""
Few governments have managed to stay on speaking terms with both Moscow and Kyiv since
February 2022. Turkey has done more than that: it has armed one side, traded with the other
and repeatedly offered itself as the place where they can meet. For President Recep Tayyip
Erdoğan the role is a source of prestige. For the parties to the war, and for Turkey's NATO
allies, it has at times been genuinely useful.

## The grain corridor precedent

The clearest success came in July 2022, when Turkey and the United Nations brokered the
Black Sea Grain Initiative. Russia and Ukraine did not sign an agreement with each other;
each signed a parallel text with Turkey and the UN, and a joint centre in Istanbul inspected
ships leaving Ukraine's ports. For a year the arrangement let millions of tonnes of grain
reach world markets, until Russia declined to extend it in July 2023.

The design is instructive. It asked neither side to recognise the other's claims, gave both
a face-saving way to say yes, and placed the verification on neutral ground. Turkey supplied
the ground and, as important, the confidence that it would not take sides in the
inspection.

## Straits, drones and gas

Ankara's leverage rests on three things. The first is geography. Under the Montreux
Convention of 1936 Turkey controls the passage of warships through the straits between the
Black Sea and the Mediterranean, and in 2022 it closed them to the navies of the warring
states. The second is its defence industry, whose armed drones were among the weapons
Ukraine relied on early in the war. The third is energy and trade: Turkey did not join
Western sanctions, kept buying Russian gas and oil, and became a busy route for goods
reaching Russia.

Each of these gives one side a reason to keep Ankara close, and together they make Turkey
hard for either to dismiss. Istanbul was the venue for direct talks between Russian and
Ukrainian delegations in the first weeks of the war and again in 2025, when the meetings
produced agreements on large exchanges of prisoners even as they failed to narrow the
distance on everything else.

## The limits of balance

The strategy has costs. Turkey's allies have grown tired of its trade with Russia, and its
long delay in ratifying Sweden's accession to NATO, which it finally approved in January
2024, reminded them that Ankara's cooperation comes at a price. Moscow, for its part, has
never treated Turkey as neutral, only as useful.

Mediation by a party with interests of its own is not a flaw in itself; most successful
mediators have had them. The question is whether those interests are compatible with an
outcome both sides can accept. On grain they were. On the war itself, Turkey's seat at the
table has so far produced exchanges and humanitarian arrangements rather than peace, which
may be the most that any mediator can offer until the belligerents decide they want one.
""",
)

DIPLOMACY = (PRISONER_EXCHANGE, ANKARA_MEDIATOR)
