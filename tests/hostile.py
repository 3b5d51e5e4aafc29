"""Hostile input written for Newsroom: the strings readers, members, robots and careless
pastes throw at every field that reaches a public page.

``HOSTILE`` holds them all (at least 200). Strings that would run script if a page ever
interpreted them set ``window.__hostile`` or call ``alert``, so a browser test can tell.
``STORABLE`` leaves out what no database column can hold (NUL: PostgreSQL refuses it;
forms refuse it with a message). ``HOSTILE_PATH_SEGMENTS`` are for addresses only:
percent-encoded invalid UTF-8, NUL, traversal and overlong segments.
"""

import re
from html.parser import HTMLParser

FLAG = "__hostile"
RUN = f"window.{FLAG}=1"

MARKUP = [
    f"<script>{RUN}</script>",
    f"<SCRIPT>{RUN}</SCRIPT>",
    f"<script src=data:,{RUN}></script>",
    "<script>alert('xss')</script>",
    f"<img src=x onerror={RUN}>",
    f'<img src="x" onerror="{RUN}">',
    "<img src=x onerror=alert(1)//",
    f"<svg onload={RUN}>",
    f"<svg><script>{RUN}</script></svg>",
    f"<body onload={RUN}>",
    f"<iframe src=javascript:{RUN}></iframe>",
    f'<iframe srcdoc="<script>parent.{RUN}</script>"></iframe>',
    f"<details open ontoggle={RUN}>",
    f"<video><source onerror={RUN}></video>",
    f"<audio src=x onerror={RUN}>",
    f"<input autofocus onfocus={RUN}>",
    f"<select autofocus onfocus={RUN}>",
    f"<textarea autofocus onfocus={RUN}>",
    f"<marquee onstart={RUN}>",
    f"<object data=javascript:{RUN}>",
    f"<embed src=javascript:{RUN}>",
    f"<form action=javascript:{RUN}><button>Go</button></form>",
    f"<math><mtext><table><mglyph><style><img src=x onerror={RUN}>",
    f'<a href="javascript:{RUN}">click me</a>',
    f"<base href=javascript:{RUN}//>",
    f"<meta http-equiv=refresh content=0;url=javascript:{RUN}>",
    f"<link rel=import href=data:text/html,<script>{RUN}</script>>",
    "<b>bold</b> <i>italic</i> <u>under</u>",
    "<h1>A second headline</h1>",
    "<p>paragraph</p><blockquote>quote</blockquote>",
    "<!-- hidden comment -->",
    f"<!--><script>{RUN}</script>-->",
    "<template><script>alert(1)</script></template>",
    f'<noscript><p title="</noscript><img src=x onerror={RUN}>">',
    f"<style>@import 'javascript:{RUN}';</style>",
]

BROKEN_AND_NESTED = [
    "<",
    ">",
    "<<>>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    f"<<script>script>{RUN}<</script>/script>",
    f"<img src=x onerror={RUN}",
    f'<img """><script>{RUN}</script>">',
    "<b><i><u>unclosed",
    "</div></div></main></body></html>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "<p <p <p>",
    "<a href=",
    "<img/src/onerror=alert(1)>",
    f"<svg/onload={RUN}>",
    "<div><p></div></p>",
    "&lt;script&gt;already escaped&lt;/script&gt;",
    "&amp;lt;double&amp;gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;",
    "&nbsp;&shy;&zwj;&bogus;",
]

URLS = [
    f"javascript:{RUN}",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    f"data:text/html,<script>{RUN}</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    'https://example.org/"onmouseover="alert(1)',
    "https://example.org/<script>alert(1)</script>",
    "https://example.org/?q='><script>alert(1)</script>",
    "//evil.example/",
    "https://evil.example@example.org/",
    "mailto:someone@example.org?subject=<script>",
    "file:///etc/passwd",
    "www.example.org/javascript:alert(1)",
]

SQL_AND_LIKE = [
    "' OR '1'='1",
    "' OR 1=1 --",
    "'; DROP TABLE articles_article; --",
    '" OR ""="',
    "1; SELECT pg_sleep(5)",
    "' UNION SELECT email, password FROM members_member --",
    "admin'--",
    "%",
    "%%",
    "_",
    "__",
    "%_%",
    "\\",
    "\\%\\_",
    "[a-z]%",
    "'",
    '"',
    "`",
    ";",
    "$1",
]

