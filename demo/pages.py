"""The Meridian Review's own pages, linked in every page's footer: who we are, who does
what, how to reach us, how we correct mistakes, what we keep about readers, and the terms
of use. What they say about cookies, comments and payments is what the site does."""

from web.slugs import fold_slug

from .masthead import ACCOUNTS, AUTHORS, EDITOR_IN_CHIEF, PUBLICATION
from .records import DemoPage

MODERATOR = next(account for account in ACCOUNTS if account.group == "Moderators")

ABOUT = DemoPage(
    "About us",
    "about",
    f"""{PUBLICATION} explains how power is used between states: diplomacy, security and the
    economics that bind them, written for readers who want the reasoning as well as the
    news.""",
    f"""
{PUBLICATION} is an independent publication of analysis on international politics. We
cover the negotiations, alliances, wars and trade disputes that shape Europe and its
neighbourhood, and we try to explain not only what happened but why, and what is likely to
follow.

## What we publish

Most of what we publish is <strong>analysis</strong>: a correspondent or editor takes one
development, sets it against its history and weighs what it means. We also publish
<strong>explainers</strong>, which set out the facts of a treaty, a sanctions regime or a
dispute as plainly as we can; short <strong>news</strong> pieces when something changes;
and, clearly labelled, <strong>opinion</strong>, where a writer argues a case.

## How we work

Every piece names the people, states and organisations it is about, and lists the
sources it relies on: news agencies, official documents, think-tank studies and our own
reporting. When we quote a statement made on social media we say so, and we link to the
original where we can. A second editor reads every piece before it is published.

We correct our mistakes in the open; how we do it is set out in our
<a href="/pages/corrections/">corrections policy</a>.

## Who pays for it

We are paid for by our subscribers and by a small number of sponsors. Sponsored blocks are
marked "Sponsored", drawn apart from our own pieces, and never written or edited by our
journalists; sponsors have no say in what we cover. Subscribers also join the discussion
under each piece.

## Our editors

The editor-in-chief is {EDITOR_IN_CHIEF}. The people who write and edit the Review are
listed on our <a href="/pages/masthead/">masthead</a>.
""",
    1,
)


def _masthead_body() -> str:
    staff = "\n".join(
        f'- <a href="/authors/{fold_slug(author.byline)}/">{author.byline}</a>, {author.title}'
        for author in AUTHORS
    )
    return f"""
{PUBLICATION} is written and edited by a small staff of correspondents and editors, most
of whom have reported from the places they now write about.

## Editorial

{staff}

## Community

- {MODERATOR.display_name}, Community Editor: looks after the discussion under our pieces
and reads every comment that readers report.

## Writing for us

We publish a small number of pieces by outside contributors: diplomats, officers,
economists and scholars writing from experience. Send a short outline, not a finished
draft, to the editors at <a href="mailto:pitches@example.com">pitches@example.com</a>.
Contributors are named and described at the end of what they write, and are paid.
"""


MASTHEAD = DemoPage(
    "Masthead",
    "masthead",
    f"The editors and correspondents who write {PUBLICATION}.",
    _masthead_body(),
    2,
)

CONTACT = DemoPage(
    "Contact us",
    "contact",
    "How to reach the editors, report a mistake, ask about a subscription or advertise.",
    """
We read everything that is sent to us, although we cannot answer every message
individually.

## The editors

Letters about what we publish, for the editors' attention:
<a href="mailto:letters@example.com">letters@example.com</a>. Please tell us which piece
you are writing about.

## Reporting a mistake

If you think we have got something wrong, write to
<a href="mailto:corrections@example.com">corrections@example.com</a> with the headline of
the piece and what you believe is inaccurate. Our <a href="/pages/corrections/">corrections
policy</a> explains what happens next.

## Subscriptions and your account

Questions about a subscription, a payment or your account:
<a href="mailto:members@example.com">members@example.com</a>. You can change your display
name, see your subscription and manage payments yourself from your account page once you
are logged in.

## Sponsorship

Organisations interested in sponsoring the Review:
<a href="mailto:sponsorship@example.com">sponsorship@example.com</a>. Sponsors appear in
marked blocks and have no influence on what we write.

## Sending us information

If you have documents or information you believe we should see, write to
<a href="mailto:tips@example.com">tips@example.com</a>. Ordinary e-mail is not
anonymous: if your safety or your job could be at risk, say so in a first short message
that gives no details, and one of our editors will suggest a safer way to talk.
""",
    3,
)

