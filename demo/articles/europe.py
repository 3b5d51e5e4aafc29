"""Demo pieces for the Europe desk, including the editor-in-chief's opinion column."""

from ..records import Cite, DemoArticle, LeadImage
from ..sources import AFP, DW, ECFR, FT, IISS, LE_MONDE, REUTERS, SIPRI, TEU

TEU_URL = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12012M/TXT"

UNANIMITY = DemoArticle(
    slug="unanimity-price-eu-ukraine-veto",
    headline="Unanimity's price: how one veto reshapes the EU's Ukraine policy",
    dek="""Hungary has learned that the threat of a veto is worth more than its use. The rest
    of the Union is learning, slowly, to route around it.""",
    section="Europe",
    kind="analysis",
    authors=("Tomasz Ferenc",),
    featured=True,
    days_ago=14,
    hour=7,
    updated_hours=26,
    image=LeadImage(
        style="flags",
        caption="Flags of the member states outside the Europa building in Brussels",
        alt="A row of flags on tall poles before the glass front of an office building.",
        credit=FT,
    ),
    tags=("EU", "unanimity", "Hungary", "Ukraine", "enlargement", "sanctions"),
    citations=(
        Cite(TEU, TEU_URL, "Articles 7, 24 and 31 on values and foreign policy decisions"),
        Cite(FT, note="Reporting on the European Council of December 2023"),
        Cite(ECFR, "https://ecfr.eu/", "Papers on majority voting in foreign policy"),
    ),
    main=("Hungary", "European Union", "Viktor Orbán"),
    mentioned=("Ukraine", "Ursula von der Leyen", "Slovakia", "Russia"),
    body="""
The European Union takes most of its decisions by qualified majority. Foreign and security
policy is the great exception: under the Treaty on European Union, decisions in that field
require the agreement of every government, bar a few carefully fenced cases. For most of
the Union's history the rule mattered less than its critics claimed, because governments
that disagreed usually found a compromise. Since 2022 it has mattered a great deal.

## The rule

Unanimity was written into the treaties to reassure smaller states that they could not be
drawn into wars or alliances against their will. It also reflects a plain political fact:
foreign policy is close to the heart of national sovereignty, and few governments were
willing to be outvoted on it. The treaty offers two safety valves. A government may abstain
without blocking a decision, and the leaders may agree, unanimously, to move certain
questions to majority voting. The first is used occasionally; the second has never been
used in this field.

## The leverage

Hungary has turned the rule into a bargaining position. Sanctions on Russia must be renewed
every six months, and each renewal has become an occasion for Budapest to seek exemptions or
delisting of particular individuals. Decisions to support Ukraine, from military aid
reimbursements to the opening of accession talks, have been delayed while other matters were
negotiated alongside them.

The pattern is visible in the European Council of December 2023. On the eve of the summit
the Commission released about ten billion euros of EU funds that had been frozen over
rule-of-law concerns, citing reforms to the Hungarian judiciary. The leaders then agreed to
open accession talks with Ukraine after Viktor Orbán stepped out of the room, while the
larger financial package for Kyiv was held over to a special summit in February 2024. The
Commission insisted that the timing was a coincidence. Few in Budapest or elsewhere read it
that way.

## Working around Budapest

The other governments have learned to adapt. Financial support for Ukraine has increasingly
been built on legal bases that require only a qualified majority, or arranged among willing
states outside the EU framework. Military aid is coordinated bilaterally or through
coalitions that do not need Hungary's consent. The windfall profits earned on immobilised
Russian central bank assets have been channelled to Ukraine through arrangements built to
limit any single government's power to stop them.

Each workaround solves a problem and creates another. Policy made by coalitions of the
willing is less predictable, harder for parliaments to scrutinise, and easier for the next
government in a large member state to abandon.

## The bigger question

The Article 7 procedure, opened against Hungary by the European Parliament in 2018, was
meant to address concerns about democratic standards and could in theory suspend its voting
rights. It has stalled, in part because a suspension requires unanimity among the other
governments, and for years Hungary could count on a friend to block it.

That leaves the Union with a choice it has postponed for decades: accept that one
government can hold common policy hostage, or change the rule. With Ukraine, Moldova and the
western Balkans all seeking membership, a Union of thirty or more members that still
decides foreign policy by unanimity would find the problem harder, not easier.
""",
)

