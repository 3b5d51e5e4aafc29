"""Demo pieces for the Security desk."""

from ..records import Cite, DemoArticle, LeadImage
from ..sources import (
    AP,
    BUDAPEST_MEMORANDUM,
    ECFR,
    FT,
    HELSINKI_FINAL_ACT,
    IISS,
    LE_MONDE,
    NORTH_ATLANTIC_TREATY,
    REUTERS,
    SIPRI,
)

EASTERN_FLANK = DemoArticle(
    slug="nato-eastern-flank-promises-and-budgets",
    headline="The eastern flank after two summits: NATO's promises meet its budgets",
    dek="""Allies have agreed to spend far more on defence and to keep more forces close to
    Russia. The harder part is turning communiqué language into brigades, ammunition and air
    defence that actually exist.""",
    section="Security",
    kind="analysis",
    authors=("Helen Achterberg",),
    featured=True,
    days_ago=9,
    hour=6,
    image=LeadImage(
        style="map",
        caption="Reinforcement routes to the Baltic states, as mapped by the IISS",
        alt="A muted map of coastlines and borders, with routes drawn between marked towns.",
        credit=IISS,
    ),
    tags=("NATO", "defence spending", "eastern flank", "Baltic states", "air defence"),
    citations=(
        Cite(
            NORTH_ATLANTIC_TREATY,
            "https://www.nato.int/cps/en/natolive/official_texts_17120.htm",
            "Article 3 on self-help and mutual aid; Article 5 on collective defence",
        ),
        Cite(
            SIPRI,
            "https://www.sipri.org/databases/milex",
            "Military expenditure of the allies since 2014",
        ),
        Cite(IISS, note="The Military Balance, on force numbers and stocks"),
    ),
    main=("NATO", "Mark Rutte"),
    mentioned=("Poland", "Germany", "United States", "Russia", "Donald Trump"),
    body="""
When NATO's leaders met in Washington in July 2024 to mark the alliance's 75th anniversary,
the headline was continuity: more support for Ukraine, more forces on the eastern flank, and
the reassurance that Finland and Sweden, the newest members, were now fully inside. A year
later, at The Hague, the tone had changed. Under pressure from Washington, allies accepted a
new goal of spending 5 per cent of their economies on defence and related security by 2035,
of which 3.5 per cent is meant for core military needs.

The number was chosen to be memorable. The question for the eastern flank is what it buys,
and how quickly.

## From 2 to 5 per cent

The previous benchmark, 2 per cent of GDP, was agreed in Wales in 2014 after Russia seized
Crimea. It took most allies the better part of a decade to reach it, and several did so only
after the full-scale invasion of Ukraine in 2022. The states closest to Russia moved first:
Poland and the Baltic states now spend well above the old line, while some western and
southern allies remain close to it.

Treaty language has never required any of this. Article 3 of the North Atlantic Treaty asks
allies to maintain and develop their capacity to resist attack, alone and together, and
leaves the rest to politics. The new target is a political promise too, and it will be kept
or broken in national budgets, year by year.

## Forces on the ground

The most visible change is in the forward presence. Multinational battlegroups now stand in
eight countries from the Baltic to the Black Sea, and Germany has begun stationing a full
armoured brigade in Lithuania, the first permanent deployment of its kind outside German
territory since the Second World War. The alliance's planners have also assigned forces in
much larger numbers to the defence of particular regions, so that a commander in a crisis
would know which units are coming and how fast.

## What money cannot buy quickly

Money is the easy part. The limits are industrial and human:

- Air and missile defence systems have waiting lists measured in years, and the
  interceptors they fire are consumed far faster than they are produced.
- Artillery ammunition production has risen sharply since 2022 but still trails the rate at
  which a large war would use it.
- Armed forces across Europe struggle to recruit and keep the soldiers, technicians and
  pilots that new equipment needs.

None of these problems responds to a bigger budget within a single year. They require
long contracts that give manufacturers the confidence to build factories, and personnel
policies that take a decade to show results.

## The political risk

Mark Rutte, who became secretary general in October 2024, has framed the new target as the
price of keeping the United States committed to Europe's defence. That argument cuts both
ways. If allies fall short, Donald Trump's administration has a ready reason to question
American commitments; if they succeed, Europe will have built forces it controls itself,
with consequences for the alliance's balance that few have yet thought through.

For the eastern flank, the test is simpler. Deterrence depends on what an adversary believes
can be brought to bear in the first days of a crisis. Promises made at summits matter only
insofar as they change that belief, and they will change it only when the equipment, the
ammunition and the people are visibly there.
""",
)

