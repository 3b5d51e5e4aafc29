"""The demo's plans, subscriptions and discussion: who subscribes, and what readers wrote
under the pieces on the front page.

Loaded by ``loader.load_demo`` after the articles, idempotently like the rest: plans by
name, commenters by e-mail, subscriptions by member and plan, comments by article, author
and text (replies also by their parent). The comments are written for the demo; none
quotes the articles. Times are anchored to each article's publish time, so the discussion
always follows the piece.

What a moderator finds in the demo: one comment reported by the subscriber, one hidden
(with its log entry), one pending (a new commenter's first comment), and a commenter
suspended for a few more days. The reference piece carries more than fifty top-level
comments, so its discussion runs to a second page.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model

from articles.models import Article
from comments.models import Comment, HeldPhrase, ModerationAction, Report, Suspension
from members.models import Plan, Subscription

from .records import DemoAccount

SUBSCRIBER = "subscriber@example.com"
LAPSED = "lapsed@example.com"
MODERATOR = "moderator@example.com"
EDITOR = "editor@example.com"


@dataclass(frozen=True)
class DemoPlan:
    name: str
    price: str
    interval: str
    description: str
    position: int
    active: bool = True


@dataclass(frozen=True)
class DemoSubscription:
    email: str
    plan: str
    source: str
    days_ago: int
    # Days from loading until the paid period ends; negative: it ended that long ago.
    ends_in_days: int | None
    status: str = "active"


@dataclass(frozen=True)
class DemoComment:
    author: str  # e-mail
    body: str
    hours: float  # after the article's publication
    replies: tuple["DemoComment", ...] = field(default_factory=tuple)
    status: str = "published"
    reported_by: str = ""
    report_reason: str = ""


PLANS = (
    DemoPlan(
        "Monthly",
        "8.00",
        "month",
        "Every comment thread open to you, month by month. Stop whenever you like.",
        1,
    ),
    DemoPlan(
        "Annual",
        "80.00",
        "year",
        "A year of the discussion for the price of ten months, renewed once a year.",
        2,
    ),
    DemoPlan(
        "Student",
        "3.50",
        "month",
        "For students in full-time education: tell the desk where you study.",
        3,
    ),
    DemoPlan(
        "Founding supporter",
        "150.00",
        "year",
        "The plan of our first year, closed to new subscribers.",
        9,
        active=False,
    ),
)

# Readers who write in the demo's discussion, besides the demo accounts.
COMMENTERS = (
    DemoAccount("ilona.varga@example.com", "Ilona Varga", "Commenter"),
    DemoAccount("peter.lindgren@example.com", "Peter Lindgren", "Commenter"),
    DemoAccount("amara.osei@example.com", "Amara Osei", "Commenter"),
    DemoAccount("jan.novak@example.com", "Jan Novák", "Commenter"),
    DemoAccount("claire.dubois@example.com", "Claire Dubois", "Commenter"),
    DemoAccount("declan.reilly@example.com", "Declan Reilly", "Commenter"),
    DemoAccount("marta.kowalska@example.com", "Marta Kowalska", "Commenter"),
    DemoAccount("tom.hughes@example.com", "Tom Hughes", "Commenter"),
    DemoAccount("sofia.marin@example.com", "Sofia Marin", "Commenter"),
)

SUBSCRIPTIONS = (
    DemoSubscription(SUBSCRIBER, "Annual", "online", days_ago=200, ends_in_days=165),
    DemoSubscription(LAPSED, "Monthly", "online", 140, ends_in_days=-12, status="expired"),
    DemoSubscription("ilona.varga@example.com", "Annual", "online", 400, ends_in_days=330),
    DemoSubscription("peter.lindgren@example.com", "Monthly", "online", 90, ends_in_days=20),
    DemoSubscription("amara.osei@example.com", "Student", "complimentary", 60, None),
    DemoSubscription("jan.novak@example.com", "Annual", "online", 30, ends_in_days=335),
    DemoSubscription("claire.dubois@example.com", "Monthly", "online", 250, ends_in_days=8),
    DemoSubscription("declan.reilly@example.com", "Monthly", "online", 45, ends_in_days=15),
    DemoSubscription("marta.kowalska@example.com", "Annual", "complimentary", 20, 345),
    DemoSubscription("tom.hughes@example.com", "Monthly", "online", 3, ends_in_days=27),
    DemoSubscription("sofia.marin@example.com", "Annual", "online", 120, ends_in_days=245),
)

HELD_PHRASES = (
    ("paid troll", "Accusations against other readers; a moderator decides."),
    ("traitor", "Name-calling that usually starts a fight."),
)

ILONA = "ilona.varga@example.com"
PETER = "peter.lindgren@example.com"
AMARA = "amara.osei@example.com"
JAN = "jan.novak@example.com"
CLAIRE = "claire.dubois@example.com"
DECLAN = "declan.reilly@example.com"
MARTA = "marta.kowalska@example.com"
TOM = "tom.hughes@example.com"
SOFIA = "sofia.marin@example.com"
PRIYA = SUBSCRIBER
JONAS = LAPSED


def c(author, hours, body, *replies, **extra) -> DemoComment:
    return DemoComment(author, " ".join(body.split()), hours, tuple(replies), **extra)


BACK_CHANNEL_COMMENTS = (
    c(
        ILONA,
        0.5,
        """Having lived in Budapest for most of my life, I can say the private channel
      is not new at all. What is new is how openly it is advertised at home as a sign of
      national strength.""",
        c(
            JAN,
            1.2,
            """The same is true in Bratislava. Domestic audiences are the real audience
        for most of these trips.""",
        ),
        c(
            PETER,
            2.0,
            """That is the part outsiders tend to miss. A visit abroad is mostly a
        campaign poster at home.""",
        ),
    ),
    c(
        PETER,
        0.8,
        """The historical comparison is useful, but in 1962 both channels led back to
      the same government. Here the messenger has his own agenda, and nobody in Brussels
      sent him.""",
    ),
    c(
        AMARA,
        1.1,
        """I would like to know who, if anyone, gets a read-out afterwards. Informal
      talks are fine when allies are told what was said; they are corrosive when nobody is.""",
    ),
    c(
        CLAIRE,
        1.5,
        """A well-argued piece. I came away less certain that these trips achieve
      anything at all, which may be the most honest conclusion available.""",
    ),
    c(
        SOFIA,
        1.9,
        """Small states have always needed more than one door. The question is
      whether they are opening doors for themselves or for someone else.""",
    ),
    c(
        MARTA,
        2.4,
        """From Warsaw this looks very different. Any channel to Moscow that is not
      coordinated with the neighbours is, for us, a security question and not a matter of
      style.""",
    ),
    c(
        JAN,
        2.9,
        """As a Slovak reader I would add that the government's rhetoric and its
      actual votes in Brussels often point in different directions. Watch the votes.""",
    ),
    c(
        PRIYA,
        3.3,
        """Does anyone know whether the other leaders were told beforehand? That
      would change how I read the whole episode.""",
        c(
            ILONA,
            3.9,
            """Reporting at the time suggested they learned about it from the press.
        If that is right, it says a lot.""",
        ),
        c(
            CLAIRE,
            4.6,
            """I remember the same. The surprise seemed genuine, and so did the
        irritation.""",
        ),
    ),
    c(
        DECLAN,
        3.8,
        """Diplomacy by press conference is not diplomacy. It is marketing, and the
      product is the leader himself.""",
    ),
    c(
        AMARA,
        4.4,
        """I think the piece is right to separate the method from the message.
      Back channels can be legitimate; this particular message may not be.""",
    ),
    c(
        PETER,
        5.1,
        """One thing I would add: deniability cuts both ways. If nothing comes of
      it, nobody lost face; if something does, everybody claims credit.""",
    ),
    c(
        CLAIRE,
        5.7,
        """The graphic of who met whom, and when, would make a good companion piece.
      It is hard to keep the sequence straight otherwise.""",
    ),
    c(
        ILONA,
        6.2,
        """For what it is worth, public opinion at home is far more divided on this
      than the official coverage suggests. Plenty of people are uneasy.""",
    ),
    c(
        SOFIA,
        6.8,
        """I appreciated the restraint here. It would have been easy to write a
      denunciation, and this is more useful than that.""",
    ),
    c(
        MARTA,
        7.5,
        """My worry is the precedent. If every capital keeps its own line open, the
      common position becomes whatever the most impatient member decides it is.""",
    ),
    c(
        TOM,
        8.0,
        """Long-time reader, first comment. The point about timing, just before a
      summit, seems to me the key to the whole thing.""",
        status="pending",
    ),
    c(
        JAN,
        8.6,
        """Every government in the region has done some version of this. The
      difference is scale and publicity, not principle.""",
    ),
    c(
        AMARA,
        9.3,
        """It would help to hear from diplomats who have actually run a quiet
      channel. I suspect they would be the harshest critics of this version.""",
    ),
    c(
        PETER,
        10.1,
        """The more one reads about 1962, the less the comparison flatters anyone
      today. Those channels existed because the stakes were existential and the leaders knew
      it.""",
    ),
    c(
        DECLAN,
        10.8,
        """Anyone who still defends these trips is a paid troll, plain and
      simple.""",
        status="hidden",
    ),
    c(
        CLAIRE,
        11.4,
        """I wonder how Washington reads it. A friendly visit is one thing; being
      seen as a channel for someone else's message is another.""",
    ),
    c(
        ILONA,
        12.2,
        """Some context for readers outside the region: the government-friendly
      media framed the trip as peacemaking, and most people only saw that framing.""",
    ),
    c(
        PRIYA,
        13.0,
        """Useful to be reminded that informal diplomacy has a respectable past.
      It makes the present case easier to judge on its merits.""",
    ),
    c(
        MARTA,
        13.9,
        """Reading this from Kraków. People here have long memories of decisions
      made about them, without them. That colours every reaction.""",
    ),
    c(
        JAN,
        14.7,
        """I would be curious about the economic side. Energy contracts tend to
      travel in the same suitcase as peace plans.""",
    ),
    c(
        AMARA,
        15.5,
        """The piece made me look up the old exchanges between the two capitals in
      1962. Fascinating reading, and a reminder of how much depended on trust.""",
    ),
    c(
        PETER,
        16.4,
        """Trust is exactly what is missing. The old channels worked because each
      side believed the messenger spoke for his government.""",
    ),
    c(
        CLAIRE,
        17.2,
        """Fair and measured. I do think the conclusion could have been stated a
      little more firmly, but I understand the caution.""",
    ),
    c(
        SOFIA,
        18.1,
        """The institutions were designed for consensus among like-minded
      governments. They struggle when one member treats consensus as a bargaining chip.""",
    ),
    c(
        ILONA,
        19.0,
        """A friend in the civil service says the ministries often learn about
      these meetings at the same time as everyone else. Make of that what you will.""",
    ),
    c(
        MARTA,
        19.8,
        """Whatever one thinks of the aims, the lack of coordination is the
      problem. Allies can disagree in private; surprising each other in public is worse.""",
    ),
    c(
        DECLAN,
        20.5,
        """Fair enough, the article makes a better case than I expected. I still
      think the trips were mostly for the cameras.""",
    ),
    c(
        AMARA,
        21.3,
        """Is there any record of what, concretely, was proposed? Without that we
      are all judging gestures rather than substance.""",
    ),
    c(
        JAN,
        22.0,
        """Worth remembering that the opposition in both countries has criticised
      this too, not only foreign governments.""",
    ),
    c(
        PETER,
        22.9,
        """I keep coming back to the question of mandate. Who asked for this, and
      who was it meant to serve?""",
    ),
    c(
        CLAIRE,
        23.8,
        """The photographs alone tell a story. Staging matters in diplomacy, and
      this staging was very deliberate.""",
    ),
    c(
        PRIYA,
        24.6,
        """I shared this with my reading group. We spent an hour on the difference
      between a channel and a performance.""",
    ),
    c(
        ILONA,
        25.5,
        """A small correction to a comment above: the coverage at home was not
      uniform. Several independent outlets were sharply critical from the first day.""",
    ),
    c(
        MARTA,
        26.3,
        """Our own government has its channels too, of course. The difference is
      that it usually tells its allies first.""",
    ),
    c(
        SOFIA,
        27.2,
        """The article could have said more about what the other side gains. A
      sympathetic visitor is a gift to any government under sanctions.""",
    ),
    c(
        AMARA,
        28.0,
        """Agreed. Legitimacy is a currency, and visits like these are a way of
      printing it.""",
    ),
    c(
        JAN,
        28.9,
        """Still, one has to ask what the alternative is. Silence is also a policy,
      and not obviously a better one.""",
    ),
    c(
        PETER,
        29.7,
        """Silence coordinated among allies is a policy. Freelancing is something
      else.""",
    ),
    c(
        CLAIRE,
        30.6,
        """This is the kind of piece I subscribe for: history, context and a
      clear argument, without shouting.""",
    ),
    c(
        DECLAN,
        31.4,
        """My prediction is that nothing of substance came out of any of these
      meetings, and that in a year nobody will remember them.""",
    ),
    c(
        ILONA,
        32.3,
        """I hope you are right, but photographs have a long life. They will be
      used in campaigns for years.""",
    ),
    c(
        MARTA,
        33.1,
        """Does anyone know if the parliament in either country debated the trips
      afterwards? That would be a useful test of accountability.""",
    ),
    c(
        PRIYA,
        34.0,
        """Reading this after the summit, the sequencing looks even more
      deliberate than it did at the time.""",
    ),
    c(
        AMARA,
        34.8,
        """The historian's perspective is what makes this piece. Most coverage
      treated the trips as if nothing like them had happened before.""",
    ),
    c(
        SOFIA,
        35.7,
        """There is also a generational point. Leaders who came of age before
      1989 seem to find this kind of personal diplomacy entirely natural.""",
    ),
    c(
        JAN,
        36.5,
        """For balance, a good deal of what passes for common policy is also made in
      small rooms by a few large capitals. Smaller states notice.""",
    ),
    c(
        PETER,
        37.4,
        """That is a fair point, and the answer is more transparency for everyone,
      not more freelancing by some.""",
    ),
    c(
        CLAIRE,
        38.2,
        """I would read a follow-up on how the institutions might adapt. Is there
      any mechanism that could make informal channels accountable?""",
    ),
    c(
        ILONA,
        39.1,
        """Thank you for a piece that treats readers in the region as adults. That
      is rarer than it should be.""",
    ),
    c(
        MARTA,
        40.0,
        """One last thought: the strongest back channel is the one nobody knows
      about. By definition, we are only discussing the weak ones.""",
    ),
    c(AMARA, 40.8, """That is a wonderfully unsettling way to end the discussion."""),
    c(
        PRIYA,
        41.6,
        """Bookmarking this for the next time someone tells me small states have
      no foreign policy of their own.""",
    ),
)