BRATISLAVA = DemoArticle(
    slug="bratislava-balancing-act",
    headline="Bratislava's balancing act: Fico's Slovakia between Brussels and Moscow",
    dek="""Slovakia's government talks like a sceptic and, most of the time, votes with the
    majority. The gap between the two explains more about Robert Fico than his speeches
    do.""",
    section="Europe",
    kind="analysis",
    authors=("Tomasz Ferenc",),
    days_ago=21,
    hour=8,
    image=LeadImage(
        style="skyline",
        caption="Bratislava's old town at dusk, seen from across the Danube",
        alt="A city skyline of towers and domes silhouetted against a hazy evening sky.",
        credit=DW,
    ),
    tags=("Slovakia", "Central Europe", "EU", "rule of law", "Ukraine"),
    citations=(
        Cite(REUTERS, note="Coverage of the 2023 election and coalition talks"),
        Cite(DW, "https://www.dw.com/en/", "Reporting on protests in Bratislava"),
        Cite(AFP, note="Reporting on the halt to military aid from army stocks"),
    ),
    main=("Robert Fico", "Slovakia"),
    mentioned=("European Union", "Ukraine", "Russia", "Hungary", "Viktor Orbán"),
    body="""
Robert Fico has been prime minister of Slovakia four times, and he has never been easy to
place. In his earlier governments he was a pragmatic social democrat who took Slovakia into
the euro. The government he has led since October 2023 speaks a different language: sceptical
of aid to Ukraine, hostile to non-governmental organisations, quarrelsome with Brussels. To
understand it, it helps to watch what Slovakia does as well as what its leaders say.

## The campaign and the government

Fico's Smer party won the election of September 2023 after a campaign that blamed the war,
and Western policy towards it, for rising prices. It formed a coalition with a smaller
centre-left party and a nationalist one. The new government stopped military aid to Ukraine
from the army's own stocks, which its predecessor had supplied generously, including fighter
aircraft. It left in place the commercial contracts under which Slovak firms make and sell
ammunition and equipment to Kyiv, a trade that brings work to Slovak factories.

## Words and votes

In Brussels the pattern has been rhetorical distance followed by agreement. Slovakia has
criticised sanctions packages and threatened to block some of them, usually to secure
concessions on energy, and then let them pass. It has not made common cause with Hungary on
every veto, and on several occasions it has quietly declined to follow Budapest's lead.

That is not hypocrisy so much as a reading of Slovakia's interests. The country is among the
world's largest car producers relative to its size, and its economy depends on access to the
single market and on EU funds. A government that picked fights it could not afford to lose
would soon feel the consequences at home.

## The rule-of-law quarrel

The more serious conflict with Brussels concerns domestic institutions. The government
abolished the special prosecutor's office that handled high-level corruption cases, cut
sentences for some economic crimes and moved to reshape public broadcasting. Each step drew
warnings from the Commission and large demonstrations in Bratislava and other towns.

The attempt on Fico's life in May 2024 changed the atmosphere without settling the argument.
Government politicians blamed opposition media for fostering hatred; critics warned against
using the attack to justify further restrictions. The country remains sharply divided, and
the coalition's majority in parliament is narrow.

## What to watch

Three things will show where Slovakia is heading. The first is money: whether the Commission
withholds funds over the rule-of-law changes, as it did with Hungary. The second is energy,
where the end of gas transit through Ukraine has made Slovakia more dependent on partners it
has criticised. The third is the next election, due in 2027. Fico has built his career on
reading voters' moods, and the direction of his foreign policy will depend on what he thinks
those moods are.
""",
)

POLAND = DemoArticle(
    slug="poland-rearmament-centre-of-gravity",
    headline="Poland's rearmament and Europe's shifting centre of gravity",
    dek="""Warsaw now spends a larger share of its economy on defence than any other NATO
    member. The weapons are arriving; the harder questions concern people, debt and who
    leads in Europe's east.""",
    section="Europe",
    kind="analysis",
    authors=("Helen Achterberg",),
    days_ago=37,
    hour=9,
    image=LeadImage(
        style="map",
        caption="Supply routes through north-eastern Poland, as mapped by the IISS",
        alt="A muted relief map with borders, towns and dotted supply routes.",
        credit=IISS,
    ),
    tags=("Poland", "defence spending", "NATO", "rearmament"),
    citations=(
        Cite(
            SIPRI,
            "https://www.sipri.org/databases/milex",
            "Poland's military spending as a share of GDP",
        ),
        Cite(IISS, note="Equipment orders and force structure"),
        Cite(REUTERS, note="Reporting on arms contracts with South Korea and the US"),
    ),
    main=("Poland",),
    mentioned=("NATO", "Germany", "United States", "Russia", "European Union"),
    body="""
No European country has responded to Russia's invasion of Ukraine as forcefully as Poland.
Its defence budget has risen to well over 4 per cent of GDP, the highest share in NATO, and
its governments, of the right and then of the centre, have signed contracts for tanks,
artillery, helicopters, air defence and aircraft on a scale not seen in Europe since the
Cold War.

## The shopping list

Much of the equipment has come from outside Europe. Poland ordered hundreds of tanks and
self-propelled howitzers from South Korea in 2022, attractive because Korean industry could
deliver quickly, and it has bought Abrams tanks, rocket artillery, attack helicopters and
F-35 fighters from the United States. Domestic industry builds infantry fighting vehicles and
howitzers of its own, and the government has announced fortifications along the borders with
Russia's Kaliningrad region and Belarus.

The goal is an army larger than any other in the European Union, with the firepower to hold
ground rather than trade it for time.

## Paying for it

A large share of the spending runs through a dedicated fund outside the ordinary budget,
financed by borrowing. That has let Warsaw move fast, but it also means that the real fiscal
burden is higher than the headline figures suggest, and that interest costs will rise for
years. Poland's economy has grown strongly, which helps. A slowdown would test the political
consensus that has so far kept defence above ordinary budget battles.

## People, not platforms

Equipment is the easy part. The army needs soldiers to crew the new vehicles and
technicians to maintain them, and it competes for them with a tight labour market. Training
on several different tank types, from several countries, with several supply chains, adds
cost and complexity. Officials acknowledge that personnel, not money, is now the constraint.

## Leadership by weight

Poland's rearmament has changed the conversation inside NATO and the EU. For decades
Germany and France set the tone of European defence debates; today Warsaw speaks with the
authority of a state that has done what others promised. Its warnings about Russia,
dismissed by some Western partners before 2022, now carry weight.

That standing brings its own tests. Poland will have to show that it can work inside
European defence programmes as well as buy off the shelf from abroad, and that its
relationship with Germany, improved under the current government, can survive the next
election on either side of the Oder. A centre of gravity that shifts east is good news for
deterrence. It will be good news for Europe only if the new weight is used to bind the
continent's efforts together.
""",
)