RED_SEA = DemoArticle(
    slug="red-sea-price-of-a-detour",
    headline="The Red Sea and the price of a detour",
    dek="""Attacks on merchant ships have pushed much of the traffic between Asia and Europe
    around Africa. Naval escorts have limited the damage without ending it, and the cost has
    settled quietly into the price of goods.""",
    access="members",
    section="Security",
    kind="analysis",
    authors=("Helen Achterberg", "Samuel Okafor"),
    days_ago=33,
    hour=7,
    image=LeadImage(
        style="sea",
        caption="A container ship under way in the Gulf of Aden",
        alt="A container ship stacked with coloured boxes sails across a dark sea at dusk.",
        credit=REUTERS,
    ),
    tags=("Red Sea", "shipping", "Houthis", "maritime security", "trade"),
    citations=(
        Cite(REUTERS, note="Reporting on attacks and diversions since November 2023"),
        Cite(FT, "https://www.ft.com/", "Shipping and insurance market coverage"),
        Cite(IISS, note="Analysis of the naval operations in the Red Sea"),
    ),
    main=("Houthi movement",),
    mentioned=("Yemen", "United States", "United Kingdom", "European Union"),
    body="""
Since November 2023 the Houthi movement, which controls northern Yemen and its capital, has
attacked merchant ships in and around the Red Sea with missiles, drones and, in one early
case, a helicopter-borne boarding party. It presents the campaign as a response to the war
in Gaza. Its targets have not always matched that claim, and its effect has been felt far
beyond the region.

## Who is attacking, and why

The Houthis have fought Yemen's internationally recognised government and a Saudi-led
coalition for a decade. Attacking shipping gives them a reach and a standing they could not
otherwise have: with relatively cheap weapons they have forced the world's largest shipping
companies to change course. Iran's support for the movement is well documented, though the
extent of its control over Houthi decisions is debated.

## Escorts without a victory

Navies responded quickly. The United States organised a multinational protection force in
December 2023, and the European Union launched its own defensive mission, Aspides, in
February 2024, with orders to protect ships but not to strike targets on land. American and
British aircraft and warships have repeatedly struck Houthi positions since January 2024.

These operations have shot down a great many missiles and drones, and they have protected
many vessels. They have not restored normal traffic. For a shipping company, the relevant
question is not whether most ships get through but whether the risk to a crew, a hull and a
cargo is worth taking, and for most of the large container lines the answer has been no.

## The bill arrives in Europe

The alternative route around the Cape of Good Hope adds roughly ten days or more to a voyage
between Asia and northern Europe. The costs show up in several places:

- more fuel, more crew time and more ships needed to keep the same weekly schedule;
- higher war-risk insurance for the vessels that still use the Red Sea;
- lost transit fees for Egypt, whose Suez Canal revenues fell steeply;
- longer and less predictable delivery times for European manufacturers and retailers.

Freight rates spiked in early 2024 and then eased as carriers adapted, but the adaptation
itself is the cost. Shipping lines have absorbed the longer route by deploying more
capacity, and those expenses are passed on, a little at a time, in the price of what
Europe imports.

The lesson for European security policy is uncomfortable. A non-state group with a modest
arsenal can impose lasting costs on the world economy from a narrow strait, and the naval
power assembled against it has been able to contain the damage rather than end it. Europe's
trade depends on a handful of such chokepoints. Defending them is becoming part of its
defence policy, whether or not its budgets say so.
""",
)