UNANIMITY_COMMENTS = (
    c(
        CLAIRE,
        1.0,
        """The veto is a blunt instrument, but I am not sure majority voting
      would survive its first hard case. Someone always ends up in the minority.""",
        c(
            PETER,
            2.5,
            """That is true of every democracy, though. Being outvoted is the price
        of getting decisions at all.""",
        ),
        c(
            JAN,
            3.4,
            """The difference is that a national government answers to its own
        voters, not to the other twenty-six.""",
        ),
    ),
    c(
        MARTA,
        1.6,
        """The workaround the piece describes, acting as twenty-six, has become
      almost routine. It works, but it is a confession that the rules no longer fit.""",
    ),
    c(
        ILONA,
        2.2,
        """As a Hungarian, I find it painful to read, because it is accurate. The
      veto has become a tool of domestic politics first and foreign policy second.""",
    ),
    c(
        PRIYA,
        3.0,
        """Clear explanation of a procedure most of us never think about until it
      blocks something important.""",
    ),
    c(
        JONAS,
        4.1,
        """Unanimity protected small states for decades. I would be careful about
      throwing it away because of one government.""",
    ),
    c(
        AMARA,
        5.3,
        """The leverage point is well made: the threat is worth more than the act.
      That explains why the vetoes rarely actually happen.""",
    ),
    c(
        DECLAN,
        6.0,
        """Brussels wants to take away the last thing small countries can say no
      with. Of course it dresses it up as efficiency.""",
    ),
    c(
        PETER,
        7.2,
        """The piece is careful to say there are risks both ways. That caution is
      what makes it persuasive.""",
    ),
    c(
        JAN,
        8.5,
        """Slovakia has quietly benefited from Hungary taking the heat. Other
      capitals can hide behind the loudest objector.""",
    ),
    c(
        CLAIRE,
        10.0,
        """I would like to see the numbers: how many decisions were delayed, by
      how long, and at what cost. Anecdotes only go so far.""",
    ),
    c(
        MARTA,
        11.7,
        """From the Polish side, the irony is that we defended unanimity fiercely
      when the quarrel was about our own courts.""",
    ),
    c(
        AMARA,
        13.1,
        """Constructive abstention deserves more attention. It already lets a
      state step aside without blocking everyone else.""",
    ),
    c(
        ILONA,
        15.0,
        """People at home are told the veto protects them. Very few are told what
      it costs, or who pays.""",
    ),
    c(
        PETER,
        17.4,
        """The treaty change route seems almost impossible, which leaves the
      passerelle clause. Has anyone seriously tried it?""",
    ),
    c(
        PRIYA,
        20.0,
        """I came for the explanation and stayed for the argument. Good
      journalism.""",
    ),
)

