"""Demo pieces for the Economy desk."""

from ..records import Cite, DemoArticle, LeadImage
from ..sources import DW, FT, HUNGARIAN_GOVERNMENT, REUTERS

GAS_TRANSIT = DemoArticle(
    slug="end-of-gas-transit-through-ukraine",
    headline="The end of gas transit through Ukraine: who pays, and who adapts",
    dek="""For half a century Russian gas crossed Ukraine on its way to European customers.
    Since January 2025 it no longer does. The consequences fell unevenly, and hardest on
    those who had prepared least.""",
    section="Economy",
    kind="news",
    authors=("Samuel Okafor",),
    days_ago=50,
    hour=8,
    image=LeadImage(
        style="map",
        caption="Gas routes into Central Europe that replaced transit through Ukraine",
        alt="A muted map with coastlines, borders and dotted routes between marked points.",
        credit=REUTERS,
    ),
    tags=("energy", "gas", "Ukraine", "Russia", "Slovakia", "Moldova"),
    citations=(
        Cite(REUTERS, "https://www.reuters.com/business/energy/", "Flows and contract terms"),
        Cite(FT, note="Coverage of European gas prices and storage"),
        Cite(DW, note="Reporting from Transnistria during the January 2025 shortages"),
    ),
    main=("Ukraine", "Russia"),
    mentioned=(
        "Slovakia",
        "Hungary",
        "Moldova",
        "Turkey",
        "Robert Fico",
        "European Union",
    ),
    body="""
At the start of 1 January 2025, the last contract for moving Russian gas across Ukraine
expired, and the flows stopped. Pipelines that had carried Soviet and then Russian gas
westward since the late 1960s fell silent, this time with no restart in prospect. The end had
been announced for
more than a year; Kyiv had said repeatedly that it would not renew a deal that earned Moscow
money during the war. What happened next showed who had used that year well.

## The last contract

The five-year agreement between Gazprom and Ukraine's Naftogaz, signed in 2019, carried a
fraction of the volumes of the early 2000s: roughly fifteen billion cubic metres in its
final year. The main remaining customers were Slovakia and Austria, together with smaller
buyers further along the route. Ukraine earned transit fees; Russia earned sales revenue;
both sides kept the arrangement going through almost three years of war because each thought
the other needed it more.

## Winners and losers

Austria had prepared. Its main importer had already ended its supply contract with Gazprom
weeks before the deadline, and the country drew on full storage and supplies from Germany
and Italy. Slovakia had prepared less, politically if not technically: its government had
lobbied to keep transit alive until the end, and Prime Minister Robert Fico travelled to
Moscow in December 2024 to discuss it. Slovakia replaced the lost volumes through
interconnectors with its neighbours, at a higher cost.

Hungary was barely affected, because most of its Russian gas now arrives by a southern route,
through the TurkStream pipeline under the Black Sea and across the Balkans. That pipeline
is now the only one still carrying Russian gas into the European Union.

## Transnistria's winter

The hardest case lay outside the Union. Transnistria, the Russian-backed breakaway region of
Moldova, had received Russian gas through Ukraine for decades, often without paying for it,
and used it to generate electricity for itself and for much of Moldova. When the flows
stopped, homes in the region lost heating and industry shut down. Moldova itself, which had
already diversified its own supply, declared an energy emergency and bought power from
Romania at higher prices.

## The longer phase-out

The end of transit was one step in a longer process. The European Commission has set out a
plan to end imports of Russian gas, including liquefied gas delivered by ship, over the next
few years. The harder questions concern price and politics: whether the remaining buyers can
be persuaded, or compelled, to give up cheap supplies, and how Europe manages its dependence
on other suppliers, from Norway to the United States and Qatar.

For Ukraine, the loss of transit fees is a real cost, though a small one next to the war's.
For Russia, the loss of one of its last pipeline routes to Europe narrows its options
further. For Europe, the lesson of the winter is that preparation, not proximity, decided
who suffered.
""",
)