TEMPLATE_SYNTAX = [
    "{{ 7*7 }}",
    "{{7*7}}",
    "{% debug %}",
    "{% load static %}{% static 'x' %}",
    "{{ request.user.email }}",
    "{{ settings.SECRET_KEY }}",
    "{# a template comment #}",
    "{% csrf_token %}",
    "{{ ''.__class__.__mro__ }}",
    "${7*7}",
    "#{7*7}",
    "<%= 7*7 %>",
    "{0} {1} %s %d %(name)s",
    "{{ article.body|safe }}",
    "{% if 1 %}yes{% endif %}",
]

CONTROL_AND_BIDI = [
    "\x01\x02\x03\x04\x05\x06\x07\x08",
    "bell\x07 and backspace\x08",
    "vertical\x0btab and form\x0cfeed",
    "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a",
    "escape \x1b[31mred\x1b[0m",
    "\x1c\x1d\x1e\x1f separators",
    "delete\x7f",
    "\x80\x85\x9f C1 controls",
    "tab\there",
    "\u202eevil.exe\u202c",
    "\u202dforced left\u202c",
    "\u2066isolate\u2069 \u2067rtl\u2069 \u2068first\u2069",
    "\u200e\u200f marks",
    "\u061c arabic letter mark",
    "zero\u200bwidth\u200cjoin\u200dsp\ufeffbom",
    "\u2028line separator\u2029paragraph separator",
    "\u00adsoft\u00adhyphen",
    "\ue000private\uf8ff use",
    "\ufffe\uffff noncharacters",
    "\ufff9\ufffa\ufffb annotation",
    "trailing spaces   ",
    "   leading spaces",
]

NUL = [
    "\x00",
    "before\x00after",
    "<scr\x00ipt>alert(1)</script>",
    "java\x00script:alert(1)",
    "%00 and a real \x00",
]

HUGE_AND_EMPTY = [
    "",
    " ",
    "\t",
    "\n",
    "\r\n\r\n",
    "x",
    "W" * 4_000,
    "word " * 900,
    "<" * 3_000,
    "&" * 3_000,
    "🙂" * 1_500,
    "a\u0301" * 1_500,
]

EMOJI_AND_COMBINING = [
    "👩\u200d👩\u200d👧\u200d👦 family",
    "🏳️\u200d🌈 flag",
    "🇭🇺🇸🇰🇺🇦 flags",
    "👍🏽 skin tone",
    "Zalgo: Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324\u031e\u0349"
    "\u035a\u032f\u031e\u0320\u034da\u0300\u0310\u0351",
    "e\u0301 versus \u00e9",
    "o\u0308\u0304\u0323 stacked marks",
    "\u0301 a lone combining mark",
    "𝕳𝖊𝖆𝖉𝖑𝖎𝖓𝖊 mathematical letters",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 fraktur",
    "ﷺ ligature",
    "\U0001f4a9\U0001f525\U0001f680",
    "日本語のテキスト",
    "Ελληνικά και Кириллица",
    "עברית ועربية mixed directions",
]

LOOKALIKES = [
    "Оrbán",  # Cyrillic O
    "Οrbán",  # Greek Omicron
    "pаypal.com",  # Cyrillic a
    "ＡＤＭＩＮ fullwidth",
    "＜script＞alert(1)＜/script＞",
    "\ufe64script\ufe65 small forms",
    "ʟᴏɢɪɴ small capitals",
    "ﬁnance ligature",
    "ß ẞ ss",
    "İstanbul ı",
    "1⁄2 ½ ①",
    "‹script› «script»",
]

CSS = [
    "</style><style>body{display:none}</style>",
    f"<style>*{{background:url('javascript:{RUN}')}}</style>",
    '<div style="position:fixed;inset:0;background:red">overlay</div>',
    '<p style="behavior:url(x.htc);-moz-binding:url(x.xml#xss)">x</p>',
    "expression(alert(1))",
    "color:red;background:url(//evil.example/x.png)",
    "}body{display:none}",
    "@import url(//evil.example/x.css);",
    "<link rel=stylesheet href=//evil.example/x.css>",
    "\\3c script\\3e",
]

ATTRIBUTE_BREAKOUTS = [
    f'" onmouseover="{RUN}',
    f"' onmouseover='{RUN}",
    f'"><script>{RUN}</script>',
    f"'><script>{RUN}</script>",
    f'"autofocus onfocus="{RUN}" x="',
    f"` onmouseover={RUN} x=`",
    f'" style="position:fixed;inset:0" onclick="{RUN}',
    f"x onerror={RUN}",
    '"/><img src=x onerror=alert(1)>',
    '" value="replaced',
    "' type='hidden",
    '"&quot;&#34;',
]