NATO_COMMENTS = (
    c(
        PETER,
        0.7,
        """Percentages make headlines; brigades win wars. Glad to see the piece
      insists on the difference.""",
        c(
            MARTA,
            1.5,
            """And ammunition. Every conversation I have with people in the field
        ends with ammunition.""",
        ),
        c(
            DECLAN,
            2.3,
            """Easy to say from an armchair. Somebody still has to pay for all of
        it.""",
        ),
    ),
    c(
        MARTA,
        1.9,
        """Poland is spending the money, and still the bottleneck is people. You
      cannot buy a trained crew off a shelf.""",
    ),
    c(
        JAN,
        2.6,
        """The air defence gap is the part that worries me most. It is the slowest
      to fix and the most visible when it fails.""",
    ),
    c(
        CLAIRE,
        3.4,
        """France tends to be left out of these discussions in the English-language
      press. Its contribution on the eastern flank is larger than people think.""",
    ),
    c(
        AMARA,
        4.2,
        """How do the new targets interact with national debt rules? That seems to
      be where the promises will be tested first.""",
    ),
    c(
        ILONA,
        5.5,
        """Hungary's defence spending has risen too, but the political signals from
      Budapest make allies wonder what it is meant for.""",
    ),
    c(
        SOFIA,
        6.3,
        """Summits are good at producing numbers. Parliaments are where the numbers
      meet reality, and that part is much less reported.""",
    ),
    c(
        PRIYA,
        7.8,
        """The section on what money cannot buy quickly should be required reading
      for every finance minister on the continent.""",
    ),
    c(
        PETER,
        9.0,
        """Industrial capacity is the forgotten half of deterrence. Orders placed
      today arrive in years, not months.""",
    ),
    c(
        JAN,
        11.2,
        """The Baltic states have been saying this for a decade. It is a little
      bitter to see it become consensus only now.""",
    ),
    c(
        CLAIRE,
        13.5,
        """I would be interested in a piece on the southern flank as well. The
      attention is understandably elsewhere, but the risks have not gone away.""",
    ),
    c(
        AMARA,
        16.0,
        """Excellent overview. The chart of commitments against actual deliveries
      would be worth updating every quarter.""",
        reported_by=PRIYA,
        report_reason="off_topic",
    ),
    c(
        DECLAN,
        18.4,
        """I think people who cheer for these budgets should volunteer to pay the
      extra tax themselves. The rest of us have rent to pay.""",
        reported_by=PRIYA,
        report_reason="abuse",
    ),
    c(
        MARTA,
        21.0,
        """Deterrence is cheaper than war, by every measure anyone has found. The
      question is only whether we pay now or later.""",
    ),
)