OIL_PRICE_CAP = DemoArticle(
    slug="oil-price-cap-what-it-achieved",
    headline="Sanctions at the margin: what the oil price cap has and has not achieved",
    dek="""The cap on Russian oil was meant to keep barrels flowing while cutting Moscow's
    revenue. For a while it did both. A shadow fleet of ageing tankers has since undone much
    of the second half.""",
    access="subscribers",
    section="Economy",
    kind="analysis",
    authors=("Samuel Okafor",),
    days_ago=29,
    hour=9,
    image=LeadImage(
        style="tanker",
        caption="An oil tanker at anchor in the Gulf of Finland",
        alt="A long, low ship silhouetted on grey water beneath a pale sun.",
        credit=REUTERS,
    ),
    tags=("sanctions", "oil", "Russia", "shadow fleet", "energy"),
    citations=(
        Cite(FT, "https://www.ft.com/", "Reporting on tanker ownership and insurance"),
        Cite(REUTERS, note="Price data for Urals crude and trade flows to Asia"),
    ),
    main=("Russia",),
    mentioned=("European Union", "United States", "India", "China"),
    body="""
Sanctions usually try to stop trade. The price cap on Russian oil, introduced by the G7 and
the European Union in December 2022, tried something subtler: to let Russian oil keep
reaching the world market, so that prices would not spike, while limiting the money Moscow
made from each barrel.

## How the cap works

The mechanism rests on services rather than oil. Western companies dominate tanker
insurance, shipping finance and much of the tanker fleet itself. Under the cap, they may
provide those services for a cargo of Russian crude only if it is sold at or below a set
price, initially sixty dollars a barrel, with separate limits for refined products. A
buyer in India or China is free to pay more, but not with Western insurance or on a Western
ship.

The designers hoped this would give buyers leverage to demand discounts, since Russia would
need Western services to move its oil.

## The first year

At first the cap, together with the EU's embargo on seaborne imports, seemed to work. In
early 2023 Russia's main export grade traded at a deep discount to international benchmarks,
and Russian oil revenues fell sharply. India and China absorbed most of the volumes that
Europe no longer bought, often at prices below the cap.

## The shadow fleet

The response came at sea. Russia and trading firms connected to it assembled a fleet of
older tankers, many bought second-hand, with opaque ownership and insurance arranged outside
the Western market. As that fleet grew, more Russian oil moved beyond the reach of the cap,
and the discount narrowed.

The fleet brought new risks. Ageing ships with doubtful insurance sailing through the Baltic
and the Danish straits worry coastal states, which fear a spill they would have to clean up
at their own expense. Damage to undersea cables in the Baltic, in incidents involving ships
linked to Russian trade, has added a security dimension.

## Tightening at the margin

Western governments have responded by sanctioning individual tankers, pressing flag states
to deregister them and checking insurance papers more closely. Each step removes some
vessels and raises costs. None has closed the gap, because the market always finds new hulls
and new intermediaries.

The balance sheet is mixed. The cap did not starve Moscow of oil revenue, and enforcement has
proved laborious. But it has forced Russia to sell at a discount for long periods, to spend
heavily on a fleet it did not need before, and to route its trade through buyers who know
their bargaining power. Sanctions rarely win wars. At their best, they make them more
expensive to wage, and on that narrower measure the cap has done part of its job.
""",
)

CHINA_IN_HUNGARY = DemoArticle(
    slug="china-stake-in-hungary-batteries-rails",
    headline="Batteries, rails and a state visit: China's stake in Hungary",
    dek="""Beijing has chosen Hungary as its main industrial foothold inside the EU. The
    investments are real, and so are the dependencies they create, for Budapest and for the
    Union.""",
    access="members",
    section="Economy",
    kind="analysis",
    authors=("Samuel Okafor", "Tomasz Ferenc"),
    days_ago=18,
    hour=8,
    image=LeadImage(
        style="chart",
        caption="Chinese investment in Hungary by year, as tallied by the Financial Times",
        alt="A bar chart with a rising line plotted over it, on a dark ground.",
        credit=FT,
    ),
    tags=("China", "Hungary", "batteries", "electric vehicles", "investment"),
    citations=(
        Cite(REUTERS, note="Reporting on the May 2024 state visit"),
        Cite(
            HUNGARIAN_GOVERNMENT,
            "https://kormany.hu/",
            "Government statements on the Debrecen and Szeged investments",
        ),
        Cite(FT, note="Coverage of the EU's duties on Chinese electric cars"),
    ),
    main=("China", "Hungary"),
    mentioned=("Xi Jinping", "Viktor Orbán", "European Union", "Germany"),
    body="""
When Xi Jinping toured Europe in May 2024, he stopped in three capitals: Paris, Belgrade and
Budapest. The last of them offered the warmest welcome. Viktor Orbán's government has made
Hungary the most important destination for Chinese industrial investment in the European
Union, and the visit was a celebration of that choice.

## The investments

The largest projects are tied to the electric car. The Chinese battery maker CATL is
building a plant near Debrecen, in eastern Hungary, one of the biggest foreign investments
in the country's history. The carmaker BYD has chosen Szeged, near the Serbian border, for
its first European plant for passenger cars. Around them cluster suppliers of battery materials and
components, drawn by generous state subsidies, fast permits and the presence of German
carmakers already producing in Hungary.

The other flagship is older and slower: a railway between Budapest and Belgrade, financed
largely by Chinese loans, meant to carry goods arriving from China at the Greek port of
Piraeus into Central Europe. Its Serbian sections have opened in stages; the collapse of a
station canopy at Novi Sad in November 2024, which killed more than a dozen people, set off
months of protest in Serbia about corruption and construction standards.

## The politics of the welcome

For Budapest, the logic is partly economic and partly political. Chinese factories bring
jobs and exports at a time when Hungary's relations with Brussels have cost it access to EU
funds. They also demonstrate the government's doctrine of "connectivity": Hungary, in this
view, should trade with everyone and take sides with no one.

Beijing gains an industrial foothold inside the single market, where cars built in Hungary
count as European, and a friend at the table when the EU debates trade defence. When the
Union imposed duties on Chinese electric cars in 2024, Hungary voted against.

## The European dimension

Brussels faces a dilemma. The EU wants batteries and electric cars made in Europe, and
Chinese firms currently lead the technology. Yet it also wants to reduce its dependence on
China for strategic goods. Investments in Hungary serve the first goal and complicate the
second, especially when the inputs, the machinery and often the engineers come from China.

## Risks on both sides

Local concerns are already visible. Residents near Debrecen have protested about water use
and pollution from the battery plant, and the pace of construction has outrun the
infrastructure around it. At national level, Hungary's exposure to a single foreign partner
in a strategic industry could become a liability if relations between China and the EU
worsen.

For Beijing, Hungary's value depends on its membership of a Union whose rules it often
resists. If Budapest's quarrels with Brussels deepen, the foothold becomes less useful. Both
sides are betting that the EU will need Chinese technology more than it fears it. That bet
may prove right, but it is not one Budapest can control.
""",
)

ECONOMY = (GAS_TRANSIT, OIL_PRICE_CAP, CHINA_IN_HUNGARY)
