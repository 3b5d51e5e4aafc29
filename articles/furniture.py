"""Page furniture in a piece pasted from a web page: what the page around the piece carried
(a comments widget, an appeal to subscribe, sponsor blocks), found so that imports leave it
out of the body and report it (``articles.plaintext``).

Looked for in this order (a line claimed by one rule is not read by the next):

1. ``comments`` — lines of a comments widget, each a whole line of at most 25 words that
   is not reported speech (no quotation marks, no "said"/"told"):
   ``comment count`` ("There are 12 comments", "3 comments", "No comments yet",
   "Comments (12)", "View all 12 comments");
   ``comment invitation``, a line that starts by asking ("Log in to comment", "Leave a
   comment", "Subscribe to join the conversation", "Be the first to comment");
   ``comments gate``, a line telling the reader who may take part ("You must be a
   subscriber or log in to view or post comments", "To comment, you need to sign in",
   "Only subscribers can post comments", "Comments are closed"); and ``comments heading``,
   a bare "Comments", "Reader comments" or "Discussion" next to one of those. Neighbouring
   comments lines are one item (rule ``comments area`` when several rules found them).
2. ``appeal`` — the publication asking its readers for support:
   ``signed appeal``, a signature (a name of 2–5 capitalised words with an editorial
   title: "Editor-in-Chief", "Publisher", "Founder", "… Editor"; on one line after a
   comma or dash, or the title on the next line) preceded by at least one appeal line;
   ``call to subscribe``, a short button-like line ("Subscribe now", "Become a subscriber",
   "Support our journalism", "Donate") with the appeal lines before it. Appeal lines are
   contiguous lines (at most 6) that address the reader ("you", "your", "dear reader") *and*
   ask for support (subscribe, support us, donate, contribute, membership, independent
   journalism…), plus greetings and sign-offs ("Dear reader,", "Thank you.") and one
   heading just before them ("A message from our editor", "Support independent
   journalism"). A paragraph that merely mentions subscribers or support is never an
   appeal line unless it also speaks to the reader and stands next to a signature or button;
   "subscribe to the view that…" is agreement, never an appeal.
3. ``sponsor`` — ``sponsor block``: a label line ("Sponsored", "Sponsored content",
   "Sponsored by Acme", "Advertisement", "Ad", "Paid content", "Partner content",
   "Promoted") and the ad copy after it: up to 8 lines of at most 25 words, ending before
   a longer line, another label, other furniture, or a short line that leads into a long
   unclaimed paragraph (editorial resumes). Contact lines (street, postcode, phone, web
   address, e-mail) and shop buttons ("Book now") always belong to the block. "By" labels
   need a capitalised name ("Sponsored by the state" is a heading). ``advertisement
   marker``: a lone "Story continues below advertisement" or "Continue reading below".

Known limits: a short editorial paragraph placed right after an ad label, with no longer
paragraph after it, is read as ad copy (the report shows it, with its line); an unsigned
appeal without a button stays in the body, for the editor to cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COMMENTS_LINE_MAX_WORDS = 25
APPEAL_MAX_LINES = 6
APPEAL_LINE_MAX_WORDS = 150
SIGNATURE_MAX_WORDS = 16
SPONSOR_BLOCK_MAX_LINES = 8
AD_COPY_MAX_WORDS = 25

_REPORTED_SPEECH = re.compile(r"[\"“”«»]|\b(?:said|says|told|according to)\b", re.I)
_COMMENT_COUNT = re.compile(
    r"^(?:there (?:are|is|have been) )?(?:\d[\d,.]*k?|one) (?:comments?|responses?|replies)"
    r"(?: so far| yet)?[.!]?$"
    r"|^(?:there are )?(?:no|zero) (?:comments|responses|replies)(?: so far| yet)?[.!]?$"
    r"|^(?:view|show|see|read|load|hide|open)(?: all| the)?(?: \d[\d,]*)? (?:comments?|replies)"
    r"(?: \(\d[\d,]*\))?[.!]?$"
    r"|^(?:reader )?comments?\s*(?:\(\d[\d,]*\)|:\s*\d[\d,]*)$",
    re.I,
)
_COMMENT_INVITATION = re.compile(
    r"^(?:please )?(?:log ?in|sign ?in|sign ?up|register|subscribe|leave|post|add|write|submit"
    r"|join|be the first)\b[^.!?]{0,80}\b(?:comments?|commenting|the conversation|"
    r"the discussion|a reply)\b[^.!?]{0,40}[.!]?$",
    re.I,
)
_COMMENTS_GATE = re.compile(
    r"^(?:to (?:comment|view|read|post|leave|add|see|join)[^.!?]{0,40}, )?you(?:'ll| will)? "
    r"(?:must|need to|have to|need|should) (?:first )?(?:be|become|log|sign|subscribe|register|"
    r"have an? (?:account|subscription)|create an account)\b[^.!?]{0,120}[.!]?$"
    r"|^comments (?:are|have been) (?:now )?(?:closed|disabled|turned off|open|moderated|"
    r"reserved|only|available)\b[^.!?]*[.!]?$"
    r"|^only (?:subscribers|members|registered (?:users|readers)|logged-in (?:users|readers))"
    r" (?:can|may) (?:view|read|post|see|leave|add|comment|join)\b[^.!?]{0,80}[.!]?$",
    re.I,
)
_COMMENT_WORD = re.compile(r"\bcomment(?:s|ing|er|ers)?\b", re.I)
_COMMENTS_HEADING = re.compile(r"^(?:reader )?(?:comments?|discussion)[.:]?$", re.I)

_TITLE = (
    r"(?:editor[- ]in[- ]chief|chief editor|editorial director|editor[- ]at[- ]large|"
    r"(?:[a-z-]+ )?editor|publisher|co-?founder|founder|chief executive(?: officer)?|ceo)"
)
_TITLES = re.compile(
    rf"(?:the )?{_TITLE}(?:\s*(?:,|and|&|/)\s*(?:the )?{_TITLE})*"
    r"(?:\s*(?:,|\bof\b|\bat\b)\s*[^.!?]{1,60})?\.?",
    re.I,
)
_SIGN_OFF = (
    r"(?:thank you|thanks|yours(?: sincerely| truly)?|sincerely|best wishes|"
    r"with (?:thanks|gratitude))"
)
_SIGNATURE_PREFIX = re.compile(rf"^[—–-]*\s*(?:{_SIGN_OFF}[,.!]?\s+)?", re.I)
_NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "al", "bin"}
_READER = re.compile(r"\b(?:you|your|yours|dear readers?)\b", re.I)
# "Subscribe to the view that…" is agreement, not a subscription.
_SUPPORT = re.compile(
    r"\b(?:subscri(?:be|bed|bing|ber|bers|ption|ptions)(?! to (?:(?:the|this|that|his|her|their|"
    r"its|such an?|an?) )?(?:view|idea|theory|notion|belief|argument|thesis|doctrine|position)\b)"
    r"|support(?:ing)? (?:us|our|independent|quality|journalism|this (?:site|publication|"
    r"newspaper|magazine|work|journalism))|donat(?:e|ion|ions|ing)|contribut(?:e|ion|ions)|"
    r"membership|"
    r"become a member|independent journalism|our journalism|our reporting|our newsroom|paywall|"
    r"reader[- ]funded|funded by (?:our )?readers)\b",
    re.I,
)
_GREETING = re.compile(
    rf"^(?:dear (?:reader|readers|friends?|subscribers?)|{_SIGN_OFF}(?: for reading[^.!?]*)?)"
    r"[,.!:]?$",
    re.I,
)
_APPEAL_HEADING = re.compile(
    r"^(?:a (?:message|note|letter|word) from (?:our|the) [^.!?]{1,40}|support (?:us|our|"
    r"independent|quality) [^.!?]*|why (?:subscribe|support us)|before you go[^.!?]*)[.:!?]?$",
    re.I,
)
_APPEAL_CALL = re.compile(
    r"^(?:subscribe(?: now| today| here)?|subscribe (?:to|and) [^.!?]{1,40}|become a "
    r"(?:subscriber|member|supporter|patron)(?: now| today)?|support (?:us|our journalism|"
    r"our work|our reporting|independent journalism)(?: now| today)?|donate(?: now| today)?|"
    r"make a (?:donation|contribution)|contribute(?: now| today)?)[.!]?\s*[→›>»]*$",
    re.I,
)

_SPONSOR_LABEL = re.compile(
    r"^(?i:advertisement|advertising|advert|ads?|advertorial|sponsored|sponsored (?:content|"
    r"post|article|story|feature|links?|listing)|paid (?:content|post|promotion|partnership)|"
    r"partner content|promoted(?: content| post)?)[.:]?$"
    r"|^(?i:sponsored|promoted|brought to you) (?i:by) [A-Z0-9][^.!?]{0,60}$",
)
_AD_MARKER = re.compile(
    r"^(?:(?:the )?(?:story|article|text|content) continues (?:below|after) (?:this |the )?"
    r"(?:advertisement|ad|advert)|continue reading below(?: (?:this |the )?(?:advertisement|ad))?"
    r"|scroll to continue(?: with content)?)[.:]?$",
    re.I,
)
_CONTACT = re.compile(
    r"https?://|\bwww\.|\b[\w-]+\.(?:com|net|org|co\.uk|eu|de|at|hu|sk|cz|pl|shop|store)\b"
    r"|\S+@\S+\.\w+|\b(?:tel|phone|fax)\b\.?:?\s*\+?\d|\+\d[\d\s()-]{6,}"
    r"|\b\d+[a-z]?,? [\w'’ .-]{1,40}\b(?:street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|"
    r"drive|way|square|place|court)\b\.?|\b(?:straße|strasse|str\.|weg|gasse|platz|utca|ulica"
    r"|ul\.|rue|via|calle)\b|\bp\.?o\.? box\b|\bsuite \d+|^(?:[A-Z]{1,2}-)?\d{4,5} [A-Z]"
    r"|\b[A-Z]{2} \d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b",
    re.I,
)
_AD_CALL = re.compile(
    r"^(?:shop|buy|order|book|learn|discover|find out|visit|explore|get|try|claim|download|"
    r"call|request|start|save)\b[^.!?]{0,40}[.!]?\s*[→›>»]*$",
    re.I,
)


@dataclass(frozen=True)
class Furniture:
    """Lines of the page around the piece, left out of the body."""

    kind: str  # "appeal", "sponsor", "comments" or "caption"
    rule: str  # the named rule that found them (see the module's docstring)
    line: int  # the first of them, counted in the file from 1
    text: str  # the lines left out, one per line

    def as_dict(self) -> dict:
        return {"kind": self.kind, "rule": self.rule, "line": self.line, "text": self.text}


@dataclass(frozen=True)
class _Span:
    start: int  # index of its first line
    end: int  # index after its last line
    kind: str
    rule: str


def _words(line: str) -> int:
    return len(line.split())


def find_furniture(lines: list[str]) -> list[_Span]:
    """The spans of ``lines`` that are page furniture, by the rules of this module."""
    spans: list[_Span] = []
    taken: set[int] = set()

    def claim(start: int, end: int, kind: str, rule: str) -> None:
        spans.append(_Span(start, end, kind, rule))
        taken.update(range(start, end))

    for index, line in enumerate(lines):
        if rule := _comments_rule(line):
            claim(index, index + 1, "comments", rule)
    for index, line in enumerate(lines):
        near = {index - 1, index + 1} & {i for s in spans for i in range(s.start, s.end)}
        if index not in taken and near and _COMMENTS_HEADING.match(line):
            claim(index, index + 1, "comments", "comments heading")
    spans = _merge_neighbours(spans)

    index = 0
    while index < len(lines):
        found = _appeal_at(lines, index, taken)
        if found:
            claim(*found)
            index = found[1]
        else:
            index += 1

    index = 0
    while index < len(lines):
        if index not in taken and _SPONSOR_LABEL.match(lines[index]):
            end = index + 1
            while (
                end < len(lines)
                and end - index <= SPONSOR_BLOCK_MAX_LINES
                and _continues_sponsor_block(lines, end, taken)
            ):
                end += 1
            claim(index, end, "sponsor", "sponsor block")
            index = end
            continue
        if index not in taken and _AD_MARKER.match(lines[index]):
            claim(index, index + 1, "sponsor", "advertisement marker")
        index += 1
    return sorted(spans, key=lambda span: span.start)


def _merge_neighbours(spans: list[_Span]) -> list[_Span]:
    """Neighbouring comments lines are one widget."""
    merged: list[_Span] = []
    for span in sorted(spans, key=lambda span: span.start):
        last = merged[-1] if merged else None
        if last and last.end == span.start and last.kind == span.kind:
            rule = last.rule if last.rule == span.rule else "comments area"
            merged[-1] = _Span(last.start, span.end, last.kind, rule)
        else:
            merged.append(span)
    return merged


def _comments_rule(line: str) -> str | None:
    if _words(line) > COMMENTS_LINE_MAX_WORDS or _REPORTED_SPEECH.search(line):
        return None
    if _COMMENT_COUNT.match(line):
        return "comment count"
    if _COMMENT_INVITATION.match(line):
        return "comment invitation"
    if _COMMENTS_GATE.match(line) and _COMMENT_WORD.search(line):
        return "comments gate"
    return None


def _appeal_at(lines: list[str], index: int, taken: set[int]) -> tuple | None:
    """A signed appeal or a call to subscribe whose anchor is line ``index``."""
    if index in taken:
        return None
    signature_end = _signature_end(lines, index)
    if signature_end is not None:
        start = _appeal_start(lines, index, taken)
        if start == index:
            return None  # a name and a title alone: a byline, not an appeal
        end = _appeal_end(lines, signature_end, taken)
        return start, end, "appeal", "signed appeal"
    if _words(lines[index]) <= 10 and _APPEAL_CALL.match(lines[index]):
        start = _appeal_start(lines, index, taken)
        end = _appeal_end(lines, index + 1, taken)
        return start, end, "appeal", "call to subscribe"
    return None


def _appeal_start(lines: list[str], index: int, taken: set[int]) -> int:
    start = index
    while (
        start > 0
        and start - 1 not in taken
        and index - start < APPEAL_MAX_LINES
        and _reads_as_appeal(lines[start - 1])
    ):
        start -= 1
    if 0 < start < index and start - 1 not in taken and _APPEAL_HEADING.match(lines[start - 1]):
        start -= 1
    return start


def _appeal_end(lines: list[str], end: int, taken: set[int]) -> int:
    """After the anchor: more buttons, a signature or a sign-off."""
    while end < len(lines) and end not in taken:
        if _APPEAL_CALL.match(lines[end]) or _GREETING.match(lines[end]):
            end += 1
        elif (after := _signature_end(lines, end)) is not None:
            end = after
        else:
            break
    return end


def _reads_as_appeal(line: str) -> bool:
    if _GREETING.match(line) or (_words(line) <= 10 and _APPEAL_CALL.match(line)):
        return True
    return (
        _words(line) <= APPEAL_LINE_MAX_WORDS
        and bool(_READER.search(line))
        and bool(_SUPPORT.search(line))
    )


def _signature_end(lines: list[str], index: int) -> int | None:
    """The index after a signature starting at ``index``, or None."""
    line = lines[index]
    if _words(line) > SIGNATURE_MAX_WORDS:
        return None
    signed = _SIGNATURE_PREFIX.sub("", line)
    parts = re.match(r"^(?P<name>[^,|–—]+?)\s*(?:,|\||–|—| - )\s*(?P<titles>.+)$", signed)
    if parts and _is_name(parts["name"]) and _TITLES.fullmatch(parts["titles"]):
        return index + 1
    words = signed.split()
    for cut in range(2, min(len(words), 6)):  # "Jane Doe Editor-in-Chief", no separator
        if _is_name(" ".join(words[:cut])) and _TITLES.fullmatch(" ".join(words[cut:])):
            return index + 1
    if (
        index + 1 < len(lines)
        and _is_name(signed.rstrip(","))
        and _TITLES.fullmatch(lines[index + 1])
    ):
        return index + 2
    return None


def _is_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or any(character.isdigit() for character in text):
        return False
    capitalised = [word[:1].isupper() for word in words]
    return (
        capitalised[0]
        and capitalised[-1]
        and all(
            upper or word in _NAME_PARTICLES for word, upper in zip(words, capitalised, strict=True)
        )
    )


def _continues_sponsor_block(lines: list[str], index: int, taken: set[int]) -> bool:
    line = lines[index]
    if index in taken or _SPONSOR_LABEL.match(line) or _AD_MARKER.match(line):
        return False
    if _words(line) > AD_COPY_MAX_WORDS:
        return False
    if _CONTACT.search(line) or _AD_CALL.match(line):
        return True
    following = index + 1
    leads_into_text = (
        following < len(lines)
        and following not in taken
        and _words(lines[following]) > AD_COPY_MAX_WORDS
    )
    return not leads_into_text