MAJORITY_VOTE_OPINION = DemoArticle(
    slug="europe-needs-a-foreign-policy-it-can-vote-on",
    headline="Europe needs a foreign policy it can actually vote on",
    dek="""Unanimity was meant to protect small states. It now protects the most obstructive
    one. Majority voting on foreign policy carries risks, but fewer than the status quo.""",
    section="Europe",
    kind="opinion",
    authors=("Martin Halloway",),
    days_ago=5,
    hour=11,
    image=LeadImage(
        style="document",
        caption="A signature page of the Lisbon Treaty, which set today's unanimity rule",
        alt="A typed page on a desk, with four signatures and a round seal at its foot.",
        credit=LE_MONDE,
    ),
    tags=("EU", "qualified majority voting", "treaty reform", "enlargement"),
    citations=(
        Cite(TEU, TEU_URL, "Article 31 and its bridging clause"),
        Cite(ECFR, note="Polling of national officials on majority voting"),
        Cite(LE_MONDE, note="Coverage of the group of governments backing reform"),
    ),
    main=("European Union",),
    mentioned=("Hungary", "Germany", "France", "Ukraine"),
    body="""
Every few months the European Union's governments sit down to renew sanctions on Russia, and
every few months the same ritual follows. One capital announces that it cannot agree, the
others spend days finding out what it wants, a concession is found, and the sanctions are
renewed. The Union calls this unity. It is closer to a hostage negotiation conducted in
public.

## The case for the rule

The arguments for unanimity deserve a fair hearing. Foreign policy touches the core of what
states are, and a government outvoted on war and peace may simply refuse to comply,
damaging the Union more than any disagreement would. Smaller states fear that majority voting
would hand the direction of European diplomacy to the largest members. And unanimity forces
the patient work of persuasion that gives common positions their authority.

These arguments were stronger when the Union had a dozen members who broadly shared a view
of the world. They have weakened with every enlargement.

## What has changed

Two things have changed since 2022. The first is the stakes. Decisions on Ukraine are not
statements of principle but matters of money, weapons and time, and a delay of months has
consequences measured on the battlefield. The second is that the veto has become a business
model. A government that discovers it can trade its consent for unrelated concessions has
every reason to keep doing so, and the others have every reason to pay.

## A workable reform

The treaty already contains the tool. Its bridging clause allows the leaders, acting
unanimously once, to move defined areas of foreign policy to qualified majority voting. A
group of governments led by Germany and France has argued for using it, starting with
sanctions and human rights statements, where the case is strongest.

Safeguards already in the treaty meet the reasonable objections. Constructive abstention
lets a government stand aside without blocking others, and an emergency brake allows any
member that invokes vital reasons of national policy to stop a majority vote and send the
question up to the leaders. Military operations, the most sensitive area, would stay under
unanimity in any case.

## The objection worth taking seriously

The strongest objection is practical: to get majority voting, the Union needs unanimity
first, and the government most responsible for the problem will not agree. That is true.
But reform debates change behaviour before they change treaties. A Union visibly preparing
to move on would reduce the value of each veto, and with it the incentive to cast one.

Enlargement will force the question sooner or later. A Union of thirty-odd members, each
holding a veto over every foreign policy decision, would not have a foreign policy at all.
Better to decide now, while the choice is still the Union's own.
""",
)

EUROPE = (UNANIMITY, BRATISLAVA, POLAND, MAJORITY_VOTE_OPINION)