AFTER_WAGNER = DemoArticle(
    slug="after-wagner-russia-in-the-sahel",
    headline="After Wagner: Russia's reorganised footprint in the Sahel",
    dek="""The mercenary group that marched on Moscow in 2023 has been folded into the Russian
    state. In Mali, Burkina Faso and Niger, the brand has changed faster than the
    business.""",
    access="subscribers",
    section="Security",
    kind="analysis",
    authors=("Helen Achterberg",),
    days_ago=47,
    hour=8,
    image=LeadImage(
        style="horizon",
        caption="Dusk over the Manding hills outside Bamako",
        alt="Layered ridges fade into a hazy evening sky under a low sun.",
        credit=LE_MONDE,
    ),
    tags=("Sahel", "Wagner", "Russia", "Africa", "mercenaries"),
    citations=(
        Cite(LE_MONDE, note="Reporting from Bamako and northern Mali"),
        Cite(AP, note="Coverage of the withdrawal of French and UN forces"),
        Cite(ECFR, "https://ecfr.eu/", "Analysis of the Alliance of Sahel States"),
    ),
    main=("Wagner Group", "Russia"),
    mentioned=("Vladimir Putin", "France", "United Nations"),
    body="""
In June 2023 the Wagner Group's fighters left their positions in Ukraine and drove towards
Moscow before turning back within a day. Two months later its founder, Yevgeny Prigozhin,
was killed when his plane came down north-west of the Russian capital. Many observers expected
Wagner's African operations to collapse with him. They did not; they were taken over.

## From private army to state instrument

Wagner had always been less private than its name suggested. It operated with Russian
military transport, Russian weapons and the political backing of the Kremlin, and it served
Moscow's interests in places where the Russian state preferred not to appear in uniform.
After the mutiny, the defence ministry moved to bring that capability under direct control,
recruiting Wagner veterans into a new structure that became known as the Africa Corps.

The change is more than cosmetic. A ministry-run force answers to Moscow's priorities rather
than a single businessman's, and it can call on state resources more openly. It also makes
Russia directly responsible for what its forces do, which Wagner's deniability was designed
to avoid.

## What the juntas bought

The military governments that seized power in Mali, Burkina Faso and Niger between 2020 and
2023 share a grievance and a problem. The grievance is with France, the former colonial
power, whose counter-terrorism operations they accused of failing; French forces left all
three countries, and the UN peacekeeping mission in Mali closed at the end of 2023. The
problem is that jihadist insurgencies still control or contest large parts of their
territory.

Russian forces offered the juntas something France would not: protection for the regimes
themselves, with no lectures about elections. The three governments have since formed their
own Alliance of Sahel States and left the West African regional bloc, ECOWAS, tying their
security more closely to each other and to Moscow.

## The limits of the model

The results on the battlefield have been poor. In July 2024 Malian troops and Russian
fighters suffered heavy losses near the Algerian border in an ambush by separatist and
jihadist groups, and reports of abuses against civilians have followed Russian units across
the region. In 2025 Wagner announced that it was leaving Mali, while the Africa Corps
stayed.

For Moscow, the Sahel is nevertheless a qualified success. At low cost it has replaced a
Western presence, gained access to mining concessions and won a diplomatic constituency at
the United Nations. For the people of the region, it has brought a different set of foreign
soldiers and no end to the violence. The question for Europe is whether it has any offer
that the juntas would prefer, and so far the answer appears to be no.
""",
)

