"""Pieces still on the desk: the writer's draft, a piece in review and one scheduled.

The draft and the review piece belong to writer@example.com, so a writer logging in to the
demo finds work of their own.
"""

from ..records import Cite, DemoArticle, LeadImage
from ..sources import DW, HELSINKI_FINAL_ACT, IISS, NORTH_ATLANTIC_TREATY, REUTERS

WRITER = "writer@example.com"

CEASEFIRE_MONITORING_DRAFT = DemoArticle(
    slug="what-it-takes-to-monitor-a-ceasefire",
    headline="What it would take to monitor a ceasefire in Ukraine",
    dek="""A ceasefire is only as good as the means of checking it. Europe's last attempt in
    Ukraine offers lessons on what to avoid.""",
    section="Diplomacy",
    kind="explainer",
    authors=("Nadia Koval",),
    status="draft",
    days_ago=None,
    owner=WRITER,
    image=None,
    tags=("ceasefire", "Ukraine", "OSCE", "monitoring"),
    citations=(Cite(HELSINKI_FINAL_ACT, note="Background on the OSCE's mandate"),),
    main=("Ukraine", "Organization for Security and Co-operation in Europe"),
    mentioned=("Russia",),
    body="""
Any pause in the fighting in Ukraine would raise an immediate practical question: who would
watch the line, and with what? The answer matters because a ceasefire that cannot be
verified tends to become a contest of accusations, and the side that breaks it first rarely
admits it.

## The last mission

From 2014 to 2022 the OSCE ran a civilian monitoring mission in eastern Ukraine. At its peak
it fielded several hundred monitors, supported by cameras and drones, and its daily reports
recorded ceasefire violations in great detail. It could observe but not enforce, its access
was regularly blocked, and its reports, however precise, did not change the behaviour of
the parties.

## What a new mission would need

The front line today is far longer than the line of 2014, and drones have changed what can
be seen and by whom. A credible mission would need:

- access guaranteed in the agreement itself, not negotiated day by day;
- technical means, from satellites to acoustic sensors, that do not depend on either side;
- a clear channel for reporting violations to someone with the power to respond.

## Open questions

Whether such a mission would be civilian or military, who would contribute, and what would
happen when it recorded a serious violation are questions for the negotiators. This piece
will be updated as the discussion develops.
""",
)

MOLDOVA_IN_REVIEW = DemoArticle(
    slug="moldova-after-the-gas-cut-off",
    headline="Moldova after the gas cut-off: a small state's hard winter",
    dek="""The end of Russian gas transit hit Moldova's breakaway region hardest, but the whole
    country paid. Its response says much about how small states survive between larger
    neighbours.""",
    section="Europe",
    kind="analysis",
    authors=("Nadia Koval",),
    status="in_review",
    days_ago=None,
    owner=WRITER,
    image=LeadImage(
        style="horizon",
        caption="Winter hills in northern Moldova, above the Dniester valley",
        alt="Low, layered hills under a pale winter sun.",
        credit=DW,
    ),
    tags=("Moldova", "energy", "Transnistria", "EU enlargement"),
    citations=(
        Cite(DW, note="Reporting from Tiraspol and Chișinău, January 2025"),
        Cite(REUTERS, note="Coverage of Moldova's electricity imports from Romania"),
    ),
    main=("Moldova",),
    mentioned=("Russia", "Ukraine", "European Union"),
    body="""
For most of Europe, the end of Russian gas transit through Ukraine on 1 January 2025 was an
accounting problem. For Moldova it was a test of the state itself.

## Two Moldovas, one grid

The government in Chișinău had already stopped buying Russian gas for its own territory. But
the breakaway region of Transnistria, on the eastern bank of the Dniester, still received
it, and its power station supplied much of the electricity used on the western bank. When the
gas stopped, Transnistria's homes went cold and its factories closed, while the rest of
Moldova had to buy electricity from Romania at far higher prices.

## Choices under pressure

Chișinău offered help to the region's residents while refusing to pay for gas on terms set by
Moscow. The European Union provided emergency support. The episode tested a government that
had staked its future on EU membership, and it showed how much an economy can still depend on
a territory its government does not control.

## What comes next

The winter exposed a dependence that the country's leaders had long described but never fully
resolved. Whether it becomes a lever for reintegration or a source of new instability will be
one of the quieter questions of the next few years.
""",
)

NATO_MINISTERS_SCHEDULED = DemoArticle(
    slug="nato-defence-ministers-shopping-list",
    headline="Before the defence ministers meet: NATO's shopping list",
    dek="""Allied defence ministers will be asked to turn spending pledges into orders. Air
    defence, ammunition and long-range strike top the list; the people to operate them do
    not appear on it at all.""",
    section="Security",
    kind="news",
    authors=("Helen Achterberg",),
    days_ago=-3,
    hour=6,
    image=LeadImage(
        style="chart",
        caption="European orders for air defence by year, from IISS estimates",
        alt="A bar chart with a line plotted over it, on a dark ground.",
        credit=IISS,
    ),
    tags=("NATO", "defence spending", "air defence", "ammunition"),
    citations=(
        Cite(
            NORTH_ATLANTIC_TREATY,
            "https://www.nato.int/cps/en/natolive/official_texts_17120.htm",
            "Article 3 on maintaining the capacity to resist attack",
        ),
        Cite(IISS, note="Estimates of European air defence inventories"),
    ),
    main=("NATO",),
    mentioned=("Mark Rutte", "Germany", "Poland", "United States"),
    body="""
When NATO defence ministers meet, the communiqué will speak of capability targets. Behind the
phrase lies a shopping list, and the list is long.

## Air defence first

The war in Ukraine has shown how quickly interceptor missiles are used up against massed
drones and missiles. Most European allies hold small stocks, and the waiting lists for new
systems are measured in years. Ministers will be asked to commit to joint orders large enough
to persuade manufacturers to expand production.

## Ammunition and long-range strike

Artillery shell production in Europe has grown severalfold since 2022 but still falls short
of what a large war would consume. Long-range strike, the ability to hit targets far behind
an enemy's lines, is a newer priority, and one where Europe depends heavily on American
systems.

## The missing item

What the list does not include is people. Every new air defence battery needs crews trained
for months, and every new brigade needs soldiers that many allies are struggling to recruit.
Budgets can be raised in a year. Armed forces take a decade to grow, and ministers who
announce orders without a plan for the people to use them will have bought equipment, not
defence.
""",
)

DESK = (CEASEFIRE_MONITORING_DRAFT, MOLDOVA_IN_REVIEW, NATO_MINISTERS_SCHEDULED)