DISCUSSIONS = {
    "back-channels-orban-fico-moscow": BACK_CHANNEL_COMMENTS,
    "unanimity-price-eu-ukraine-veto": UNANIMITY_COMMENTS,
    "nato-eastern-flank-promises-and-budgets": NATO_COMMENTS,
}

# The demo's one report stays open in the queue; the others were dealt with.
OPEN_REPORT_ON = "I think people who cheer for these budgets"
HIDDEN_REASON = "Name-calling aimed at other readers."
SUSPENSION_REASON = "Repeated name-calling aimed at other readers after a warning."


def load_discussion(members: dict, password: str, now: datetime) -> None:
    """Plans, subscriptions, held phrases, commenters and their comments, and the traces
    of moderation the demo shows (one report, one hidden comment, one pending, one
    suspension)."""
    plans = {data.name: _load_plan(data) for data in PLANS}
    people = dict(members)
    people.update({data.email: _load_commenter(data, password) for data in COMMENTERS})
    for data in SUBSCRIPTIONS:
        _load_subscription(data, people[data.email], plans[data.plan], now)
    moderator = people.get(MODERATOR)
    for phrase, note in HELD_PHRASES:
        HeldPhrase.objects.update_or_create(
            phrase=phrase, defaults={"note": note, "added_by": moderator}
        )
    for slug, comments in DISCUSSIONS.items():
        article = Article.objects.get(slug=slug)
        for data in comments:
            _load_comment(data, article, people, now, parent=None, moderator=moderator)
    _load_suspension(people[DECLAN], moderator, now)


