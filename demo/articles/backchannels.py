"""The demo's long read, shaped like the reference page of DESIGN §2 and written afresh.

Five parts under their own headings, attributions in the text, many actors. Unlike the
reference page it carries its opening only once.
"""

from ..records import Cite, DemoArticle, LeadImage
from ..sources import AP, BBC, HISTORIAN, ORBAN_ON_X, REUTERS, ZELENSKY_ON_X

BACK_CHANNELS = DemoArticle(
    slug="back-channels-orban-fico-moscow",
    headline="Back channels and front doors: the private diplomacy of Orbán and Fico",
    dek="""Hungary's and Slovakia's leaders keep their own lines to Moscow and to Donald Trump,
    outside the common positions of the EU and NATO. Back-channel diplomacy has a long and
    sometimes honourable history. Whether this version serves Europe is another matter.""",
    section="Diplomacy",
    kind="analysis",
    authors=("Tomasz Ferenc",),
    featured=True,
    days_ago=2,
    hour=7,
    image=LeadImage(
        style="figures",
        caption="Two leaders, silhouetted against the colonnade at Mar-a-Lago, in July 2024",
        alt="Two men in dark suits stand side by side before a pale colonnade, flags behind them.",
        credit=BBC,
    ),
    tags=(
        "back-channel diplomacy",
        "Hungary",
        "Slovakia",
        "Russia",
        "Cuban missile crisis",
        "EU foreign policy",
    ),
    citations=(
        Cite(
            REUTERS,
            "https://www.reuters.com/world/europe/",
            "July 2024 reporting on Orbán's visits to Kyiv, Moscow, Beijing and Mar-a-Lago",
        ),
        Cite(AP, note="December 2024 reporting on Fico's talks with Putin in Moscow"),
        Cite(
            HISTORIAN,
            "https://history.state.gov/historicaldocuments/frus1961-63v11",
            "Declassified record of the Kennedy–Dobrynin exchanges, October 1962",
        ),
        Cite(
            ORBAN_ON_X,
            "https://x.com/PM_ViktorOrban",
            "The prime minister's own account of his July 2024 travels",
        ),
        Cite(ZELENSKY_ON_X, note="The Ukrainian president's response to the Moscow visit"),
        Cite(
            BBC,
            "https://www.bbc.com/news/world/europe",
            "Reporting and pictures from Orbán's visit to Mar-a-Lago, July 2024",
        ),
    ),
    main=("Viktor Orbán", "Robert Fico", "Donald Trump"),
    mentioned=(
        "Vladimir Putin",
        "Volodymyr Zelensky",
        "John F. Kennedy",
        "Robert F. Kennedy",
        "Anatoly Dobrynin",
        "Richard Nixon",
        "Henry Kissinger",
        "Hungary",
        "Slovakia",
        "Russia",
        "Ukraine",
        "United States",
        "Soviet Union",
        "China",
        "European Union",
        "NATO",
    ),
    body="""
Diplomacy is usually pictured as a formal business: flags behind a lectern, communiqués
negotiated line by line, ministers reading careful statements to the cameras. Much of what
actually moves governments happens somewhere else, in conversations that leave no public
record and that neither side would confirm while they are still of use.

Two Central European governments have made that second kind of diplomacy part of their
identity. Viktor Orbán in Hungary and Robert Fico in Slovakia have each cultivated personal
lines to Vladimir Putin and, in Orbán's case, to Donald Trump, while remaining members of the
European Union and NATO whose common positions they often decline to share. This analysis
looks at where such channels come from, how the two leaders use them, and what they mean for
the alliances their countries belong to.

## A short history of the quiet channel

The modern template dates from October 1962. Once American reconnaissance found Soviet
missiles in Cuba and the two superpowers began to edge towards a war neither of them wanted,
President John F. Kennedy relied on his brother Robert, the attorney general, to carry
messages that could not travel through the ordinary machinery of government. Robert Kennedy
met the Soviet ambassador in Washington, Anatoly Dobrynin, several times during the crisis.
The declassified record, published by the State Department's Office of the Historian in its
<em>Foreign Relations of the United States</em> series, shows how much of the settlement took
shape in those meetings.

The public bargain was simple: the Soviet Union would remove its missiles from Cuba, and the
United States would undertake not to invade the island. The private part, agreed through the
brothers' channel, was that American Jupiter missiles would leave Turkey some months later,
on condition that Moscow never presented their withdrawal as part of the deal. The
arrangement held. For years most members of the wider administration did not know of it,
and the allies most affected learned its outline only gradually.

Dobrynin stayed in Washington for almost a quarter of a century, and the channel outlived the
Kennedys. Under Richard Nixon, the national security adviser Henry Kissinger met the
ambassador so regularly that both men came to call their line simply the Channel. It ran
around the State Department and, at times, around the secretary of state himself.
Kissinger's secret journey to Beijing in July 1971, which prepared Nixon's visit to China
the following year, was the best-known product of the same method: decide at the top,
negotiate in private, and let the bureaucracies learn the outcome afterwards.

Two lessons from that era are worth keeping in view. The first is that back channels worked
when the people using them held real authority and were trusted by the leader they served;
Dobrynin knew that Robert Kennedy spoke for his brother, and Moscow knew that Kissinger spoke
for Nixon. The second is that the channels carried a policy the government already owned.
The Kennedys were not freelancing against their allies. They were trying to end a crisis on
terms they could defend, and they accepted the costs of secrecy in order to do it.

## Orbán and Trump: a rapport built over a decade

Viktor Orbán's relationship with Donald Trump is not a back channel in the Kennedy sense,
since neither man hides it. It is better described as a personal alignment that Orbán has
worked to turn into a diplomatic asset. The Hungarian prime minister was among the very few
European leaders to back Trump openly in 2016, and he kept up the connection through the four
years Trump spent out of office, when most European governments took care to keep their
distance.

That investment showed in 2024. According to Reuters, in July 2024, Orbán flew to Florida
after the NATO summit in Washington and met Trump at his Mar-a-Lago residence, a few months
after an earlier visit there in March. Trump, for his part, has repeatedly praised Orbán in
public as a strong leader, and Hungarian government media present the friendship as proof
that Budapest is better connected in Washington than its critics in Brussels.

The value of the rapport to Orbán is easy to see. It gives the leader of a country of fewer
than ten million people a standing in transatlantic debate far beyond Hungary's weight, and
it offers him cover when Hungary blocks or delays EU decisions on Ukraine. The value to Trump
is less obvious but real. Orbán's Hungary is a working model of the national-conservative
politics that parts of the American right admire; its prime minister has addressed
conservative gatherings in the United States, and Budapest hosts a European edition of one
of them.

What the relationship has not yet been is a channel through which either side delivered a
concrete agreement. The Hungarian government likes to describe Orbán as a potential
peacemaker between Washington and Moscow. The evidence that he has played that part, as
opposed to announcing it, remains thin.

## A visit to Moscow

Robert Fico's road to the Kremlin was more direct. He returned to office in October 2023
after a campaign in which he promised to end Slovakia's state military aid to Ukraine, and
his government duly stopped sending weapons from army stocks while leaving commercial sales
by Slovak manufacturers untouched. In May 2024 he was shot and seriously wounded in the town
of Handlová, and his long recovery kept him away from foreign travel for months.

When he did travel, the destination drew attention. According to the Associated Press, in
December 2024 Fico flew to Moscow for talks with Putin, one of very few heads of government
from the EU to meet the Russian president in Russia since the full-scale invasion of
Ukraine. The stated subject was gas. The contract under which Russian gas crossed Ukraine
towards Slovakia and Austria was due to expire at the end of that month, and Kyiv had made
clear that it would not be renewed.

The visit changed nothing about the outcome. Transit through Ukraine stopped on 1 January
2025, and Slovakia had to buy its gas by other routes. It did produce a bitter public
exchange between Bratislava and Kyiv: Fico threatened to halt electricity exports to
Ukraine, and Volodymyr Zelensky accused him of opening a second, energy front against his
country on the Kremlin's behalf.

The trip also showed the difference between a back channel and a front door. Fico did not
seek a discreet conversation whose results could be folded into an agreed European
position. He went openly, in front of the cameras, to show that Slovakia would set its own
course. That message was aimed at voters at home at least as much as at the Kremlin.

## What it means for Europe and for Kyiv

For the European Union, the difficulty is not that member states talk to Moscow. Several
have done so since 2022, and the EU's own institutions have never ruled diplomacy out. The
difficulty is that the Union makes foreign policy by unanimity, and a government that keeps
its own line to the Kremlin while holding a veto over common decisions is in a position to
trade one against the other.

Hungary's use of that position is well documented. It held out against opening accession
talks with Ukraine until December 2023, when Orbán left the room so that the other leaders
could decide without him, and it delayed a four-year support package for Kyiv until February
2024. In July 2024, at the start of Hungary's six-month presidency of the Council of the EU,
Orbán visited Kyiv, Moscow and Beijing in quick succession under the banner of a peace
mission. The other governments stressed that he had no mandate to speak for them; the
Commission sent officials rather than commissioners to informal meetings in Hungary, and the
EU's foreign policy chief moved a gathering of foreign ministers from Budapest to Brussels.

For NATO, the calculation is different. Neither Hungary nor Slovakia has blocked a decision
on collective defence, and both host one of the multinational battlegroups that the alliance
set up on its eastern flank in 2022. Their scepticism bites mostly on support for Ukraine,
which NATO helps to coordinate but which no treaty obliges any ally to provide. Still,
allies share intelligence on the assumption that what is shared stays shared, and a
government known for warm contacts in Moscow invites quieter and narrower forms of
cooperation that leave it out.

For Ukraine, the practical effects are real but limited. Hungarian and Slovak objections have
slowed EU financial support without stopping it, and Slovak arms makers keep selling to
Kyiv. The larger cost is political. Each visit to Moscow by a leader from inside the Union
lets the Kremlin argue that its isolation is a Western fiction, and each threatened veto
forces other capitals to spend time and concessions on holding the Union together rather
than on the substance of policy.

There is also the question of what happens if the channels are ever used for more than
signalling. Should Washington's policy towards Russia and Ukraine change course, leaders with
established personal links to both Trump and Putin could become intermediaries in earnest.
Whether they would then be acting for Europe or around it would depend on rules the Union
has not yet written.

## Summing up

Back-channel diplomacy deserves neither the romance nor the suspicion that usually surrounds
it. In 1962 it helped to avert a nuclear war, and in 1971 it opened the door to China. In
both cases it worked because the channel carried the policy of a government that answered
for the result, and because the people using it were trusted by their own side.

The channels that Orbán and Fico have built are of another kind. They are personal rather
than institutional, public rather than discreet, and they run against the declared positions
of the alliances to which Hungary and Slovakia belong. That does not make them illegitimate.
Sovereign governments may talk to whomever they choose, and there may yet be moments when a
European leader with a working line to Moscow proves useful to everyone.

But usefulness depends on trust, and trust depends on knowing whose message is being
carried. Until Budapest and Bratislava can show that their private diplomacy serves a
position their partners share, the rest of Europe will treat it as what it mostly is: a way
of being heard in Washington and Moscow by declining to speak for Brussels.
""",
)