BUDAPEST_MEMORANDUM_EXPLAINED = DemoArticle(
    slug="budapest-memorandum-explained",
    headline="What the Budapest Memorandum promised, and what it did not",
    dek="""In 1994 Ukraine gave up the nuclear weapons left on its soil in return for
    assurances from three nuclear powers. Three decades later, the word "assurances" carries
    most of the weight in any argument about the deal.""",
    section="Security",
    kind="explainer",
    authors=("Nadia Koval",),
    days_ago=54,
    hour=9,
    image=LeadImage(
        style="document",
        caption="The signature page of the memorandum, signed in Budapest on 5 December 1994",
        alt="A typed page on a desk, with four signatures and a round seal at its foot.",
        credit=REUTERS,
    ),
    tags=("Ukraine", "nuclear weapons", "security guarantees", "treaties"),
    citations=(
        Cite(
            BUDAPEST_MEMORANDUM,
            "https://treaties.un.org/",
            "Text of the memorandum as registered with the United Nations",
        ),
        Cite(
            HELSINKI_FINAL_ACT,
            "https://www.osce.org/helsinki-final-act",
            "The principles the memorandum reaffirms",
        ),
        Cite(REUTERS, note="Coverage of the arguments over the memorandum since 2014"),
    ),
    main=("Ukraine",),
    mentioned=(
        "Russia",
        "United States",
        "United Kingdom",
        "Soviet Union",
        "Organization for Security and Co-operation in Europe",
    ),
    body="""
When the Soviet Union dissolved in 1991, thousands of nuclear warheads were left on the
territory of three new states: Ukraine, Belarus and Kazakhstan. Ukraine's share made it, on
paper, one of the largest nuclear powers in the world, although the weapons' launch codes
and much of their maintenance remained in Russian hands. The Budapest Memorandum, signed on
5 December 1994 at a summit of what is now the OSCE, was the price of Ukraine agreeing to
give them up and join the Non-Proliferation Treaty as a non-nuclear state.

## The deal

The memorandum is short, and its signatories were Ukraine, Russia, the United States and
the United Kingdom. Parallel documents were signed with Belarus and Kazakhstan, and China
and France gave separate assurances of their own. In return for transferring the warheads
to Russia for dismantling, Ukraine received a set of commitments from the three nuclear
powers.

## The commitments

In paraphrase, the three states undertook:

1. to respect Ukraine's independence, its sovereignty and its existing borders, in line
   with the principles of the Helsinki Final Act;
2. to refrain from the threat or use of force against its territorial integrity or
   political independence;
3. to refrain from economic coercion aimed at bending Ukraine's policy to their own
   interests;
4. to seek immediate action by the UN Security Council should Ukraine become the victim of
   aggression in which nuclear weapons are used;
5. not to use nuclear weapons against Ukraine, except in self-defence;
6. to consult one another if questions arose about these commitments.

## Assurance is not guarantee

What the document does not contain is as important as what it does. There is no promise to
defend Ukraine, no mechanism to enforce the commitments, and no obligation beyond going to a
Security Council on which Russia holds a veto. The choice of "assurances" rather than
"guarantees" was deliberate: Washington and London were not prepared to give a treaty
commitment of the kind NATO members give each other, and Ukraine accepted what was on
offer.

When Russia annexed Crimea in 2014, Ukraine and the Western signatories said it had broken
the first two commitments outright. Moscow argued that the memorandum did not apply to what
it described as a change of government in Kyiv. The consultations foreseen in the text took
place in form only.

## Why it still matters

The memorandum now sits at the centre of two debates. One concerns Ukraine: any settlement of
the war will need security arrangements, and Kyiv's experience makes it reluctant to accept
anything that resembles 1994. The other is global. Governments weighing whether nuclear
weapons are worth having have watched what happened to a state that gave them up, and the
lesson many draw is not the one the Non-Proliferation Treaty was meant to teach.
""",
)

SECURITY = (EASTERN_FLANK, RED_SEA, AFTER_WAGNER, BUDAPEST_MEMORANDUM_EXPLAINED)