def _load_plan(data: DemoPlan) -> Plan:
    return Plan.objects.update_or_create(
        name=data.name,
        defaults={
            "price": Decimal(data.price),
            "currency": "GBP",
            "interval": data.interval,
            "description": data.description,
            "active": data.active,
            "position": data.position,
        },
    )[0]


def _load_commenter(data: DemoAccount, password: str):
    Member = get_user_model()
    member = Member.objects.filter(email__iexact=data.email).first() or Member(email=data.email)
    member.display_name = data.display_name
    member.is_active = True
    if not member.check_password(password):
        member.set_password(password)
    member.save()
    from .loader import _confirm_email

    _confirm_email(member)
    return member


def _load_subscription(data: DemoSubscription, member, plan: Plan, now: datetime) -> None:
    day = now.replace(hour=6, minute=0, second=0, microsecond=0)
    starts_at = day - timedelta(days=data.days_ago)
    ends_at = None if data.ends_in_days is None else day + timedelta(days=data.ends_in_days)
    Subscription.objects.update_or_create(
        member=member,
        plan=plan,
        defaults={
            "status": data.status,
            "source": data.source,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "cancelled_at": None,
            "note": "Demo subscription." if data.source == "complimentary" else "",
        },
    )


def _load_comment(data: DemoComment, article, people, now, parent, moderator) -> Comment:
    member = people[data.author]
    created_at = min(article.publish_at + timedelta(hours=data.hours), now - timedelta(hours=1))
    comment = Comment.objects.filter(
        article=article, member=member, parent=parent, body=data.body
    ).first() or Comment(article=article, member=member, parent=parent, body=data.body)
    comment.status = data.status
    comment.created_at = created_at
    comment.edited_at = None
    comment.held_because = "The member's first comment" if data.status == "pending" else ""
    comment.save()
    if data.status == "pending":
        _logged(ModerationAction.Action.HELD, comment, None, "", comment.held_because, created_at)
    if data.status == "hidden":
        _logged(
            ModerationAction.Action.HIDDEN,
            comment,
            moderator,
            HIDDEN_REASON,
            "",
            created_at + timedelta(minutes=25),
        )
    if data.reported_by:
        is_open = data.body.startswith(OPEN_REPORT_ON)
        Report.objects.update_or_create(
            comment=comment,
            reporter=people[data.reported_by],
            defaults={
                "reason": data.report_reason,
                "detail": "" if is_open else "Not really wrong, just off the subject.",
                "created_at": created_at + timedelta(hours=1),
                "resolved_at": None if is_open else created_at + timedelta(hours=3),
                "resolved_by": None if is_open else moderator,
            },
        )
        if not is_open:
            _logged(
                ModerationAction.Action.REPORTS_DISMISSED,
                comment,
                moderator,
                "A fair comment; the report asked for nothing to be done.",
                "",
                created_at + timedelta(hours=3),
            )
    for reply in data.replies:
        _load_comment(reply, article, people, now, parent=comment, moderator=moderator)
    return comment