CORRECTIONS = DemoPage(
    "Corrections policy",
    "corrections",
    "We correct errors of fact promptly and in the open, and say on the piece what we changed.",
    """
Accuracy matters more to us than speed, and when we get something wrong we say so.

## What we correct

We correct errors of fact: a wrong date, figure, name, title or quotation, or a statement
that our sources do not support. We also correct a headline or standfirst that claims more
than the piece beneath it shows.

We do not rewrite an argument because a reader disagrees with it. Disagreement is welcome
in the discussion under the piece and in letters to the editors.

## How we correct

1. A reader, a source or one of our own staff points out a possible error, usually by
writing to corrections@example.com.
2. The editor responsible for the piece checks the claim against our sources, normally
within one working day.
3. If the piece is wrong, we fix the text and add a note at its end saying what was wrong,
what we changed and when. The piece then shows as updated, with the date.
4. A serious error, one that changes the meaning of the piece, is also noted at the top of
the piece and reported to the editor-in-chief.

We do not quietly delete or alter published pieces. In the rare case where a piece must be
withdrawn, for legal reasons or because its central claim has collapsed, we leave a note at
its address explaining why.

## Clarifications

When a piece is accurate but could be read in a misleading way, we add a clarification
note in the same way as a correction.
""",
    4,
)

PRIVACY = DemoPage(
    "Privacy",
    "privacy",
    "What we keep about readers and subscribers, why, for how long, and how to ask for it.",
    f"""
We keep as little about our readers as we can and use it only to run the publication.

## Reading without an account

You can read every piece without an account. We set no cookie when you do, load no
advertising or tracking scripts, and do not share with anyone which pieces you read. Our
servers keep ordinary technical logs (the address requested, the time and your IP
address) for a short time, to keep the site working and to stop abuse.

The sponsor blocks are counted, not tracked: we count how many times each block is shown
and followed each day, and nothing that identifies you.

## Your account

When you create an account we keep your e-mail address, the display name you choose and
your password, stored only as a one-way hash. Your e-mail address is never shown to other
readers; your display name appears beside your comments. When you are logged in, your
browser keeps a session cookie, and forms carry a security token cookie; both exist only
to keep you logged in and to protect your account.

## Subscriptions and payments

If you subscribe, we keep your plan, its dates and its status. Payments are handled by our
payment provider, Stripe: your card details go to Stripe, never to us. We keep the
reference Stripe gives us, so that your subscription and your receipts stay in step.

If you subscribed after following the editor's appeal at the end of a piece, we record
that the appeal led to your subscription, so that we know which appeals work.

## Comments

Your comments are shown to other subscribers under your display name. Comments that
readers report, and the decisions our moderators take on them, are kept so that moderation
is fair and can be reviewed. Our moderators can see your display name and your comments,
never your e-mail address.

## Your rights

You can correct your display name at any time on your account page. To see what we hold
about you, to have it corrected or deleted, or to close your account, write to
<a href="mailto:privacy@example.com">privacy@example.com</a>. We answer within a month.
{PUBLICATION} is responsible for the data described here.
""",
    5,
)

TERMS = DemoPage(
    "Terms of use",
    "terms",
    f"The rules for reading {PUBLICATION}, holding an account, subscribing and commenting.",
    """
By using this site you agree to these terms. They are written to be read; if anything is
unclear, ask us at <a href="mailto:members@example.com">members@example.com</a>.

## Our pieces

Everything we publish is protected by copyright. You may read it, share links to it and
quote short passages with a credit and a link to the piece. Please do not republish whole
pieces or photographs without our written permission.

## Accounts

Keep your password to yourself; you are responsible for what is done with your account.
Your display name must not pretend to be someone else, including our staff. We may suspend
or close an account that breaks these terms.

## Subscriptions

A subscription runs for the period of its plan and renews automatically until you cancel
it, which you can do at any time from your account page; it then ends at the close of the
period you have paid for. If a renewal payment fails, you keep access for a short grace
period while it is retried. Prices are shown on the subscribe page before you pay.

## Comments

Subscribers may comment under our pieces. Be civil and stay on the subject. We remove
comments that are abusive, threatening, defamatory, discriminatory, that reveal someone's
private information, or that advertise. Comments are plain text; links are allowed but
carry no endorsement. Our moderators may hold, hide or remove comments and suspend
commenters; you can report a comment you think breaks these rules, and our moderators will
look at it. You keep the rights to what you write, and allow us to publish it alongside
our pieces.

## Sponsors

Sponsored blocks are advertisements, not editorial. Sponsors are responsible for what
their blocks say and for what they offer.

## Changes

If we change these terms in a way that matters, we will say so on this page and, if you
hold an account, by e-mail before the change takes effect.
""",
    6,
)

PAGES = (ABOUT, MASTHEAD, CONTACT, CORRECTIONS, PRIVACY, TERMS)