JSON_LD = [
    f"</script><script>{RUN}</script>",
    f"</SCRIPT><script>{RUN}</script>",
    f"</script ><img src=x onerror={RUN}>",
    "<!--<script>",
    '"}, "@type": "Person", "name": "injected',
    '\\"}]}</script>',
    "\\u003c/script\\u003e",
    "\u2028\u2029 JSON line separators",
    '{"@context":"https://schema.org"}',
    "]]}}]]}}",
]

XML = [
    "]]>",
    "<![CDATA[ cdata ]]>",
    '<?xml version="1.0"?>',
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>',
    "&xxe; &undefined; &#0; &#xFFFE;",
    "</title></item></channel></rss>",
    "</loc></url></urlset>",
    "<item><title>forged</title></item>",
    "<news:title>forged</news:title>",
    "A & B < C > D",
    "AT&T",
    "&amp;amp;",
]

HEADER_INJECTION = [
    "header\r\nSet-Cookie: hostile=1",
    "line\nLocation: https://evil.example/",
    "\r\n\r\n<script>alert(1)</script>",
    "carriage\rreturn",
    "%0d%0aSet-Cookie:%20hostile=1",
    "a\u2028b\u0085c",
    "\r\nX-Injected: 1",
]

MISC = [
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "None",
    "null",
    "undefined",
    "NaN",
    "true",
    "0",
    "-1",
    "1e309",
    "9" * 40,
    "graph",
    "admin",
    "item",
    "?q=x&page=2#frag",
]

HOSTILE: list[str] = list(
    dict.fromkeys(
        MARKUP
        + BROKEN_AND_NESTED
        + URLS
        + SQL_AND_LIKE
        + TEMPLATE_SYNTAX
        + CONTROL_AND_BIDI
        + NUL
        + HUGE_AND_EMPTY
        + EMOJI_AND_COMBINING
        + LOOKALIKES
        + CSS
        + ATTRIBUTE_BREAKOUTS
        + JSON_LD
        + XML
        + HEADER_INJECTION
        + MISC
    )
)

STORABLE: list[str] = [text for text in HOSTILE if "\x00" not in text]

# Path segments, percent-encoded where a client would encode them.
HOSTILE_PATH_SEGMENTS = [
    "%00",
    "a%00b",
    "%FF",
    "%C0%AE%C0%AE",  # overlong "."
    "%ED%A0%80",  # a lone surrogate, encoded
    "%E2%80%AE",  # right-to-left override
    "%F4%90%80%80",  # past the last code point
    "..",
    "%2e%2e",
    "..%2f..%2fetc%2fpasswd",
    "%2F",
    "%5C",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "'%20OR%201=1--",
    "%25",
    "%",
    "-1",
    "0",
    "99999999999999999999999999",
    "x" * 4_000,
    "%0d%0aSet-Cookie:x=1",
    "%7B%7B7*7%7D%7D",
    "%F0%9F%99%82",
]


def fit(text: str, max_length: int | None) -> str:
    """The string cut to a column's length, as a test storing it directly must."""
    return text if max_length is None else text[:max_length]


def words(text: str) -> str:
    """Whitespace collapsed: how a browser shows a run of text."""
    return " ".join(text.split())


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.skip += 1
        if tag in ("br", "p", "li", "div", "h1", "h2", "h3"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1
        if tag in ("p", "li", "div", "h1", "h2", "h3", "a", "span", "td", "th", "dd", "dt"):
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a reader sees on a page (no markup, no script or style), whitespace
    collapsed."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return words("".join(parser.parts))


# --- What a page may contain whatever it shows ----------------------------------------------

# (The site draws its charts in SVG itself: an injected one shows up by its handlers.)
DANGEROUS_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"}
BAD_SCHEMES = re.compile(r"^\s*(?:javascript|vbscript|data):", re.IGNORECASE)


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in DANGEROUS_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "script":
            kind = attributes.get("type") or ""
            source = attributes.get("src") or ""
            # Data blocks, and scripts of our own origin (static files, the admin's).
            same_origin = source.startswith("/") and not source.startswith("//")
            if kind not in ("application/ld+json", "importmap") and not same_origin:
                self.problems.append(f"<script {attrs}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name == "style" or name == "srcdoc":
                self.problems.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value and BAD_SCHEMES.match(CONTROL.sub("", value)):
                self.problems.append(f"<{tag} {name}={value[:40]!r}>")


CONTROL = re.compile(r"[\x00-\x20]")


def markup_problems(html: str) -> list[str]:
    """Script, event handlers, inline styles, frames and script URLs found in a page: none
    may come from what a visitor or an editor typed (the site's own markup has none)."""
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.problems