def _logged(action, comment, moderator, reason, detail, at) -> None:
    ModerationAction.objects.update_or_create(
        action=action,
        comment=comment,
        defaults={
            "moderator": moderator,
            "member": comment.member,
            "reason": reason,
            "detail": detail,
            "at": at,
        },
    )


def _load_suspension(member, moderator, now: datetime) -> None:
    until = now.replace(minute=0, second=0, microsecond=0) + timedelta(days=4)
    suspension = Suspension.objects.filter(member=member, reason=SUSPENSION_REASON).first()
    if suspension is None:
        suspension = Suspension(member=member, reason=SUSPENSION_REASON)
    suspension.until = until
    suspension.created_by = moderator
    suspension.created_at = now - timedelta(days=1)
    suspension.lifted_at = None
    suspension.lifted_by = None
    suspension.save()
    ModerationAction.objects.update_or_create(
        action=ModerationAction.Action.SUSPENDED,
        member=member,
        comment=None,
        defaults={
            "moderator": moderator,
            "reason": SUSPENSION_REASON,
            "detail": "for five days",
            "at": suspension.created_at,
        },
    )


def count_discussion() -> Counter:
    return Counter(
        {
            "plans": Plan.objects.count(),
            "subscriptions": Subscription.objects.count(),
            "comments": Comment.objects.count(),
        }
    )
