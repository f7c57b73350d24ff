"""Recognise news-page boilerplate that must never be returned as an argumentative unit.

Text copied from a news page often carries, besides the op-ed itself, its headline, a byline, photo captions and
credits, "Read more" links, share and comment prompts, copyright lines, newsletter sign-ups and timestamps. This
module flags such *lines* so the miner can keep them out of its units. Rules first: regular expressions and
simple features of one line (length, final punctuation, capitalisation, position). ``noise_lines``
then lets a line's neighbours decide a few more: the short items of a list under a bare header ("Most read",
"Tags"), a list of headlines under any short header below the body (in the page foot also headlines set as sentences
under a related header, or under any header when furniture frames the list), headline-shaped lines and a standfirst
in the page head when a byline or timestamp follows them, the standfirst of pasted text right under its headline (in
italics, above a byline, or without a final stop above a body typed with them), an author bio anywhere in the run of
noise after the last body line or, in any language, below the body when it speaks of the author the byline names
(also after an elided particle, "D'Claire ..."), the bio again in another script beside it, a bio or a views
disclaimer again in another language right next to its English line (``_twins``), the short follow-up of a
correction on its own line, a caption right above its credit, and the furniture set between paragraphs (pull quotes
-- in any quote marks, corner brackets included, or none, when they repeat a sentence of the body; question and bare
subheadings, also set in one block with a pull quote; scene captions; a question right below an advertisement
marker stays body, the text resuming after an ad slot). Some shapes hold in any outlet and language: a browser's
print header or footer copied back from a PDF, a caption led by its bracketed credit, a line of hashtags, a consent
banner ending on its buttons, a newsletter promo ending on its sign-up call or arrow link, comment moderation, a
line set in several languages (" / ") one of whose parts is a known label, a question subheading in several
languages (apart by " / ", a bar, a middle dot or a bullet), and pull quotes in ornamental quote marks. The fourteenth
round adds: a pull quote led by any mark (a dash, a bar, a dingbat) or none, set right under the paragraph whose
whole sentences it repeats; a caption ending on a credit led by a picture word of another language ("... Fot.
<Name> / <Agency>"); a caption without credit set in one block with another caption or a credit (its translation, a
noun phrase or participle describing the picture); a question subheading in the first person plural right after
furniture set between the paragraphs; and a head bio that gives a job alone, in any of several languages
("M\u00e9decin urgentiste \u00e0 <hospital>."). The fifteenth round adds a note, anywhere in the text, that the page
was translated (by a machine or a person), first published elsewhere, updated or corrected, in English, French,
Spanish, Portuguese, Italian, German, Polish, Dutch or Turkish ("This page was translated automatically and may
contain errors. The Khmer original is authoritative.", "Dieser Artikel wurde maschinell \u00fcbersetzt.",
"\u00dcbersetzung: <Name>"): the page or the text as the subject of a passive verb, or a label, short and without
the words of an argument; and it leaves to the rules a question someone asks in the story, set in quote marks as a
paragraph of its own ("\"Can we grow potatoes next?\""). The sixteenth round adds: a pull quote led by any mark (a
quote mark, "> ", a bar, an angle, a dingbat; not a dash) or wholly in quote marks, wherever it stands between the
paragraphs, whose one or two sentences open sentences of any paragraph of the page (verbatim, or near-verbatim from
eight words: the rest of a sentence cut off, a clause left out); a short question subheading in one language that
is not the English body's ("Kas notiek, ja ledus iel\u016bst?", "\u00bfPor qu\u00e9 compostar en el mercado?": no
English word, a short word of its own language, few words the body uses); and a caption numbered in a gallery or
slideshow ("3/6 The last poplar belt on ...", "(2/8) ...", "Photo 4 of 12: ...", "Bild 3 von 6: ..."). The
seventeenth round adds: a numbered section heading (a Roman numeral or a number alone, "II.", "\u0968.", or the same
number before a short title in two or three languages); a chart, figure, table or map caption, numbered or ending
on its source ("Figure 1. ...", "Fig. 2 \u2013 ...", "Graf: ... Zdroj: ...", "Photo 1: ..." as one part of a
two-language caption); a note on the text's source ("This post draws on ...", "This commentary was first broadcast
in ...", "Originally published in ...", "An earlier version of this essay appeared in ...", "This essay is part of
...") and an update note after one label or several ("Apdet / Mise \u00e0 jour / Update: this article was updated
..."); advertisement labels in more languages ("XAYEYSIIS: ...", "Sponzorovan\u00e9 ..."); a bracketed placeholder
of embedded content; a question subheading in two or three languages whatever its last language ("... ? \u00b7
Qu'est-ce qui ne va pas ?"); a pull quote led by any mark that repeats a whole paragraph, a short one included;
and a pull quote translated into another language, wholly in quote marks opened by a mark other than the English
opening quote (a closing mark, a guillemet), standing apart in an English body. Last, a
small learned line classifier (``argmine.boilerplate``: logistic regression on hashed n-grams and line features,
shipped as JSON, loaded on first use) may add lines the rules left: a line is noise when the rules say so or when
the model's furniture probability reaches its threshold. ``learned=False``, ``set_learned(False)`` or
``ARGMINE_NOISE_LEARNED=rules`` keep the rules alone.

Public API
----------
``noise_spans(text, *, learned=None, threshold=None) -> list[(start, end)]``
    Character spans (Python ``str`` indices) of the lines of ``text`` judged to be page noise, sorted, one per
    line, trimmed of surrounding whitespace (never including the line break).
``noise_lines(text, *, learned=None, threshold=None) -> list[(start, end, kind)]``
    The same spans with the kind of noise each one is.
``set_learned(enabled)`` / ``learned_enabled()``
    Switch the learned classifier off (rules only) or on for later calls that do not say.
``classify_line(line, *, position, n_lines, continues=False) -> str | None``
    The kind of noise one line is, or ``None`` for a line that may carry argument. ``position`` is the index of
    the line among the non-blank lines of its text (0 = first), ``n_lines`` their number; ``continues`` says the
    line is hard-wrapped into the next one (then it is never a title or heading).

Kinds (``KINDS``): ``title`` (the first line when it reads as a headline: short, no sentence-final full stop),
``heading`` (a short title-cased or upper-case line inside the text), ``byline``, ``author_bio``, ``dateline``,
``timestamp``, ``caption``, ``credit``, ``related``, ``share``, ``comment_prompt``, ``copyright``,
``newsletter``, ``advertisement``, ``navigation``, ``section``, ``tags``, ``contact``, ``disclaimer``,
``publication_note``.

Lines are split like ``str.splitlines`` (``\\n``, ``\\r\\n``, ``\\r``, ``\\u2028``, ``\\u2029``, ...).
The rules are conservative: an ordinary argumentative sentence ("Photography should be taught in schools because
it trains attention.") is never flagged; only ``title`` and ``heading`` rely on shape alone, and they are kinds of
their own so a caller can treat them differently. Any ``str`` is accepted, lone surrogates included.
"""
from __future__ import annotations

import difflib
import itertools
import os
import re
import unicodedata
from typing import Dict, List, Optional, Tuple

from .text import line_spans, strip_span  # the same line splitting as paragraphs use
from .errors import ArgumentTypeError

__all__ = ["noise_spans", "noise_lines", "classify_line", "set_learned", "learned_enabled", "KINDS", "STRUCTURAL_KINDS",
           "LEARNED_ENV"]

Span = Tuple[int, int]

KINDS = (
    "title", "heading", "byline", "author_bio", "dateline", "timestamp", "caption", "credit", "related", "share",
    "comment_prompt", "copyright", "newsletter", "advertisement", "navigation", "section", "tags", "contact",
    "disclaimer", "publication_note",
)
#: kinds judged from the shape of a line alone (no boilerplate keyword): callers may want to treat them apart
STRUCTURAL_KINDS = ("title", "heading")

_WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*")
_CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]}*_ \t"
_FINAL_STOP = re.compile(r"[.\u3002\u0964\u06d4,;:\u2026]$")  # sentence-final or clause punctuation
_FINAL_ANY = re.compile(r"[.\u3002\u0964\u06d4,;:\u2026!?\uff01\uff1f\u061f]$")

# -- vocabulary ------------------------------------------------------------------------------------------------
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
_TIME = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}T|ET|PT|CT|MT|GMT|UTC|BST|CET|IST|AEST|AEDT)\b)?"
_DATE = (rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+"
         rf"{_MONTH},?(?:\s+\d{{4}})?|{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:]+Z?)?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
         rf"|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})")
_ROLE = (r"(?:columnist|contributor|contributing (?:writer|editor|columnist|opinion writer)|correspondent|reporter|"
         r"journalist|writer|editor|editor-at-large|opinion writer|staff writer|commentator|analyst|author|novelist|"
         r"professor|lecturer|researcher|scholar|fellow|senior fellow|economist|historian|director|attorney|lawyer|"
         r"strategist|consultant|host|producer|blogger|freelancer|freelance writer|political scientist|"
         r"physician|doctor|scientist|ph\.?d\.? (?:student|candidate)|doctoral (?:student|candidate)|co-founder|"
         r"founder|chief executive|ceo|president|chair(?:man|woman)?|member|visiting|adjunct|associate|assistant)")
_AGENCY = (r"(?:AP|AFP|EPA|Reuters|Getty(?: Images)?|Shutterstock|Alamy|PA(?: Images| Wire)?|Bloomberg|"
           r"Xinhua|Anadolu(?: Agency)?|NurPhoto|SOPA Images|iStock(?:photo)?|Corbis|Rex Features|REX|"
           r"dpa|ANP|Unsplash|Pexels|Wikimedia Commons|Flickr|ZUMA(?: Press)?(?: Wire)?|Sipa|Imago|"
           r"Associated Press|The Associated Press|Agence France-Presse|picture alliance|EFE|Europa Press)")

# -- patterns on the whole (stripped) line ---------------------------------------------------------------------
_I = re.IGNORECASE


def _rx(pattern: str, flags: int = _I) -> "re.Pattern[str]":
    return re.compile(pattern, flags)


_CAPTION_START = _rx(
    r"^(?:\(?(?:photo|photograph|picture|pictured|image|foto|bild|illustration|graphic|video|watch|gallery|"
    r"slideshow|infographic)s?\s*[:|\u2013\u2014]\s*\S"
    r"|image caption\b|media caption\b|caption\s*:|file photo\b|photo illustration\b|(?:top|main|header|lead) "
    r"(?:image|photo)\s*[:|]|in pictures\s*[:|]|above\s*:|(?:left|right|top|bottom|inset)\s*:\s*\S|"
    r"(?:fig(?:ure)?|chart|table|graph|map|exhibit)\.?\s*\d{1,2}[a-z]?\s*[.:|\u2013\u2014]\s+[A-Z])")
_CAPTION_END = _rx(
    r"(?:\b(?:photo(?:graph)?|picture|image|foto|bild|illustration|credit|video|graphic)s?\s*(?:credit)?\s*:"
    rf"\s*[^.!?:]{{1,90}}|\((?:[^()]{{0,60}}[/|,]\s*)?{_AGENCY}[^()]{{0,60}}\)|\(?\b{_AGENCY}\s+(?:photo|images?)"
    rf"\s*/[^()]{{1,60}}\)?|\b\w[\w .'\u2019-]{{0,40}}/\s*{_AGENCY}|\bvia {_AGENCY}|\|\s*{_AGENCY}"
    r"|\((?:[\w.'\u2019 -]{1,40} )?(?:file |staff |contributed |submitted )?(?:photo|photograph|picture|image)s?"
    r"(?: by [^()]{1,40})?\)|(?:^|[.\s])(?:[\w'\u2019]+ )?(?:pic|pix|picture|photo|image|foto)s? (?:by|"
    r"courtesy(?: of)?)"
    r" [^.!?()]{1,60}|\bcourtesy of [^.!?()]{1,60}|\((?:courtesy|file|handout|supplied|contributed|submitted)\)"
    r"|[\u2013\u2014]\s*(?:file ?pic|file photo|handout|supplied|pic(?:ture)?))\s*$",
    re.IGNORECASE)
# a caption or a chart's note that ends in its source or credit after a full stop: "... in 2012. Source: X."
_SOURCE_TAIL = _rx(r"[.!?]\s+(?:source|sources|data|photo|photograph|picture|image|graphic|"
                   r"credit)s?\s*:\s*[^.!?:]{1,80}"
                   r"\.?$")
_CREDIT = _rx(
    r"^(?:\(?(?:photo|image|picture|video|illustration|graphic|art|artwork|design)s?\s*(?:credit|courtesy|by|source)"
    r"\b|credits?\s*:|courtesy(?: of)?\b|source\s*:\s*\S|illustrations? by\b|photos? by\b|photography by\b|"
    r"image source\b|image copyright\b|getty images\b|shutterstock\b|photos?\s*:\s*\S|(?:contributed|submitted|"
    r"file|handout|supplied|staff) (?:photo|picture|image|pic)s?\s*$|"
    r"(?:\u0444\u043e\u0442\u043e|foto|fotos|fot\u00f3|fotograf\u00eda|fotografia|fotografie|zdj\u0119cie|kuva|"
    r"bild|cr\u00e9dits?|cr\u00e9ditos?|\u0635\u0648\u0631\u0629|\u5199\u771f|\u7167\u7247)\s*[:\uff1a]\s*\S)")
_CREDIT_ONLY = re.compile(rf"^\(?(?:[\w.'\u2019 -]{{1,40}}\s*/\s*)?{_AGENCY}"
                          rf"(?:\s*(?:/|via|for)\s*[\w.'\u2019 -]{{1,40}})?\)?$"
                          rf"|^[^\W\d_][\w.'\u2019 -]{{1,40}}\s*\({_AGENCY}\)$",
                          re.IGNORECASE)
_RELATED = _rx(
    r"^(?:read more|read next|read also|also read|read the full story|read the latest|more from|more on|more about|"
    r"more stories|more news|more coverage|more (?:letters|opinion|columns|commentary)(?=\s*:?\s*$)|"
    r"related(?: articles?| stories| content| reading| coverage| topics| links)?"
    r"|recommended(?: for you| reading| stories| articles| videos?)?|see also|further reading|you (?:may|might) also "
    r"(?:like|enjoy|be interested in)|most (?:read|popular|viewed|shared|emailed)|trending(?: now)?|top stories|"
    r"don['\u2019]?t miss|editor['\u2019]?s picks?|what to read next|up next|keep reading|continue reading|"
    r"read (?:this|the article|it) in (?:another language|\w+)|listen to (?:this|the) (?:article|story|episode)|"
    r"listen\b.{0,20}\b\d+\s*min|lesen sie (?:auch|mehr)|lire aussi|lea tambi\u00e9n|leer m\u00e1s|"
    r"leia tamb\u00e9m|mehr zum thema|baca juga|lihat juga|(?:berita|artikel) berkaitan|lees ook|leggi anche|"
    r"czytaj (?:te\u017c|tak\u017ce|r\u00f3wnie\u017c)|\u00e0 lire aussi|voir aussi|(?:more|"
    r"further) information(?=\s*:?\s*$)|"
    r"explore more(?=\s*:?\s*$)|(?:also|earlier|more|elsewhere|previously|latest|today|this week) (?:on|in|from|at) "
    r"(?:the )?(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|"
    r"december)\b)[A-Z][\w&'\u2019.-]*(?: [A-Z][\w&'\u2019.-]*){0,3}(?:\s*/\s*[^:/]{1,40})?(?=\s*:))\b(?P<rest>.*)$")
_ALWAYS_RELATED = _rx(r"^(?:read more|read next|read also|also read|related|recommended|see also|more from|"
                      r"more on|keep reading|continue reading|lesen sie auch|lire aussi|leer m\u00e1s|further reading|"
                      r"read (?:this )?too|see too|also see)\s*[:|>\u00bb\u2192\u2013\u2014-]")
# a label in the paper's other language (any script) before a slash or a bar: "\u5ef6\u4f38\u95b1\u8b80 / Further
# reading: ...", "Ridim tu / Read too: ..."
_OTHER_LANGUAGE_LABEL = re.compile(r"^[^/|:.!?]{1,30}?\s*[/|]\s*(?=\S)")
_SHARE_WORDS = {
    "share", "shares", "shared", "tweet", "tweets", "email", "e-mail", "print", "facebook", "twitter", "x", "linkedin",
    "whatsapp", "reddit", "pinterest", "telegram", "messenger", "copy", "link", "copied", "save", "saved", "gift",
    "article", "this", "story", "on", "via", "sms", "bluesky", "threads", "mastodon", "flipboard", "pocket",
    "instagram", "tiktok", "youtube", "comments", "comment", "bookmark", "url", "the", "to", "clipboard", "and",
}
_SHARE = _rx(
    r"^(?:share (?:this|the|on|via|article|story|page|post|to)\b|share\s*[:|]|enjoy(?:ing|ed)? (?:this|the|our) "
    r"(?:article|story|post|piece|newsletter|column)\s*\?\s*(?:share|forward|send|pass)\b|click to (?:share|print|"
    r"email|tweet)|"
    r"tweet (?:this|it)\b|email (?:this|to a friend)\b|print (?:this|article)\b|copy (?:link|url|article link)\b|"
    r"follow (?:us|me|him|her|them|\w+(?: \w+)?) on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|"
    r"mastodon|tiktok|youtube|substack|telegram|whatsapp)\b|follow @\w+|like us on facebook|"
    r"(?:join|follow) (?:us|the conversation) on\b|connect with us\b|\w+(?: \w+)? on (?:twitter|x)\s*:\s*@\w+|"
    r"reuse this (?:content|article)\s*$|like this\s*:\s*$|like loading\b|loading(?:\.\.\.|\u2026)\s*$|"
    r"(?:our|these|all our) (?:stories|articles|columns|content) (?:may|can) be republished\b|republish (?:our|this) "
    r"(?:articles?|stor(?:y|ies))\b|we believe in the free flow of information\b)")
_COMMENT = _rx(
    r"^(?:leave a (?:reply|comment|response)|post a (?:comment|reply)|add (?:a|your) comment|write a comment|"
    r"(?:what do you think|what['\u2019]s your (?:view|take|opinion)|have your say)\s*[?!.:]\s*.{0,120}\b(?:comments?|"
    r"conversation|discussion|log ?in|sign ?in)\b|"
    r"cancel reply|reply\s*$|comments?\s*$|comments?\s*(?:\(\d+\)|\d+|[:|])|\d+\s+comments?\b|view (?:\d+ )?comments|"
    r"show (?:\d+ )?comments|see (?:all )?(?:\d+ )?comments|hide comments|load (?:more )?comments|"
    r"your email address will not be published|required fields are marked|(?:log|sign) ?in to (?:comment|reply|"
    r"join the conversation|post)|you must be (?:logged|signed) in to|comments (?:are|have been) (?:closed|disabled|"
    r"turned off)|commenting (?:is|has been) (?:closed|disabled|unavailable)|this discussion is (?:now )?closed|"
    r"join the (?:conversation|discussion)\s*[.!:]?\s*$|we welcome (?:your )?comments|comment (?:policy|guidelines)|"
    r"community (?:guidelines|standards)\s*$|be the first to comment|notify me of (?:follow-up comments|new posts)|"
    r"save my name, email|have your say\s*[.!:]?\s*$|comments? (?:are|is) (?:pre-?|being )?moderated\b|"
    r"please keep (?:your )?(?:comments?|it|them|the (?:discussion|conversation|debate)) (?:civil|respectful|polite|"
    r"courteous|on[- ]topic|clean|kind)\b|join the (?:conversation|discussion|debate)\s*[:|\u2013\u2014-]\s*\d+|"
    r"r\u00e9agir(?: \u00e0 (?:l['\u2019]article|cet article))?\s*$|vous devez \u00eatre (?:abonn\u00e9|connect\u00e9|"
    r"inscrit)e? pour (?:commenter|r\u00e9agir)|deja (?:tu|un) comentario|kommentieren\s*$|conversation\s*\(\d+\)|"
    r"kommentare?\s*$|commentaires?\s*$|"
    r"comentarios?\s*$|(?:name|website|url)\s*\*?\s*$|post (?:comment|reply)\s*$|"
    r"(?:commenting|comments?|the comment section) (?:is|are) (?:only )?(?:available|open|reserved|limited) (?:only )?"
    r"(?:to|for) (?:our )?(?:subscribers|members|registered (?:users|readers))|only (?:subscribers|members|registered "
    r"(?:users|readers)) (?:can|may) (?:comment|post|reply|join)|(?:log|sign) ?in or subscribe to (?:comment|reply|"
    r"join)|subscribe to (?:comment|join the (?:debate|discussion|conversation))|"
    r"(?:\d+|one|two|three) (?:thoughts?|responses?|repl(?:y|ies)|comments?) (?:on|to) [\"'\u201c\u2018].*"
    r"[\"'\u201d\u2019]\s*$)")
_COPYRIGHT = _rx(
    r"(?:\u00a9|\(c\)\s*(?:19|20)\d\d|\bcopyright\s*(?:\u00a9|\(c\)|(?:19|20)\d\d)|^copyright\s*:\s*\S|"
    r"\ball rights reserved\b|"
    r"\bthis material may not be (?:published|reproduced)|\bmay not be (?:published, )?(?:reproduced|republished|"
    r"rebroadcast|redistributed)\b.*\bwithout\b|\bunauthori[sz]ed (?:reproduction|use) (?:is )?(?:strictly )?"
    r"prohibited|\btous droits r\u00e9serv\u00e9s|\balle rechte vorbehalten|\btodos los derechos reservados)")
_NEWSLETTER = _rx(
    r"^(?:sign up(?: now| today| here| for free)?\s*[.!]?\s*$|.{0,160}[.!:|]\s*(?:sign up|subscribe)(?: now| today|"
    r" here"
    r"| for free)?\s*[.!]?\s*$|"
    r"(?:sign up|signup|subscribe|register|get|receive|join|want)\b.{0,60}\b(?:newsletters?|inbox|e-?mails?|"
    r"updates|alerts|briefing|digest|bulletin|daily|weekly)\b|subscribe(?: now| today| here)?\s*[.!:]?\s*$|"
    r"subscribe (?:now|today|here)\b.{0,60}$|subscribe (?:to|for) (?:our|the|my|this|a|just|only)?\s*.{0,40}"
    r"(?:\b(?:newsletters?|podcast|channel|feed|edition|print|digital|unlimited|access|journalism)\b|"
    r"[$\u00a3\u20ac]\s?\d)|already (?:a )?(?:subscriber|have an account|registered)\b|"
    r"enter your e-?mail|(?:your|type your) e-?mail(?: address)?\s*[.\u2026]*\s*$|thanks? (?:you )?for reading\b.{0,60}"
    r"\bsubscribe\b|by (?:signing up|subscribing|clicking)\b|"
    r"thanks? (?:you )?for (?:signing up|subscribing)|unsubscribe\b|newsletters?\s*[:|]|the [\w' ]{1,30} newsletter\b"
    r"|support (?:our|independent|quality) journalism|become a (?:member|subscriber|supporter)|"
    r"(?:make a )?(?:donate|contribution)\s*(?:now|today)?\s*[.!]?\s*$|we (?:rely on|depend on) (?:readers|"
    r"our readers)|"
    r"this (?:article|story|content) is (?:free|available) (?:to|for) (?:subscribers|all readers)|"
    r"(?:start|get) (?:your )?(?:free )?trial\b|unlock (?:this|unlimited)\b|(?:log|sign) ?in or (?:sign up|subscribe|"
    r"register)\b|create (?:a )?free account|you(?: are|['\u2019]re) receiving this (?:e-?mail|newsletter|message)\b|"
    r".{0,120}\bunsubscribe from (?:this|our|the) (?:list|newsletter|mailing list)\b|"
    r"subscribe to (?-i:[A-Z][\w'\u2019&-]*(?: [A-Z][\w'\u2019&-]*){0,3})"
    r"\s*[:,\u2013\u2014-][^.!?]{1,60}\bevery (?:(?:week)?day|morning|evening|week|(?:mon|tues|wednes|thurs|fri|satur|"
    r"sun)day)\b)")
_TIMESTAMP = _rx(
    rf"^(?:(?:last )?(?:updated|modified|published|posted|first published|last modified|created|written|"
    rf"aktualisiert|mis \u00e0 jour|actualizado|publi\u00e9 le|publicado)(?: on| at)?\s*[:|]?\s*(?:on\s+)?"
    rf"(?:{_DATE}|{_TIME}|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|today|yesterday|just now)"
    rf"|(?:{_DATE}|{_TIME})(?:\s*(?:[,|\u2022\u00b7/-]|at)?\s*(?:{_DATE}|{_TIME}))*\s*(?:\((?:updated|edited)[^)]*\))?\s*$"
    rf"|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago\s*$"
    rf"|\d+[\s-]*(?:min(?:ute)?s?)\.?\s+(?:read|listen)\s*$|(?:reading|read|listening) time\s*[:|]?\s*\d+"
    rf"|(?:est\.|estimated)\s+read(?:ing)? time\b)")
_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'\u2019-]{1,40}(?:\s*\((?:AP|AFP|Reuters|UPI|dpa|Xinhua|CNN|Bloomberg|IANS|PTI|ANI|EFE)\))?\s*"
    r"(?:[\u2013\u2014-]{1,2}|:)\s*$")
# a call for contributors: "Want to write? Write an article and join a growing community of ..."
_WRITE_FOR_US = _rx(r"^(?:want to write|interested in writing for us|got a story to tell)\s*\?|^(?:write|pitch) for us\b")
# a bare header over a list of the outlet's other articles: "Also in The Courier", "More in Opinion & Analysis"
# (capitalised words only after the preposition; a weekday or a month is a time, not a section)
_RELATED_HEADER = re.compile(
    r"^(?i:also|more|latest|elsewhere|earlier|previously|today|this week)\s+(?i:in|on|from|at)\s+(?:(?i:the)\s+)?"
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b)[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|&|and|of|the)){0,4}"
    r"\s*:?\s*$")
# a link's call to act: "Submit a tip for the weekly round-up here.", "Find the full timetable at this link"
_HERE_LINK = _rx(r"^(?:submit|send|find|read|see|view|watch|listen|sign|register|book|order|donate|download|apply|"
                 r"vote|enter|subscribe|buy|click|tap|learn|check|browse|explore)\b[^.!?]{0,120}\b(?:here|at this "
                 r"link|via this link)\s*[.!]?$")
# ... but not a sentence of the body that ends in "here" ("Read the fine print and you will see why it fails here.")
_HERE_BODY = _rx(r"\b(?:i|you|we|us|our|my|and|but|because|why|if|when|should|must|will|would|can|could)\b")
# an appeal for money to keep a paper going: "The Gazette is free in every library. Help keep it that way: donate ..."
_APPEAL_GIVE = _rx(r"(?:^|[.:;!\u2013\u2014]\s*|\bplease\s+)(?:donate|contribute|chip in|give|make a (?:gift|"
                   r"donation))\b")
_APPEAL_KEEP = _rx(r"\bkeep (?:it|us|this \w+|the \w+|[A-Z]\w+) (?:free|going|independent|alive|running|online|"
                   r"that way|in print)\b|\bsupport (?:us|our (?:work|journalism|reporting|newsroom|paper))\b|"
                   r"\b(?:is|are|stays?|remains?) free (?:in|for|to) (?:every|all|our)\b|\breader-(?:funded|"
                   r"supported)\b|"
                   r"\bevery (?:gift|donation|contribution)\b|\bgifts? (?:of|at) (?:any|every) (?:size|level|amount)\b|"
                   r"\btax-deductible\b|\bgift aid\b")
# a legacy appeal: "Please remember the Gazette in your will."
_LEGACY = _rx(r"\bremember (?:us|the [\w' ]{1,30}|[A-Z][\w' ]{1,30}) in your (?:will|prayers and (?:in )?your will)\b|"
              r"\b(?:leave|leaving) a (?:gift|legacy) (?:to [\w' ]{1,30} )?in your will\b")
# list headers that are furniture only as a line of their own: "Latest", "In case you missed it",
# "Lo m\u00e1s le\u00eddo"
_RELATED_BARE = _rx(
    r"^(?:the )?(?:latest(?: news| stories| articles| opinion| columns| videos| headlines)?|popular(?: now| today| "
    r"stories| articles)?|most commented|in case you missed it|icymi|you (?:may|might) have missed|read these next|"
    r"what (?:others|people|readers) are reading|more (?:by|from) (?:this|the) (?:author|writer|columnist)|"
    r"other (?:columns|stories|articles|opinions?)|from the archives?|around the web|editor['\u2019]?s? choice|"
    r"(?:also )?of (?:related )?interest|on the same (?:subject|topic|theme)|also in this (?:issue|edition|section|"
    r"series)|in this series|lo m\u00e1s (?:le\u00eddo|visto)|m\u00e1s le\u00eddas|m\u00e1s noticias|les plus lus|"
    r"\u00e0 lire \u00e9galement|meistgelesen|weitere artikel|berita (?:terkini|lainnya)|terpopuler|artikel lainnya|"
    r"mais lidas|sigue leyendo|seguir leyendo|contin[u\u00fa]a leyendo|te puede interesar|tambi\u00e9n te puede "
    r"interesar|noticias relacionadas|continue lendo|veja tamb\u00e9m|voc\u00ea tamb\u00e9m pode gostar|"
    r"potrebbe interessarti|ti potrebbe interessare|vous aimerez aussi|sur le m\u00eame sujet|das k\u00f6nnte sie "
    r"auch interessieren|susij\u0119 straipsniai|saist\u012bt\u0101s zi\u0146as|seotud artiklid|"
    r"povezani \u010dlanki|sorodni \u010dlanki|kapcsol\u00f3d\u00f3 cikkek|"
    # tenth round: "Notas relacionadas", "T\u00eb ngjashme", "Similar stories", "Articles similaires", "Похожие
    # статьи", "Ilgili haberler", "Berita terkait", "相關新聞", "關連記事", "관련 기사"
    r"notas relacionadas|art\u00edculos relacionados|m\u00e1s opiniones|mai multe (?:opinii|articole|\u0219tiri|"
    r"stiri)|plus d['\u2019]opinions|weitere meinungen|altre opinioni|mais opini\u00f5es|"
    r"\u0434\u0440\u0443\u0433\u0438\u0435 \u043c\u043d\u0435\u043d\u0438\u044f|"
    r"\u0431\u0456\u043b\u044c\u0448\u0435 \u0434\u0443\u043c\u043e\u043a|dig\u0259r r\u0259yl\u0259r|"
    r"similar(?: (?:articles|stories|news|posts|"
    r"reads))?|(?:lajme |artikuj )?t\u00eb ngjashme|articles (?:similaires|li\u00e9s)|\u00e4hnliche (?:artikel|"
    r"beitr\u00e4ge)|verwandte artikel|artigos relacionados|not\u00edcias relacionadas|articoli correlati|"
    r"gerelateerde artikelen|relaterte artikler|relaterade artiklar|relaterede artikler|podobne artyku\u0142y|"
    r"souvisej\u00edc\u00ed \u010dl\u00e1nky|articole similare|\u0441\u0442\u0430\u0442\u044c\u0438 \u043f\u043e "
    r"\u0442\u0435\u043c\u0435|\u043f\u043e\u0445\u043e\u0436\u0438\u0435 (?:\u0441\u0442\u0430\u0442\u044c\u0438|"
    r"\u043d\u043e\u0432\u043e\u0441\u0442\u0438)|\u043f\u043e \u0442\u0435\u043c\u0435|(?:ilgili|benzer) "
    r"haberler|ox\u015far x\u0259b\u0259rl\u0259r|berita terkait|artikel terkait|mga kaugnay na balita|habari "
    r"zinazohusiana|\u76f8\u95dc(?:\u65b0\u805e|\u6587\u7ae0|\u5831\u5c0e)|\u76f8\u5173(?:\u65b0\u95fb|\u6587\u7ae0|"
    r"\u62a5\u9053)|\u5ef6\u4f38\u95b1\u8b80|\u5ef6\u4f38\u9605\u8bfb|\u95a2\u9023\u8a18\u4e8b|"
    r"\uad00\ub828 \uae30\uc0ac)\s*:?\s*$")
# a related link with a label: "READ: <headline>", "[Related] <headline>"
_RELATED_LABEL = _rx(r"^(?:\[(?:related|read more|see also|also read|read|more)\]|read\s*:)\s*[^\W_]")
_ADVERT = _rx(
    r"^(?:advertisement|advertising|advert|sponsored(?: content| post| by\b.*)?|paid (?:content|post|partner(?:ship)?)"
    r"|partner content|promoted(?: content| stories)?|story continues (?:below|after)(?: (?:this )?(?:ad|"
    r"advertisement))?"
    r"|article continues (?:below|after)(?: (?:this )?(?:ad|advertisement))?|skip advertisement|ad feedback|"
    r"report (?:this )?ad|close ad|anzeige|publicit\u00e9|publicidad|"
    r"publicitate|pubblicit\u00e0|publicidade|werbung|reklam|reklama|reklame|reklaam|mainos|hirdet\u00e9s|"
    r"\u0440\u0435\u043a\u043b\u0430\u043c\u0430|iklan|qu\u1ea3ng c\u00e1o|\u5ee3\u544a|\u5e7f\u544a|"
    r"\u0625\u0639\u0644\u0627\u0646|\u05e4\u05e8\u05e1\u05d5\u05de\u05ea)\s*[.:|]?\s*$")
# a paywall or metering notice: "You have 1 free article left this month", "This article is for subscribers"
_PAYWALL = _rx(r"\b(?:free|remaining) (?:articles?|stories|reads?)(?: (?:left|remaining))?(?: this (?:month|week))?\s*[.!]?$|"
               r"^this (?:article|story|content|column) is (?:only )?(?:for|available to|exclusive to|reserved for) "
               r"(?:paying )?(?:subscribers|members)\b|^(?:subscribe|become a (?:member|subscriber)|start your "
               r"(?:free )?trial) (?:now )?(?:to|and) (?:continue|keep|read on|unlock)\b|^you(?:['\u2019]ve| have) "
               r"(?:reached|used|read) (?:your|all|\d+)\b.{0,40}\b(?:articles?|stories)\b")
# a membership or donation promo with a price: "Not a member yet? Join today from \u00a32.10 a week"
_PRICE_PROMO = _rx(r"\b(?:join|subscribe|support us|become a (?:paid )?(?:member|supporter|subscriber)|"
                   r"becoming a paid (?:member|supporter|subscriber)|donate|"
                   r"sign up)\b.{0,60}"
                   r"(?:[$\u00a3\u20ac]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:z\u0142|kr|eur|usd|gbp)\b)")
# a subscription offer in any currency, or its "cancel anytime": "Unlimited digital access for 99 baht a month",
# "All-access pass: 3 months for 1 euro. Cancel anytime."
# (not a sentence of the body about prices: no modal, pronoun, conjunction or copula, ``_HERE_BODY``, ``_COPULA``)
_OFFER = _rx(r"\b(?:unlimited|digital|premium|all-access) access\b[^.!?]{0,60}\bfor (?:just |only )?"
             r"(?:[$\u00a3\u20ac]\s?\d|\d+(?:[.,]\d+)?\s?[^\W\d_]{2,8}\b)"
             r"|(?:^|[.!]\s+)cancel (?:any ?time|at any time)\s*[.!]?$")
_COPULA = _rx(r"\b(?:is|are|was|were|be|been|being)\b")
# a line set under a sponsor's or an advert's label: "Sponsored \u00b7 Vaai Mobile: top up $10 ...", "Promoted | ..."
_PROMO_LABEL = _rx(r"^(?:sponsored|advertisement|advert|promoted|promotion|paid (?:post|content|partnership)|"
                   r"partner content|anzeige|publicit\u00e9|publicidad|patrocinado|reklame|reklam|iklan)\s*"
                   r"[\u00b7|\u2022:\u2013\u2014]\s*\S")
# a mobile operator's promo, after its brand or alone: "top up $10 and get 2GB free this weekend", "Recharge K5,
# get double data", "Dial *123# for a daily bundle"
_TELECOM_PROMO = _rx(
    r"^(?:[^.!?:]{1,40}:\s*)?(?:top[- ]?up|recharge|reload|load|buy)\b[^.!?]{0,40}?(?:\band\b|&|,|\u2013|-)\s*"
    r"(?:get|enjoy|receive|win)\b[^.!?]{0,40}?(?:\b\d+\s?(?:GB|MB)\b|\bbonus\b|\bfree (?:data|calls|minutes|sms|"
    r"texts|airtime)\b|\bdouble (?:data|airtime)\b|\bunlimited (?:data|calls|whatsapp|social)\b)|"
    r"^dial \*\d{2,4}(?:\*\d+)*#")
# a promo for the outlet's app: "Get the Malabar Courier app for breaking news ...", "Download our free app on
# Google Play", "Read the ePaper in our app: App Store \u00b7 Google Play"
_APP_PROMO = _rx(
    r"^(?:get|download|install|try|open)\b (?:the |our )?(?:free |new )?(?:[\w'\u2019&-]+ ){0,4}app\b[^.!?]{0,80}"
    r"(?:\bfor (?:breaking |the latest |daily |live |local )?(?:news|headlines|alerts|updates|e-?paper)\b|"
    r"\b(?:google play|app store|play store|android|ios)\b)|\bavailable (?:on|in) (?:the )?(?:app store|google play|"
    r"play store)\b|\bdownload(?: (?:it|now|free))?\s*[:|]\s*(?:google play|app store|play store)\b")
# ... but not a sentence of the body about top-ups or apps ("I top up $10 a week and get 2GB, but ...")
_PROMO_BODY = _rx(r"\b(?:(?-i:I)|we|us|our|my|should|must|ought|because|but|says|said|argue[sd]?)\b")
# a headline service by text message: "Text VOICE to 16888 for daily headlines on your phone (K0.50 a day).",
# "SMS NEWS to 3434 to get breaking alerts"
_SMS_SERVICE = _rx(r"^(?:sms|text|send|whatsapp|message)\s+(?:the word\s+)?[\"'\u201c\u2018]?(?-i:[A-Z0-9]{2,12})"
                   r"[\"'\u201d\u2019]?(?:\s+(?-i:[A-Z0-9]{2,12}))?\s+to\s+\+?\d{3,8}\b[^.!?]{0,80}\b(?:news|"
                   r"headlines|alerts|updates|bulletins?|stories|subscribe|sign up)\b")
# a news service on a messaging app (``newsletter``): a call to follow, join, get or scan at the line's start, in one
# of several languages, then the app ("Follow <Outlet> on WhatsApp for breaking news", "Recibe las noticias por
# WhatsApp: ...", "Merr lajmet n\u00eb Viber", "Scan the QR code to follow us on WeChat"), or the outlet's channel
# on an app ("Our Telegram channel: ...") -- with a word of news or of a channel (``_CHANNEL_NEWS``)
_MESSAGING_APP = r"(?:whatsapp|viber|telegram|wechat|weixin|kakaotalk|zalo|signal app|google news|\u5fae\u4fe1)"
_CHANNEL_CALL = _rx(
    r"^\W*(?:(?:follow|join|get|receive|subscribe|add|scan|tap|click|sign up|recib[ea]|\u00fanete|unete|s\u00edguenos|"
    r"siguenos|sigue|suscr\u00edbete|merr|ndiq\w*|bashkohu|abonea\u0219?z\u0103-te|urm\u0103re\u0219?te|"
    r"urm\u0103ri\u021b?i|rejoignez|suivez|abonnez-vous|recevez|folgen? sie|folge|abonniere|abonnieren sie|erhalte|"
    r"inscreva-se|siga|receba|segui(?:ci)?|iscriviti|ricevi|unisciti|volg|ontvang|"
    r"\u043f\u043e\u0434\u043f\u0438\u0448\u0438\u0442\u0435\u0441\u044c|"
    r"\u043f\u0440\u0438\u0441\u043e\u0435\u0434\u0438\u043d\u044f\u0439\u0442\u0435\u0441\u044c|"
    r"\u0441\u043b\u0435\u0434\u0438\u0442\u0435|abun\u0259 olun|izl\u0259yin|qo\u015fulun)\b|"
    r"\u95dc\u6ce8|\u5173\u6ce8|"
    r"\u6383\u63cf|\u626b\u63cf|\u52a0\u5165|\u8a02\u95b1|\u8ba2\u9605)[^.!?]{0,100}?" + _MESSAGING_APP +
    r"|\b(?:our|the) " + _MESSAGING_APP + r" (?:channel|group|community|broadcast)\b")
_CHANNEL_NEWS = _rx(r"\b(?:news|noticias|lajme\w*|nouvelles|actu\w*|nachrichten|not\u00edcias|notizie|\u0219tiri|"
                    r"stiri|\u043d\u043e\u0432\u043e\u0441\u0442\w*|x\u0259b\u0259r\w*|headlines|breaking|alerts?|"
                    r"updates|stories|channel|canal|kanal|\u043a\u0430\u043d\u0430\u043b\w*|qr|"
                    r"\u65b0\u805e|\u65b0\u95fb|\u983b\u9053|\u9891\u9053|\u516c\u773e\u865f|\u516c\u4f17\u53f7)|"
                    r"(?:\u65b0\u805e|\u65b0\u95fb|\u983b\u9053|\u9891\u9053|\u516c\u773e\u865f|\u516c\u4f17\u53f7)")
# a podcast or an audio promo (``advertisement``): "... Listen in our app or wherever you get your podcasts",
# "PODCAST | <Show> -- a new episode every Friday", "\U0001f3a7 Listen: <Show>"
_PODCAST_PROMO = _rx(r"\bwherever you (?:get|find|listen to) your podcasts\b|^\W*(?:podcast|listen(?: now)?|"
                     r"escucha|\u00e9coutez|h\u00f6ren sie|ou\u00e7a)\s*[:|\u2013\u2014]\s*\S|\bnew episodes? "
                     r"(?:every|each|out every) (?:week|day|morning|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b")
# a paywall or subscription promo in other languages (``advertisement``): "Cet article vous est offert.
# Abonnez-vous pour 990 XPF par mois ...", "Suscr\u00edbete por 3 \u20ac al mes", "R\u00e9serv\u00e9 aux abonn\u00e9s"
_PAYWALL_ABROAD = _rx(
    r"^(?:cet article vous est offert|este art\u00edculo (?:es gratuito|te lo regalamos)|dieser (?:artikel|beitrag) "
    r"ist (?:kostenlos|frei)|este artigo (?:\u00e9|foi) (?:gratuito|oferecido)|questo articolo (?:\u00e8 )?"
    r"(?:gratuito|offerto))\b|"
    r"(?:^|[.!]\s+)(?:abonnez-vous|abonne-toi|suscr\u00edbete|suscribete|abonnieren sie|abonniere|assine|abbonati|"
    r"abonea\u0219?z\u0103-te|abonohu|prenumerera|tilaa)\b[^.!?]{0,60}(?:\d|\bpar (?:mois|an|semaine)\b|\bal "
    r"(?:mes|a\u00f1o)\b|\bpro (?:monat|jahr)\b|\bpor m\u00eas\b|\bal mese\b|\bpe lun\u0103\b)|"
    r"\br\u00e9serv\u00e9e? aux abonn\u00e9s\b|\bexclusiv[oa] para (?:suscriptores|assinantes)\b|\bnur f\u00fcr "
    r"abonnenten\b|\briservat[oa] agli abbonati\b")
# ... not a sentence of the body that argues about them ("Telegram channels should ...", "... because ...")
_PROMO_ARGUES = _rx(r"\b(?:should|must|ought|because|says|said|argues?|claims?)\b")
# a line that gives an e-mail address or a phone number to write to or call
_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{1,63}|\(\d{3}\)\s?\d{3}-\d{4}|\+\d{1,3}(?:[ -]\d{2,4}){2,4}")
_ADDRESS_VERB = _rx(r"\b(?:write|e-?mail|call|contact|reach|send|text|message|phone)\b")
# a call for submissions with the address to send them to: "Letters to the editor may be sent to x@y"
_SUBMIT_TO = _rx(r"\b(?:letters?|columns?|op-?eds?|submissions|commentar(?:y|ies)|opinions?|tips|feedback|responses?)\b"
                 r".{0,60}\b(?:may|can|should|must) be (?:sent|e-?mailed|submitted|addressed|directed)\b.{0,40}"
                 r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.\w+")
_NAVIGATION = _rx(
    r"^(?:skip to (?:main )?(?:content|navigation|footer)|back to top|return to top|scroll to top|jump to|"
    r"(?:next|previous|prev) (?:article|story|page|post)\b|page \d+ of \d+|show more|load more|see more|view more|"
    r"click here\b|tap here\b|menu|close|open menu|search|home|sign in|log in|log out|sign out|subscribe|"
    r"my account|register|accept (?:all )?cookies|manage cookies|cookie (?:settings|policy|preferences)|"
    r"(?:terms of (?:service|use)|privacy (?:policy|notice)|contact us|about us|site ?map|help|faq)(?:\s*[|"
    r"\u2022\u00b7]\s*"
    r"(?:terms of (?:service|use)|privacy (?:policy|notice)|contact us|about us|site ?map|help|faq|accessibility|"
    r"careers|advertise(?: with us)?))*|we use cookies\b|this (?:site|website) uses cookies\b|"
    r"(?:enable|please enable) javascript\b|your browser (?:does not|doesn't) support)\s*[.!:]?")
_NAV_WHOLE = _rx(r"^(?:menu|close|search|home|sign in|log in|log out|sign out|register|my account|show more|"
                 r"load more|see more|view more|back to top|return to top|scroll to top|click here|tap here|help|faq|"
                 r"more|next|previous|prev|top|accessibility(?: help)?)\s*[.!:>\u00bb\u2192]?\s*$")
_SECTION = _rx(
    r"^(?:opinion|opinions|op-?ed|editorial|editorials|commentary|comment|comment is free|analysis|perspective|"
    r"perspectives|viewpoint|viewpoints|guest (?:column|essay|opinion|commentary)|column|columns|columnists|"
    r"letters?(?: to the editor)?|the big idea|ideas|voices|essay|review|news|world|politics|business|sport|sports|"
    r"culture|lifestyle|science|technology|tech|health|environment|climate|u\.?s\.?|uk|europe|us news|world news|"
    r"local news|breaking(?: news)?|live|exclusive|explainer|fact check|meinung|kommentar|tribune|opini\u00f3n|"
    r"opinione|opini\u00e3o)(?:\s*[|/>\u00bb\u203a:\u2022\u00b7-]\s*[\w' &-]{1,30}){0,4}\s*[:|]?\s*$")
_TAGS = _rx(r"^(?:tags?|topics?|filed under|categor(?:y|ies)|keywords?|posted in|more about|subjects?|themen|"
            r"mots-cl\u00e9s|etiquetas)\s*:\s*\S")
# a bare list header: the topic links follow on the next lines
_TAGS_HEADER = _rx(r"^(?:tags?|topics?|related topics|keywords|(?:explore )?more on (?:these|this) topics?|"
                   r"explore (?:more on )?(?:these|this|the) topics?)\s*:?\s*$")
# links to the same article in other languages
_LANGUAGES = (r"(?:english|spanish|french|german|portuguese|italian|arabic|chinese|catalan|espa\u00f1ol|ingl\u00e9s|"
              r"franc\u00e9s|portugu\u00e9s|catal\u00e1n|fran\u00e7ais|anglais|espagnol|allemand|deutsch|englisch|"
              r"franz\u00f6sisch|spanisch|italiano|inglese|portugu\u00eas|ingl\u00eas)")
_LANG_LINK = _rx(
    rf"^(?:read (?:this )?(?:article )?in (?:another|other) languages?|other languages|also available in|"
    rf"(?:read|leer|lire|lesen|leggi|ler|leia)(?: (?:this|it|el art\u00edculo|l'article|den artikel))? "
    rf"(?:in|en|em|auf) {_LANGUAGES}|(?:in|en|auf) {_LANGUAGES} lesen)\s*:?\s*$")
# a bar of footer or topic links: "Terms of Use | Privacy Policy | Contact | Advertise", "Health / Schools / Budget"
_BAR_SPLIT = re.compile(r"\s+[|\u00b7\u2022/]\s+")
_FOOTER_WORDS = _rx(r"\b(?:terms|privacy|cookies?|contact|about(?: us)?|advertis\w*|accessibility|careers|help|"
                    r"faq|site ?map|newsletters?|subscribe|sign in|log in|rss|archive|corrections|ad choices|"
                    r"transcripts|imprint|impressum)\b")
_POWERED = _rx(r"^(?:proudly )?powered by [\w.-]+(?: [\w.-]+)?\s*\.?$|^blog at wordpress\.com\.?$|"
               r"^(?:wordpress )?theme\s*:?\s*[\w .-]{1,40} by [\w .-]{1,40}\.?$")
_CONTACT = _rx(
    r"(?:^(?:contact|e-?mail|write to|reach|follow)\b.{0,60}(?:[\w.+-]+@[\w-]+\.[\w.]+|@\w{2,}|\bon (?:twitter|x)\b)|"
    r"^[\w.+-]+@[\w-]+\.[\w.]+\s*$|^(?:twitter|x|instagram|e-?mail|email us|contact us|tips?|feedback|whatsapp|"
    r"tel(?:ephone)?|phone|letters?(?: to the editor)?|news ?tips?|submissions)\s*:\s*\S"
    r"|^(?:send|email|share) (?:us )?(?:your )?(?:tips|letters?|feedback|story ideas)\b|"
    r"^(?:to )?submit an? (?:letter|op-?ed|opinion piece|guest essay)\b|"
    r"^(?:the (?:times|post|guardian|journal)|we) (?:is|are) committed to publishing a diversity of letters\b|"
    r"^(?:[\w'\u2019-]+ ){0,3}(?:office|desk|newsdesk|helpline|hotline|switchboard|reception|enquiries|inquiries)"
    r"\s*[:|][^.!?]{0,40}(?:\d{3}|@)|^to (?:place|book|submit|send|advertise|report|request)\b[^,.;:!?]{0,60},\s*"
    r"(?:please )?(?:contact|call|e-?mail|ring|phone|write to)\b|^(?:[\w'\u2019 -]{1,30}:\s*)?(?:call|ring|phone|"
    r"text|contact)\b.{0,60}"
    r"\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b|"
    r"^here['\u2019]?s our e-?mail\s*:|^to contact the (?:author|editor|writer|reporter|columnist)s?\b|"
    r"^(?:the )?[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,4} welcomes? (?:guest |reader |your )?(?:commentaries|"
    r"commentary|submissions|letters|op-?eds|opinion pieces|contributions|essays|columns)\b.{0,200}"
    r"(?:\b\d+ words\b|\bsend\b|\be-?mail\b|\bsubmit\b|@))")
# a call for letters: "Have an opinion? Send letters of up to 250 words to letters@..."
_LETTERS = _rx(r"^(?:do you have|have|got|want to share) an? (?:opinion|view|response)\b.{0,120}"
               r"\b(?:submit|send|e-?mail)\b.{0,160}(?:\b(?:up to|no more than|at most|under|fewer than) \d+ words\b|"
               r"\bletters? (?:section|page)\b|\bletters@)")
_DISCLAIMER = _rx(
    r"^(?:the (?:views|opinions|ideas|thoughts) (?:and opinions )?expressed (?:in|here|by)\b|the (?:views|opinions) "
    r"expressed (?:here |above )?are (?:his|her|their|my|the (?:author|writer)['\u2019]?s?) own\b|(?:views|opinions) "
    r"expressed (?:in|here|by)\b|(?:the )?(?:views|opinions) in this (?:article|column|piece) (?:are|do not)\b|"
    r"this (?:article|column|piece|essay|commentary|op-?ed|post) (?:represents|reflects) (?:only )?the (?:personal )?"
    r"(?:views?|opinions?) of the (?:author|writer)s?\b|(?:this|the) (?:article|column|piece|essay|commentary|op-?ed|"
    r"post) does not necessarily (?:reflect|represent)\b|"
    r"disclaimer\s*:|disclosure\s*:|the author(?:s)? (?:has|have|declares?) no (?:conflicts?|competing)|"
    r"(?:opinion |guest |blog )?(?:pieces|columns|posts|articles|essays|commentaries|contributions|blogs) (?:published "
    r"(?:here |on this \w+ )?)?(?:reflect|represent|express) (?:only )?the (?:views|opinions) of (?:their|the|its) "
    r"(?:authors?|writers?|contributors?)\b|the (?:views|opinions) of (?:our |its |the )?(?:columnists|contributors|"
    r"writers|authors|guest writers|bloggers)\b.{0,100}\b(?:are their own|do not necessarily)\b|"

    r"this is an? (?:opinion|comment|analysis|guest|commentary) (?:piece|column|article|essay)\s*[.!]?$|"
    r"(?:this|the) (?:article|piece|column|content) (?:was|is|has been) (?:produced|created|funded|paid for|"
    r"sponsored) (?:by|in partnership|with)\b)")
# the same in other wordings: "Guest Viewpoint columns reflect the opinions of their authors and not necessarily
# those of ...", "Opinion & Analysis pieces present the views of their authors. <Outlet> does not necessarily share them."
_DISCLAIMER_MORE = _rx(
    r"^(?:(?:(?-i:[A-Z])[\w'\u2019-]*|&) ){0,3}(?:pieces|columns|posts|articles|essays|commentaries|contributions|"
    r"blogs|op-?eds|"
    r"viewpoints|letters) (?:published (?:here |on this \w+ )?)?(?:reflect|represent|express|present|are|contain) "
    r"(?:only )?the (?:personal )?(?:views|opinions) of (?:their|the|its) (?:authors?|writers?|contributors?)\b|"
    r"\bdoes not necessarily (?:share|endorse|agree with) (?:them|these|those|the (?:views|opinions))\b|"
    r"\band not necessarily (?:those|the (?:views|opinions)) of\b|\b(?:views|opinions) expressed (?:in (?:them|it|"
    r"these|this \w+)|here) are (?:solely |only |entirely )?(?:those of |the )(?:the |their )?(?:authors?|writers?)\b")
# the views disclaimer in other languages (French, Spanish, Portuguese, Italian, German, Dutch): "Les tribunes
# n'engagent que leurs auteurs", "Las opiniones ... no reflejan necesariamente ...", "Die Kolumne gibt die Meinung
# des Autors wieder", "As opiniões ... não refletem necessariamente ...", "... non riflettono necessariamente ..."
_DISCLAIMER_ABROAD = _rx(
    r"\bn['\u2019]engagent? que (?:leurs?|son|sa|ses) (?:auteur|autrice|signataire|r\u00e9dacteur)|"
    r"\b(?:ne|n['\u2019]) (?:refl\u00e8tent?|repr\u00e9sentent?|engagent?) pas (?:n\u00e9cessairement )?"
    r"(?:la position|l['\u2019]opinion|les opinions|le point de vue|la ligne|la r\u00e9daction)\b|"
    r"\bno (?:reflejan?|representan?|comprometen?) (?:necesariamente )?(?:la|el|a|su|sus) (?:opini\u00f3n|posici\u00f3n|"
    r"l\u00ednea|postura|punto de vista|criterio)\b|"
    r"\b(?:art\u00edculos?|columnas?|opiniones?|textos?)(?: de opini\u00f3n)?(?: (?:firmad|publicad|emitid)[oa]s?)?"
    r"(?: aqu\u00ed)? (?:es|son) (?:de )?(?:la )?"
    r"(?:exclusiva |entera )?responsabilidad (?:exclusiva )?de (?:sus?|los|las) (?:autore?s?|autoras?)\b|"
    r"\bn\u00e3o (?:refletem?|reflectem?|representam?|expressam?) (?:necessariamente )?(?:a|o) (?:opini\u00e3o|"
    r"posi\u00e7\u00e3o|linha|ponto de vista)\b|\bnon (?:riflettono|rispecchiano|rappresentano|"
    r"impegnano) (?:necessariamente )?(?:la|il|l['\u2019])\s?(?:opinione|posizione|linea|punto di vista|testata|"
    r"redazione)\b|\bgibt (?:die|ausschlie\u00dflich die|allein die|nur die) (?:pers\u00f6nliche )?Meinung "
    r"(?:des|der) (?:Autors|Autorin|Verfassers|Verfasserin|Gastautors|Gastautorin)\b|\b(?:die )?Meinung (?:des|"
    r"der) (?:Autors|Autorin|Verfassers|Verfasserin) (?:muss|muß) nicht\b|\bgeven (?:niet )?(?:noodzakelijk )?"
    r"de mening (?:weer )?van (?:de )?(?:auteur|redactie)\b")
# the views disclaimer in still more wordings: "Columns reflect their writers' judgement and do not commit <Outlet>",
# "<Outlet> does not necessarily agree with every view it prints", "Opinions in this column belong to the writer
# alone", "Views expressed above are the author's own", "... do not reflect the editorial policy of ...",
# "Opinions published here are those of the writers", "Letters and columns may be edited for length and clarity"
_DISCLAIMER_OWN = _rx(
    r"^(?:[\w'\u2019&-]+ ){0,3}?(?:columns|opinions|views|articles|pieces|essays|letters|contributions|commentaries|"
    r"blogs|posts)\b.{0,80}\b(?:their|the) (?:writers?|authors?|contributors?)\b.{0,60}\bdo(?:es)? not (?:commit|bind|"
    r"engage|speak for)\b|"
    r"\bdoes not necessarily (?:agree with|share|endorse|subscribe to) (?:every|all|each|any) (?:views?|opinions?|"
    r"positions?)\b|"
    r"\b(?:views|opinions) (?:expressed )?(?:in|on) this (?:column|article|piece|page|section|blog|essay) (?:belong "
    r"(?:only |solely )?to|are (?:solely |only )?(?:those of|the views of)) (?:the|its|their) (?:writers?|authors?)\b|"
    r"\b(?:views|opinions)(?: expressed(?: (?:above|below|herein|here|in (?:it|this \w+)))?| (?:above|below|herein|"
    r"here|in (?:it|this \w+))) are (?:solely )?(?:the|his|"
    r"her|their) (?:authors?|writers?|contributors?)['\u2019]?s?['\u2019]? own\b|"
    r"\bdo(?:es)? not (?:necessarily )?(?:reflect|represent) (?:the )?editorial (?:policy|line|position|stance|"
    r"views?)\b|\b(?:authors?|writers?)['\u2019]?s?['\u2019]? own\b.{0,40}\bdo(?:es)? not (?:necessarily )?"
    r"(?:reflect|represent)\b|"
    r"^(?:opinions|views|columns|articles|pieces|letters)(?: published| expressed| printed)?(?: here| on this "
    r"(?:page|site))? are (?:those|the views) of (?:the|their) (?:writers?|authors?|contributors?)\b|"
    r"\b(?:letters|columns|submissions|comments|contributions|articles|op-?eds)\b.{0,40}\bmay be (?:edited|"
    r"shortened|condensed|trimmed|cut)\b.{0,20}\bfor (?:length|clarity|space|style|brevity|legal reasons)\b")
# ... and in Slavic, Nordic, Greek, Romanian, Indonesian and Turkish: "... ne predstavljaju nužno stavove redakcije",
# "... не отражают мнение редакции", "... er udtryk for skribentens egen holdning", "... yazarına aittir"
_DISCLAIMER_EAST = _rx(
    r"\bne (?:predstavljaju|odra[\u017e]avaju|odrazavaju|izra[\u017e]avaju) (?:nu[\u017ez]no |obavezno |uvijek |uvek )?"
    r"(?:stavove|stav|mi[\u0161s]ljenje) (?:redakcije|uredni[\u0161s]tva|izdava[\u010dc]a)\b|"
    r"\b\u043c\u043e\u0436\u0435\u0442 \u043d\u0435 \u0441\u043e\u0432\u043f\u0430\u0434\u0430\u0442\u044c \u0441 "
    r"(?:\u043c\u043d\u0435\u043d\u0438\u0435\u043c|\u043f\u043e\u0437\u0438\u0446\u0438\u0435\u0439|"
    r"\u0442\u043e\u0447\u043a\u043e\u0439 \u0437\u0440\u0435\u043d\u0438\u044f) "
    r"\u0440\u0435\u0434\u0430\u043a\u0446\u0438\u0438|"
    r"\b\u043c\u043e\u0436\u0435 \u043d\u0435 \u0437\u0431\u0456\u0433\u0430\u0442\u0438\u0441\u044f \u0437 "
    r"(?:\u0434\u0443\u043c\u043a\u043e\u044e|\u043f\u043e\u0437\u0438\u0446\u0456\u0454\u044e) "
    r"\u0440\u0435\u0434\u0430\u043a\u0446\u0456\u0457|\bnie musi by\u0107 zgodn[ay] z (?:opini\u0105|"
    r"stanowiskiem) redakcji\b|"
    r"\b\u043d\u0435 (?:\u043e\u0431\u044f\u0437\u0430\u0442\u0435\u043b\u044c\u043d\u043e |"
    r"\u043d\u0443\u0436\u043d\u043e )?"
    r"(?:\u043e\u0442\u0440\u0430\u0436\u0430\u0435\u0442|\u043e\u0442\u0440\u0430\u0436\u0430\u044e\u0442|"
    r"\u043f\u0440\u0435\u0434\u0441\u0442\u0430\u0432\u0459\u0430\u0458\u0443|"
    r"\u043e\u0434\u0440\u0430\u0436\u0430\u0432\u0430\u0458\u0443)"
    r" [^.!?]{0,30}(?:\u0440\u0435\u0434\u0430\u043a\u0446\u0438\u0438|"
    r"\u0440\u0435\u0434\u0430\u043a\u0446\u0438\u0458\u0435)|"
    r"\bnie (?:musz\u0105 |musi )?(?:odzwierciedla\w*|wyra\u017ca\w*|reprezentuj\w*) (?:stanowiska|pogl\u0105d\u00f3w|"
    r"opinii) redakcji\b|\bnemus(?:\u00ed|ia) (?:nutn\u011b |nutne )?(?:vyjad\u0159ovat|vyjadrova\u0165|"
    r"odr\u00e1\u017eet|"
    r"odr\u00e1\u017ea\u0165) (?:n\u00e1zor|stanovisko|postoj) redakc\w+|"
    r"\b(?:er|\u00e4r|st\u00e5r for) (?:et |ett )?(?:udtryk for|uttryck f\u00f6r|uttrykk for)? ?(?:skribentens|"
    r"forfatterens|f\u00f6rfattarens|debatt\u00f8rens|skribentenes) (?:egen |egne |egna )?(?:holdning|mening|"
    r"synspunkter?|\u00e5sikter|regning)\b|"
    r"\b\u03b4\u03b5\u03bd (?:\u03b5\u03ba\u03c6\u03c1\u03ac\u03b6\u03bf\u03c5\u03bd|"
    r"\u03b1\u03c0\u03b7\u03c7\u03bf\u03cd\u03bd)"
    r" (?:\u03b1\u03c0\u03b1\u03c1\u03b1\u03af\u03c4\u03b7\u03c4\u03b1 )?"
    r"(?:\u03c4\u03b9\u03c2 \u03b1\u03c0\u03cc\u03c8\u03b5\u03b9\u03c2|"
    r"\u03c4\u03b7\u03bd \u03ac\u03c0\u03bf\u03c8\u03b7|\u03c4\u03b7 \u03b8\u03ad\u03c3\u03b7)|"
    r"\bnu (?:reflect\u0103|reflecta|reprezint\u0103|reprezinta) (?:neap\u0103rat |neaparat )?(?:pozi\u021bia|pozitia|"
    r"opinia|punctul de vedere) (?:redac\u021biei|redactiei|publica\u021biei|publicatiei)\b|"
    r"\btidak (?:semestinya |selalu |mesti )?(?:mencerminkan|mewakili) (?:pandangan|pendirian|sikap) redaksi\b|"
    r"\b(?:yaz\u0131s\u0131 )?yazar\u0131na aittir\b")
# the views disclaimer in the wordings of the eighth round: "Columns on this page speak for their authors; ...",
# "Debate pieces are written by readers and stand on their own account" (after its Faroese original on the same
# line), "Letters and views published here are the opinions of contributors and not those of <Outlet>"; and in
# Faroese ("... standa fyri teirra egnu roknskap"), Icelandic ("... eru \u00e1 \u00e1byrg\u00f0 h\u00f6funda"), Dutch
# ("... zijn voor rekening van de auteur") and Swedish ("Skribenten st\u00e5r sj\u00e4lv f\u00f6r \u00e5sikterna")
_DISCLAIMER_SPEAK = _rx(
    r"(?:^|[.;!?]\s+)(?:(?:(?-i:[A-Z])[\w'\u2019-]*|&) ){0,3}?(?:columns|opinions|views|articles|pieces|essays|letters|"
    r"contributions|commentaries|blogs|posts|op-?eds)\b[^.;!?]{0,80}\b(?:speak (?:only |solely )?for|stand (?:on|for)) "
    r"(?:their|its|the) (?:own (?:authors?|writers?|account)|authors?|writers?|contributors?)\b|"
    r"^(?:(?:(?-i:[A-Z])[\w'\u2019-]*|&) ){0,3}?(?:columns|opinions|views|articles|pieces|letters|contributions|"
    r"op-?eds)(?: and (?:columns|opinions|views|articles|pieces|letters|comments))?(?: published| expressed| "
    r"printed)?(?: here| on this (?:page|site))? (?:are|represent|reflect) (?:only )?(?:those|the (?:personal )?"
    r"(?:views|opinions)) of (?:the |their |our |its )?(?:contributors?|writers?|authors?|columnists?|"
    r"letter[- ]writers?)\b|"
    r"\bstanda? fyri (?:teirra|s\u00edn|hansara|hennara|greinarh\u00f8vundsins) (?:egnu |egna )?(?:roknskap|rokning)\b|"
    r"\b(?:eru|er) (?:alfari\u00f0 )?\u00e1 \u00e1byrg\u00f0 (?:h\u00f6fund|greinarh\u00f6fund|skrifend)\w*|"
    r"\b(?:zijn|is|blijft|blijven) (?:geheel |volledig )?voor rekening van de (?:auteur|schrijver|inzender)s?\b|"
    r"\b(?:skribenten|debatt\u00f6ren|f\u00f6rfattaren|skribenterna) st\u00e5r (?:sj\u00e4lv |sj\u00e4lva )?"
    r"f\u00f6r (?:\u00e5sikterna|inneh\u00e5llet)\b")
# ... but not a sentence of the body that says whom letters speak for and argues ("Our letters speak for their
# writers and for the village, so the council must listen.")
_SPEAK_ARGUES = _rx(r"\b(?:(?-i:I)|we|you|should|must|ought|because|therefore|so (?:the|that|we|they)|says?|said|"
                    r"claims?|argues?)\b")
# the views disclaimer in the wordings of the ninth round: "The author's opinion is not necessarily shared by the
# editors", "Columns do not necessarily reflect the paper's editorial line" (also "... <Outlet>'s editorial line"),
# "A column expresses its author's personal view, not ours" (the view alone, or set against the paper's), "The writer's
# views are not necessarily those of <Outlet>"
_DISCLAIMER_SHARED = _rx(
    r"\b(?:authors?|writers?|columnists?|contributors?)['\u2019]?s?['\u2019]? (?:own |personal )?(?:opinions?|views?|"
    r"positions?) (?:is|are|may|might)(?: not| be not)(?: (?:necessarily|always))? (?:be )?(?:(?:shared|endorsed|held) "
    r"by|(?<=necessarily )(?:those|that) of) (?:the |our |its )?(?:editors?|editorial (?:board|staff|team)|newsroom|"
    r"paper|newspaper|publishers?|(?-i:[A-Z])\w+)\b|"
    r"\bdo(?:es)? not (?:necessarily )?(?:reflect|represent|express) (?:the |its |our )?(?:(?:paper|newspaper|site|"
    r"magazine|outlet|publication|station|channel|portal)['\u2019]s |(?-i:[A-Z])[\w&.-]*(?: (?-i:[A-Z])[\w&.-]*){0,3}"
    r"['\u2019]s? )editorial (?:policy|line|position|stance|views?)\b|"
    r"^(?:an? |the |this |each |every |our )?(?:columns?|opinion (?:pieces?|columns?)|op-?eds?|commentar(?:y|ies)|"
    r"guest (?:columns?|essays?))\b (?:expresses|express|reflects?|represents?|gives?|states?) (?:only )?(?:its|their|"
    r"the) (?:authors?|writers?)['\u2019]?s?['\u2019]? (?:own |personal |individual )*(?:views?|opinions?)"
    r"(?:\s*[.;]?\s*$|,? (?:and )?not (?:ours|those of|that of|the (?:paper|newspaper|site|editors?)))")
# ... and in Baltic, Finnic, Slovene, Hungarian and Tongan wordings: "Autor\u0117s nuomon\u0117 neb\u016btinai sutampa su
# redakcijos pozicija" (Lithuanian), "Autora viedoklis var nesakrist ar redakcijas viedokli" (Latvian), "Autori
# arvamus ei pruugi \u00fchtida toimetuse seisukohaga" (Estonian), "... ei v\u00e4ltt\u00e4m\u00e4tt\u00e4 vastaa
# toimituksen kantaa" (Finnish), "Kolumna izra\u017ea osebno mnenje avtorice", "... ne odra\u017ea nujno stali\u0161\u010d
# uredni\u0161tva" (Slovene), "A szerz\u0151 v\u00e9lem\u00e9nye nem felt\u00e9tlen\u00fcl egyezik ..." (Hungarian),
# "Ko e fakakaukau \u02bbeni \u02bba e tokotaha fa\u02bbu" (Tongan)
_DISCLAIMER_NORTH = _rx(
    r"\b(?:autoriaus|autor\u0117s|autori\u0173|straipsnio) (?:nuomon\u0117|po\u017ei\u016bris|pozicija)\b[^.!?]{0,40}"
    r"\b(?:neb\u016btinai|ne visada)\b|\bneb\u016btinai (?:sutampa|atitinka|atspindi) (?:su )?redakcijos\b|"
    r"\b(?:autora|autores|autoru) (?:viedoklis|viedok\u013ci) (?:var )?(?:nesakr\u012bt|nesakrist|ne vienm\u0113r "
    r"sakr\u012bt) ar redakcijas\b|\b(?:autori|autorite) (?:arvamus|seisukoht|seisukohad) ei (?:pruugi|tarvitse) "
    r"(?:\u00fchtida|kattuda) (?:toimetuse|v\u00e4ljaande)|\bei (?:v\u00e4ltt\u00e4m\u00e4tt\u00e4 )?(?:vastaa|edusta) "
    r"(?:toimituksen|lehden) (?:kantaa|n\u00e4kemyst\u00e4|linjaa)\b|"
    r"\b(?:kolumn|komentar|prispev|\u010dlan|zapis)\w* (?:izra\u017ea|odra\u017ea|predstavlja) (?:zgolj |le |"
    r"izklju\u010dno )?(?:osebno )?(?:mnenje|stali\u0161\u010de|pogled) (?:avtor\w*|pisc\w*)\b|"
    r"\bne (?:odra\u017ea|izra\u017ea|predstavlja)(?:jo)? (?:nujno )?(?:stali\u0161\u010d|mnenj)\w* "
    r"(?:uredni\u0161tva|redakcije|\u010dasopisa)\b|"
    r"\bszerz\u0151 (?:v\u00e9lem\u00e9nye|\u00e1ll\u00e1spontja) nem (?:felt\u00e9tlen\u00fcl )?(?:egyezik|"
    r"azonos|t\u00fckr\u00f6zi)|\bnem (?:felt\u00e9tlen\u00fcl )?t\u00fckr\u00f6zi a szerkeszt\u0151s\u00e9g\b|"
    r"\bfakakaukau [^.!?]{0,20}[\u02bb'\u2018]?a e (?:tokotaha )?fa[\u02bb'\u2018]u\b")
# the views disclaimer in the wordings of the tenth round: "Signed columns are their authors' sole responsibility",
# "... are the sole responsibility of the author" (also "do not set the line of this paper"), and the same in
# Portuguese ("... s\u00e3o de inteira responsabilidade dos autores"), Italian ("... sono di esclusiva
# responsabilit\u00e0 degli autori"), French ("... rel\u00e8vent de la seule responsabilit\u00e9 de leurs auteurs"),
# Romanian ("... apar\u021bin exclusiv autorilor"), Albanian ("... pasqyrojn\u00eb vet\u00ebm pik\u00ebpamjet e
# autorëve"), Azerbaijani ("... müəllifə aiddir") and Chinese ("本欄文章僅代表作者個人意見")
_DISCLAIMER_SOLE = _rx(
    r"\b(?:are|is|remain|remains) (?:the )?(?:(?:their|its|the) )?(?:authors?|writers?|columnists?|contributors?)"
    r"['\u2019]?s?['\u2019]? (?:sole|own|exclusive|entire) responsibility\b|"
    r"^(?:the )?(?:views|opinions)\b[^.!?]{0,40}\b(?:are|is) (?:the |their |its )?(?:writer|author|columnist|"
    r"contributor)s?['\u2019]?s?['\u2019]? (?:alone|own alone)\s*[.!]?$|"
    r"\b(?:are|is|remain|remains) (?:the )?(?:sole|exclusive|entire) responsibility of (?:the|their|its) (?:authors?|"
    r"writers?|columnists?|contributors?)\b|\bdo(?:es)? not (?:set|represent|reflect) the (?:editorial )?line of "
    r"(?:this|the|our) (?:paper|newspaper|site|publication)\b|"
    r"\b(?:s\u00e3o|\u00e9) (?:da |de )?(?:inteira |exclusiva |total )?responsabilidade (?:exclusiva )?(?:d[oa]s?|de "
    r"(?:seus?|suas?)) (?:autore?s|autoras?|autor)\b|"
    r"\b(?:sono|\u00e8) (?:di |sotto la )?(?:esclusiva |piena )?responsabilit\u00e0 (?:esclusiva )?"
    r"(?:dell['\u2019]autore|dell['\u2019]autrice|degli autori|dei rispettivi autori)\b|"
    r"\b(?:rel\u00e8vent|rel\u00e8ve|sont|est) (?:de )?la (?:seule |pleine |enti\u00e8re )?responsabilit\u00e9 de "
    r"(?:leurs?|son|ses|l['\u2019]) ?(?:auteur|autrice|signataire)s?\b|"
    r"\bapar\u021bin (?:exclusiv |doar |numai )?(?:autorilor|autorului|semnatarilor)\b|"
    r"\bpasqyrojn\u00eb (?:vet\u00ebm )?pik\u00ebpamjet e (?:autor\u00ebve|autorit)\b|"
    r"\bm\u00fc\u0259llif(?:in|l\u0259rin)?\w* (?:\w+ )?aiddir\b|\bfikirl\u0259r (?:yaln\u0131z )?m\u00fc\u0259llif\w*|"
    r"(?:\u50c5|\u4ec5|\u53ea)?\u4ee3\u8868\u4f5c\u8005(?:\u500b\u4eba|\u4e2a\u4eba)?(?:\u7684)?"
    r"(?:\u610f\u898b|\u610f\u89c1|\u89c0\u9ede|\u89c2\u70b9|\u7acb\u5834|\u7acb\u573a)")
# a correction or clarification note, dated or in another language: "Correction (22 August): An earlier version of
# this column placed ...", "Rectificatif : ...", "Berichtigung: ...", also after the label in the paper's other
# language ("R\u00e6tting / Correction: ...", Faroese; "Lei\u00f0r\u00e9tting", Icelandic; "Ralat", Malay); or one
# that opens with the earlier version
_CORRECTION = _rx(
    r"^(?:[^\W\d_][\w'\u2019-]*(?: [^\W\d_][\w'\u2019-]*)?\s*[/|]\s*)?"
    r"(?:correction|corrected|clarification|rectificaci[o\u00f3]n|pataisyta|pataisymas|labojums|parandus|korjaus|"
    r"popravek|popravljeno|ispravak|helyesb\u00edt\u00e9s|rectificatif|fe de erratas|berichtigung|korrektur|correzione|"
    r"rettifica|corre[c\u00e7][\u00e3a]o|errata|rettelse|r\u00e4ttelse|oikaisu|sprostowanie|oprava|ispravka|"
    r"r\u00e6tting|lei\u00f0r\u00e9tting|retting|korrigering|correctie|rectificatie|ralat|pembetulan|koreksi|"
    r"d\u00fczeltme|\u0438\u0441\u043f\u0440\u0430\u0432\u043b\u0435\u043d\u0438\u0435)"
    r"(?:\s*\([^()]{1,40}\)|,\s*\d{1,2}(?:\.\d{1,2}\.|\s+[^\W\d_]{3,10}\.?)(?:\s+\d{4})?|,\s*[^\W\d_]{3,10}\.?"
    r"\s+\d{1,2}(?:,?\s+\d{4})?)?\s*[:\u2013\u2014]\s*\S|"
    r"^(?:[^\W\d_][\w'\u2019-]*(?: [^\W\d_][\w'\u2019-]*)?\s*[:/|]\s*){0,2}"
    r"an? (?:earlier|previous) version of this (?:article|story|piece|column|essay|report|op-?ed|post|letter) "
    r"(?:\w+ly )?(?:misstated|stated|said|gave|placed|misspelled|misidentified|described|referred|called|named|"
    r"reported|included|omitted|listed|put|dated|attributed|misattributed)\b")
# a sponsor line, also after the same label in another language: "Patwone / Sponsored by: ...",
# "Presented by: ...", "Patrocinado por: ..."
_SPONSOR = _rx(
    r"^(?:[^\W\d_][\w'\u2019-]*(?: [^\W\d_][\w'\u2019-]*)?\s*[/|]\s*)?(?:sponsored by|presented by|brought to you by|"
    r"in partnership with|supported by|paid for by|patrocinado por|sponsoris[\u00e9e] par|pr\u00e9sent\u00e9 par|"
    r"gesponsert von|pr\u00e4sentiert von|patrocinat per|sponsorizzato da|gesponsord door)\s*:\s*\S")
# a newsletter offered as a sentence of its own in other languages: "Gaukite svarbiausias dienos naujienas el.
# pa\u0161tu" (Lithuanian), "Prejemajte novice po e-po\u0161ti" (Slovene), "Recibe las noticias del d\u00eda en tu correo",
# "Recevez l'essentiel de l'actualit\u00e9 par e-mail", "Erhalten Sie die wichtigsten Nachrichten per E-Mail"
_NEWSLETTER_ABROAD = _rx(
    r"^(?:gaukite|prenumeruokite|sa\u0146emiet|saage|tilaa|prejemajte|prejmite|naro\u010dite se na|recib[ae]|"
    r"suscr\u00edbete a|receba|assine|recevez|abonnez-vous \u00e0|erhalten sie|abonnieren sie|ricevi|iscriviti "
    r"alla|ontvang|otrzymuj)\b[^.!?]{0,80}\b(?:el\. pa\u0161tu|e-?mail\w*|e-po\u0161t\w*|correo|courriel|inbox|"
    r"bo\u00eete mail|posta elettronica|newslett\w*|s\u00e4hk\u00f6postiisi|e-?postiga)\b")
# a sign-up to a mailing list, or a sign-up box copied with its field and button: "Join our mailing list. Sign up to
# receive our Sunday letter ...", "Email Address  Sign Up"
_MAILING = _rx(
    r"^(?:join|subscribe to|sign up (?:for|to)|get on) (?:our|the) (?:mailing|e-?mail(?:ing)?) list\b|"
    r"\b(?:join|subscribe to|sign up for) our (?:mailing|e-?mail(?:ing)?) list\b|"
    r"\be-?mail(?: address)?\s*(?:[|\u00b7:]\s*)?(?:sign (?:me )?up|subscribe|submit|join)\s*[.!]?\s*$|"
    r"(?:^|[.!]\s+)sign up (?:to|and) (?:receive|get)\b")
# comment moderation in more wordings: "Join the conversation. Comments must be signed with your full name."
_COMMENT_MORE = _rx(
    r"^(?:all )?comments? (?:must|should) be (?:signed|civil|respectful|on[- ]topic|approved|in English)\b|"
    r"^comments (?:close|are closed|will close) (?:on this (?:article|story|column) )?(?:after|\w+ days? after|at)\b|"
    r"(?:^|[.!/]\s*)to (?:comment|reply|join the discussion),? (?:please )?(?:log|sign) ?in\b|"
    r"^(?:all )?comments? (?:must|should|need to|have to) be (?:written |posted )?in (?:(?-i:[A-Z])\w+ (?:or|and) "
    r"(?-i:[A-Z])\w+|English)\b|^(?:all )?(?:comments?|posts)\b[^.!?]{0,60}\bsigned with (?:a|your|their) (?:real|"
    r"full|own) name\b|"
    r"\bcomments? (?:containing|with|that contain) (?:links|insults|abuse|personal attacks|profanity)\b[^.!?]{0,30}"
    r"\b(?:will not|won['\u2019]t|cannot) be (?:published|approved|posted)\b|"
    r"\b(?:los )?comentarios (?:ofensivos |insultantes |an\u00f3nimos )?(?:ser\u00e1n|son) (?:eliminados|moderados|"
    r"borrados|revisados)\b|\b(?:les )?commentaires (?:injurieux |anonymes )?(?:seront|sont) (?:supprim\u00e9s|"
    r"mod\u00e9r\u00e9s)\b|\bkommentare werden (?:moderiert|gepr\u00fcft|gel\u00f6scht)\b|\b(?:os )?"
    r"coment\u00e1rios (?:s\u00e3o|ser\u00e3o) (?:moderados|removidos|apagados)\b|\bi commenti (?:sono|saranno) "
    r"(?:moderati|rimossi|cancellati)\b|"
    r"^join the (?:conversation|discussion|debate)\s*[.!:]\s*.{0,100}\bcomment|"
    r"\bcomments? (?:will be|are|may be) (?:reviewed|approved|checked|read) (?:by (?:our|an?|the) (?:editors?|"
    r"moderators?|team)|before (?:they|it) (?:appear|are published|is published|go(?:es)? live))")
# who may comment, as a sentence of its own (also after the same rule in the paper's other language): "Only
# subscribers can comment.", "Komentirajo lahko le naro\u010dniki.", "Solo los suscriptores pueden comentar.",
# "Seuls les abonn\u00e9s peuvent commenter.", "Nur Abonnenten k\u00f6nnen kommentieren.", "Komentuoti gali tik
# prenumeratoriai."
_COMMENT_WHO = _rx(
    r"(?:^|[.!]\s+)(?:only (?:subscribers|members|registered (?:users|readers)|logged[- ]in (?:users|readers)|paying "
    r"(?:subscribers|readers)) (?:can|may) (?:comment|post comments|reply|join the (?:discussion|conversation))|"
    r"komentira(?:jo|ti) (?:lahko )?(?:le|samo) naro\u010dnik\w*|(?:solo|s\u00f3lo|solamente) (?:los )?(?:suscriptores|"
    r"abonados|usuarios registrados) pueden comentar|(?:apenas|s\u00f3) (?:os )?assinantes (?:podem|p\u00f3dem) "
    r"comentar|seuls les (?:abonn\u00e9s|membres|inscrits) peuvent (?:commenter|r\u00e9agir)|nur (?:Abonnenten|"
    r"registrierte Nutzer|Abonnentinnen und Abonnenten) k\u00f6nnen kommentieren|solo gli abbonati possono "
    r"commentare|komentuoti gali tik (?:prenumeratoriai|registruoti)\w*|alleen abonnees kunnen reageren|"
    r"komentowa\u0107 mog\u0105 tylko (?:prenumeratorzy|subskrybenci|zalogowani))"
    r"(?: (?:here|on this (?:article|story|column|page)))?\s*(?:[.!]|$)")
# "read also" in more languages, alone or before its headline: "Læs også:", "Pročitajte i:", "Citește și:",
# "Διαβάστε επίσης:", "Soma pia:", "Irakurri gehiago"
_RELATED_ABROAD = _rx(
    r"^(?:l\u00e6s (?:ogs\u00e5|mere)|les (?:ogs\u00e5|mer)|l\u00e4s (?:\u00e4ven|ocks\u00e5|mer)|lue (?:my\u00f6s|"
    r"lis\u00e4\u00e4)|loe ka|lasiet ar\u012b|skaitykite (?:taip pat|daugiau)|\u010dt\u011bte (?:tak\u00e9|"
    r"t\u00e9\u017e)|"
    r"pre\u010d\u00edtajte si (?:tie\u017e|aj)|preberite (?:tudi|\u0161e)|pro\u010ditajte (?:i|jo\u0161|tako\u0111e)|"
    r"procitajte (?:i|jos)|\u043f\u0440\u043e\u0447\u0438\u0442\u0430\u0458\u0442\u0435 (?:\u0438|\u0458\u043e\u0448)|"
    r"\u0447\u0438\u0442\u0430\u0439\u0442\u0435 (?:\u0442\u0430\u043a\u0436\u0435|\u0435\u0449\u0451|"
    r"\u0435\u0449\u0435)|"
    r"cite\u0219te \u0219i|citeste si|"
    r"\u03b4\u03b9\u03b1\u03b2\u03ac\u03c3\u03c4\u03b5 (?:\u03b5\u03c0\u03af\u03c3\u03b7\u03c2|"
    r"\u03b1\u03ba\u03cc\u03bc\u03b1)|soma (?:pia|zaidi)|irakurri (?:gehiago|ere)|leia (?:tamb\u00e9m|mais)|"
    r"llegiu (?:tamb\u00e9|m\u00e9s)|leggi (?:anche|altro)|lees (?:ook|meer)|ayr\u0131ca (?:oku|okuyun)|"
    r"\u00e0 lire (?:aussi|\u00e9galement)|a lire aussi|"
    # tenth round: Ukrainian, Albanian, Vietnamese, Tagalog, Hungarian, Hindi, Bengali, Arabic, Persian, Hebrew, Thai
    r"\u0447\u0438\u0442\u0430\u0439\u0442\u0435 \u0442\u0430\u043a\u043e\u0436|lexo (?:edhe|gjithashtu)|"
    r"xem th\u00eam|\u0111\u1ecdc th\u00eam|basahin (?:din|rin)|(?:ezt is )?olvassa el|"
    r"\u092f\u0939 \u092d\u0940 \u092a\u0922\u093c\u0947\u0902|\u0986\u09b0\u0993 \u09aa\u09a1\u09bc\u09c1\u09a8|"
    r"\u0627\u0642\u0631\u0623 \u0623\u064a\u0636\u0627|\u0627\u0642\u0631\u0623 \u0623\u064a\u0636\u064b\u0627|"
    r"\u0628\u06cc\u0634\u062a\u0631 \u0628\u062e\u0648\u0627\u0646\u06cc\u062f|"
    r"\u05e7\u05e8\u05d0\u05d5 \u05d2\u05dd|"
    r"\u0e2d\u0e48\u0e32\u0e19\u0e40\u0e1e\u0e34\u0e48\u0e21\u0e40\u0e15\u0e34\u0e21|"
    r"oxuyun h\u0259m\u00e7inin|ridim tu)(?!\w)(?:\s*[/|]\s*[^:]{1,40})?\s*(?:[:\u00bb\u203a\u2192>|"
    r"\u2013\u2014-]\s*\S|$)")
# a funding disclosure under an academic's article: "<Name> does not work for, consult, own shares in or receive funding
# from any company ..." (often after "<Name> receives funding from ..." on the same line)
_DISCLOSURE = _rx(r"\bdoes not work for, consult\b|\bown shares in or receive funding from\b|"
                  r"^(?-i:[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){1,3}) (?:declares|"
                  r"reports|has|have) no (?:(?:competing|conflicting|relevant|financial) )?(?:interests?|conflicts? of "
                  r"interests?|disclosures)\b")
# the notes under a journal's or an academic site's article: "Competing interests: None declared.", "Cite this as:
# ...", "doi:10.1234/...", "Provenance and peer review: ..."
_ACADEMIC_NOTE = _rx(
    r"^(?:(?:(?:competing|conflicting) interests?|conflicts? of interests?|declaration of (?:competing )?interests?|"
    r"disclosure statement|correspondence|provenance and peer review|data (?:availability|sharing)(?: statement)?|"
    r"author contributions?|ethics (?:statement|approval)|patient consent(?: for publication)?)\s*[:|]|correspondence "
    r"to\b|cite this (?:as|article)\b|how to cite\b|(?:funding|acknowledge?ments?)\s*:\s*(?:this|the|we|i|none|no|"
    r"not)\b)\s*\S|^doi\s*:?\s*10\.\d{4,9}/\S|\bdoi\s*:\s*10\.\d{4,9}/\S+\s*$")
# cookie-consent banners: how the notice opens, what it is about, and its bare buttons
_CONSENT = _rx(
    r"^(?:by (?:clicking|continuing|using|selecting)\b|(?:click|select|tap|press|choose)\s+[\"'\u201c\u2018\u00ab]?"
    r"(?:accept|agree|ok|allow|i agree|consent|settings|reject)|we and (?:our|our \d+|\d+) partners\b|with your "
    r"(?:consent|permission),? we\b|you can (?:change|withdraw|manage|update)\b.{0,60}\b(?:consent|settings|"
    r"preferences|choices?)\b|we use cookies\b|this (?:site|website|page) uses cookies\b|your privacy (?:matters|is "
    r"important)\b|(?:we|our partners) (?:store|and our partners store) (?:and|or) access information\b)")
# ... after the same notice in another language ("\u0160ioje svetain\u0117je naudojame slapukus. We use cookies to ...")
# or in it: Lithuanian, Latvian, Estonian, Slovene, Spanish, Portuguese, French, German, Italian, Polish
_CONSENT_ABROAD = _rx(
    r"(?:^|[.!]\s+)(?:we use cookies|this (?:site|website) uses cookies)\b|"
    r"(?:^|[.!]\s+)(?:[^.!?]{0,40}\b)?(?:naudojame slapukus|izmantojam s\u012bkdatnes|kasutame k\u00fcpsiseid|"
    r"uporabljamo pi\u0161kotke|(?:utilizamos|usamos) (?:las |os )?cookies|nous utilisons des cookies|wir verwenden "
    r"cookies|(?:utilizziamo|usiamo) (?:i )?cookie|u\u017cywamy (?:plik\u00f3w )?cookie|k\u00e4yt\u00e4mme "
    r"ev\u00e4steit\u00e4)\b")
_CONSENT_TOPIC = _rx(r"\bcookies?\b|\bslapuk\w*|\bs\u012bkdatn\w*|\bk\u00fcpsis\w*|\bpi\u0161kot\w*|\bev\u00e4st\w*|\bconsent\b|\bprivacy\b|\btracking\b|\bpersonali[sz]ed? (?:ads|advert|content)|"
                     r"\bdevice\b|\bpartners\b")
_CONSENT_BUTTONS = _rx(
    r"^(?:(?:accept(?: all| and close| cookies)?|agree(?: and close)?|i agree|reject(?: all)?|decline|allow(?: all)?|"
    r"deny|ok|got it|manage (?:settings|preferences|options|cookies)|(?:cookie |privacy )?settings|customi[sz]e|"
    r"more options|preferences)\s*(?:[|/\u00b7\u2022]\s*|\s{2,}|$))+$")
_PUBNOTE = _rx(
    r"^(?:editor['\u2019]?s note\s*:|editors['\u2019]? note\s*:|programm?ing (?:alert|note)\s*:|correction\s*:|"
    r"clarification\s*:|"
    r"update[sd]?\s*:\s*(?:this|an earlier|a previous|the (?:article|story|post|headline))\b|note\s*:\s*this\b|"
    r"(?:an earlier |a )?version of this (?:article|story|piece|column|"
    r"essay) (?:first |originally )?(?:appeared|was published|ran)\b|this (?:article|story|piece|column|essay|post) "
    r"(?:was|is|has been|first|originally) (?:first |originally )?(?:published|appeared|adapted|excerpted|"
    r"republished|syndicated|ran|updated|amended|corrected|edited)\b|(?:originally|first) (?:published|appeared) (?:on|"
    r"in|at)\b|"
    r"republished with permission\b|reprinted with permission\b|adapted from\b.{0,120}\bby\b|"
    r"(?:additional )?reporting by\b|\(?(?:distributed|syndicated) by\b|this (?:article|story|piece|column|essay) "
    r"(?:appears|appeared|will appear) in\b|this (?:article|story|piece|column|essay|page) is (?:also )?available in\b|"
    r"editing by\b|produced by\b.{0,60}$|(?:published|printed|distributed)(?: and (?:printed|published|"
    r"distributed))? (?:by|for|on behalf of) [^,;:!?]{2,60}(?:\.\s*printed (?:on|by|in) [^,;:!?]{2,40})?\.?$|"
    r"printed on recycled paper\b|(?:this|the) (?:article|story) "
    r"(?:is|has been) (?:part of|updated)\b|sign up to receive\b|a version of this\b|"
    r"this (?:opinion piece|op-?ed|commentary|guest (?:column|essay)|letter) (?:was|is|has been) (?:first |"
    r"originally )?"
    r"(?:published|written|adapted|translated)\b|this is an? (?:edited|abridged|shortened|condensed|adapted|"
    r"translated) "
    r"(?:version|extract|excerpt) of\b|translated (?:from (?:the )?[A-Z]\w+ )?by [A-Z]|(?:it|this (?:piece|article|"
    r"column)) "
    r"(?:has been|was) translated\b|cette (?:tribune|chronique|page|contribution) a \u00e9t\u00e9 tradu|"
    r".{0,60}\bprovides funding as (?:a )?(?:founding )?(?:member|partner) of\b)")
_BYLINE_LEAD = _rx(
    r"^(?:(?:opinion|analysis|commentary|column|guest column|words|text|story|written|posted|reported|interview|"
    r"essay|review|editorial|article|published)\s+)?(?:by|von|par|por|door|av|di|de)\s+(?P<rest>\S.*)$")
_NAME_PARTICLES = {"de", "da", "del", "dela", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das", "di",
                   "bin", "ibn", "al", "el", "y", "and", "&", "und", "et", "e", "st", "st.", "mc", "mac", "ter", "ten"}
_NAME_SUFFIX_STOP = re.compile(r"(?:\b(?:jr|sr|dr|prof|phd|ph\.d|md|esq|ii|iii|iv)\.?|\b[A-Z]\.)$", re.IGNORECASE)
_AUTHOR_LABEL = _rx(r"^(?:authors?|writer|written by|byline|contributors?|columnist|reporter|autor(?:in)?|auteur)"
                    r"\s*[:|]\s*\S")
_BIO = re.compile(
    r"^(?P<name>(?:Dr\.?\s+|Prof\.?\s+|Professor\s+|Rev\.?\s+|Sen\.?\s+|Rep\.?\s+|Gen\.?\s+)?"
    r"[^\W\d_][\w.'\u2019-]*(?:\s+(?:[^\W\d_][\w.'\u2019-]*|de|da|del|dela|della|der|dos|das|du|di|van|von|la|le|"
    r"ten|ter|bin|ibn|al-\w+|el-\w+)){1,4})"
    r"(?:,[^,]{1,80},)?\s+(?:is|was|has been|serves as|works as|is now|is also|are|were|teaches|writes|"
    r"covers|reports)\b(?P<rest>.*)$")
_BIO_ROLE = re.compile(
    rf"^\s*(?:(?:a|an|the|currently|now|also|one of the|co-?)\s+)?(?:[\w.'\u2019-]+\s+){{0,4}}{_ROLE}s?\b"
    r"|^\s*(?:about|on|for)\b.{0,60}\bfor\b|^\s*(?:the )?author of\b|^\s*(?:a )?(?:regular )?(?:contributor|columnist)",
    re.IGNORECASE)
_BIO_SIGNAL = _rx(
    r"\b(?:columnist|contributor|contributing|op-?ed|opinion|editor|author of|his (?:latest |new |forthcoming )?book|"
    r"her (?:latest |new |forthcoming )?book|their (?:latest |new |forthcoming )?book|follow (?:him|her|them)|"
    r"twitter|@\w{2,}|(?:senior |visiting |research |adjunct )?fellow at|professor (?:of|at|emerit)|lecturer (?:in|at)|"
    r"director of|is (?:a|an) (?:[\w-]+ ){0,3}(?:writer|journalist|reporter|correspondent|novelist|commentator|"
    r"analyst|historian|economist|scholar|researcher|lawyer|attorney|consultant|strategist|host|blogger|"
    r"(?:former )?(?:senator|congressman|congresswoman|ambassador|minister|mayor|diplomat|official))\b|"
    r"\bwriting about\b|\bwrites about\b|\bcovers\b|(?:his|her|their) work (?:has )?appear)")
_SHORT_BYLINE_ROLE = re.compile(
    rf"^[^\W\d_][\w.'\u2019-]*(?:\s+[^\W\d_][\w.'\u2019-]*){{1,3}}\s*(?:,|\||\u2013|\u2014|-|\u2022|\u00b7)\s*"
    rf"(?:[\w'\u2019.&-]+\s+){{0,4}}{_ROLE}s?\b[^.!?]{{0,60}}$", re.IGNORECASE)
_STOPWORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as",
    "into", "over", "is", "are", "be", "vs", "vs.", "via", "per", "than", "that", "its", "it", "not", "no", "up",
    "off", "out", "so", "if", "how", "why", "what", "when", "who",
}


# -- helpers --------------------------------------------------------------------------------------------------


def _core(line: str) -> str:
    """The line without surrounding whitespace, markup-ish bullets and closing quotes/brackets."""
    s = line.strip()
    # bullets, arrows, markdown
    s = re.sub(r"^(?:[#>*\u2022\u00b7\u25aa\u25b8\u25ba\u25b2\u25b6\u25c6\u25a0\u25cf"
               r"\u2190\u2192\u27a4|-]+\s*)+", "", s)
    s = re.sub(r"\s*(?:[#*_]+)$", "", s)
    return s.strip()


def _words(s: str) -> List[str]:
    return _WORD.findall(s)


def _is_cap(word: str) -> bool:
    c = word[0]
    return c.isupper() or c.isdigit()


def _ends_sentence(s: str) -> bool:
    t = s.rstrip(_CLOSERS)
    return bool(t) and bool(_FINAL_ANY.search(t))


def _link_bar(s: str) -> Optional[str]:
    """``navigation`` or ``tags`` for a bar of three or more short links ("Terms | Privacy | Contact", "Health /
    Schools / Budget 2026"), else None."""
    items = _BAR_SPLIT.split(s)
    if len(items) < 3 or len(items) > 20:
        return None
    for item in items:
        n = len(_words(item))
        if not 1 <= n <= 5 or _ends_sentence(item):
            return None
    return "navigation" if any(_FOOTER_WORDS.search(item) for item in items) else "tags"


def _looks_like_name_list(rest: str) -> bool:
    """``rest`` reads like 'Jane Doe', 'Jane Doe and John Roe, Reuters', 'JANE DOE | Staff writer'."""
    rest = rest.strip()
    if not rest or len(rest) > 140:
        return False
    if rest.rstrip(_CLOSERS).endswith((".", "!", "?", ";")) and not _NAME_SUFFIX_STOP.search(rest.rstrip(_CLOSERS)):
        return False
    head = re.split(r"\s*(?:,|\||\u2013|\u2014| - |\u2022|\u00b7|/|\bfor\b|\bin\b|\bat\b)\s*", rest, maxsplit=1)[0]
    tokens = [t for t in re.split(r"\s+", head) if t]
    if not tokens or len(tokens) > 7:
        return False
    names = [t for t in tokens if t.lower().strip(".,") not in _NAME_PARTICLES]
    if not names or not all(t[0].isupper() and not t[0].isdigit() for t in names):
        return False
    # a single capitalised word followed by more words is a sentence ("By Monday, we ..."), not a name list
    return len(names) >= 2 or len(tokens) == len(rest.split())


# -- the classifier -------------------------------------------------------------------------------------------
def classify_line(line: str, *, position: int, n_lines: int, continues: bool = False) -> Optional[str]:
    """The kind of page noise ``line`` is (one of ``KINDS``), or ``None``.

    ``position``: index of the line among the non-blank lines of its text (0 = first); ``n_lines``: their number.
    ``continues``: the line is hard-wrapped into the next line (it then is never a ``title``/``heading``).

    Returns:
        One of ``KINDS`` (str), or None for a line that is not noise.

    Raises:
        ArgumentTypeError: ``line`` is not a str (E111).
    """
    if not isinstance(line, str):
        raise ArgumentTypeError(f"line must be a str; got {type(line).__name__}")
    s = _core(line)
    if not s or not any(ch.isalnum() for ch in s):
        return None
    words = _words(s)
    n_words = len(words)
    if n_words <= 15 and _MARKDOWN_HEADING.match(line.strip()):
        return "heading"
    n_chars = len(s)
    ends_stop = _ends_sentence(s)
    near = (n_lines > 1 and position >= n_lines - 4) or position <= 3  # near the start or the end of the text
    return (_keyword_kind(s, words, n_chars, ends_stop) or _byline_kind(s, n_words, n_chars, ends_stop, near)
            or _translated_kind(s) or _shape_kind(s, words, position=position, n_lines=n_lines, continues=continues))


def _translated_kind(s: str) -> Optional[str]:
    """The kind of a line set in two to four languages apart by " / " or " | " ("\u0c2a\u0c4d\u0c30\u0c15\u0c1f\u0c28 /
    Advertisement", "... / This opinion is the author's own"): the keyword kind (``_LABEL_KINDS``) of one of its
    parts, each of at most 40 words.

    Returns:
        One of ``_LABEL_KINDS`` (str) or None."""
    parts = [_core(p) for p in _BILINGUAL.split(s)]
    if not 2 <= len(parts) <= 4 or any(not p or len(_words(p)) > 40 for p in parts):
        return None
    for part in parts:
        kind = _keyword_kind(part, _words(part), len(part), _ends_sentence(part))
        if kind in _LABEL_KINDS:
            return kind
    return None


# -- eleventh round: shapes that hold across outlets and languages ---------------------------------------------
# a browser's print header or footer copied back from a PDF: "https://outlet.example/opinion/slug    1/2",
# "18/11/2026, 08:05    Title of the piece | Outlet"
_PRINT_FOOTER = re.compile(r"^(?:https?://|www\.)\S+\s+\d{1,3}\s*/\s*\d{1,3}$")
_PRINT_HEADER = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\s+\S.{0,160}?"
                           r"\s[|\u2013\u2014-]\s+\S.{0,60}$")
# a caption led by its credit in brackets: "[Jane Roe/The Outlet] Pupils wade across the river ..."
_CREDIT_FIRST = re.compile(r"^\[[^\W\d_][^\[\]/]{1,50}/\s*[^\W\d_][^\[\]/]{1,40}\]\s+[^\W\d_a-z]")
# the page says who writes its essays: "Community Voices essays are written by readers."
_READER_WRITTEN = _rx(r"\b(?:essays?|columns?|pieces?|posts?|articles?|letters?|contributions?|voices|stories)\b"
                      r"(?: (?:on|in) this (?:page|section|site))? (?:are|is) (?:written|submitted|contributed|sent in) "
                      r"by (?:our |its )?(?:readers|members of the public|community members|the community|"
                      r"guest (?:writers|contributors)|volunteers)\b")
# comment moderation and who may comment: "We moderate comments before they appear.", "Comments (34) · ..."
_MODERATION = _rx(r"^(?:we|our (?:editors|moderators|team)) (?:moderate|pre-?moderate|review|approve|check) "
                  r"(?:all |every |each )?(?:comments?|replies|responses)\b|\bcomments? (?:are|is) (?:moderated|"
                  r"pre-?moderated|reserved for|closed|only (?:open|available) to)\b|\bcommentaires sont "
                  r"(?:r\u00e9serv\u00e9s|mod\u00e9r\u00e9s|ferm\u00e9s)\b")
_COMMENT_COUNT = _rx(r"^[^\W\d_][\w\u00e0-\u017f'\u2019-]{2,20}\s*\(\d{1,5}\)\s*[\u00b7|/:\u2013\u2014-]\s*\S")
_COMMENT_STEM = _rx(r"komment|comment|coment|hozz\u00e1sz|reag|r\u00e9ag|reac")
_NAME_REQUIRED = _rx(r"\b(?:full|real|first and last) names? (?:is |are )?(?:required|obligatory|mandatory)\b")
# the views are the writer's: "This opinion is the author's own" (also one part of a line in several languages)
_OWN_OPINION = _rx(r"^(?:this|the) (?:opinion|views?|column|article|piece|essay)(?: expressed)?(?: (?:here|above|in "
                   r"this (?:article|column|piece)))? (?:is|are) (?:the|its|their) (?:author|writer|columnist|"
                   r"contributor)(?:['\u2019]s|s['\u2019])(?: own)?\b")
# a newsletter or sign-up promo that ends on its call or arrow link: "... every Friday \u2192 outlet.example/signup",
# "Newsletter ...: chaque vendredi. Je m'inscris", "[Feliratkozom / Sign up]"
_SIGNUP_CALL = (r"(?:sign up|sign me up|subscribe|je m['\u2019]inscris|s['\u2019]inscrire|feliratkozom|suscr\u00edbete|"
                r"abonnieren|iscriviti|inscreva-se|aanmelden)")
_SIGNUP_END = _rx(r"(?:\u2192|->|\u00bb|\u203a|>)\s*(?:https?://)?\S*(?:sign-?up|subscribe|newsletter|inscri|abonn|"
                  r"anmeld)\S*\s*$|\[[^\[\]]{0,40}\b" + _SIGNUP_CALL + r"\b[^\[\]]{0,40}\]\s*$|"
                  r"[.:!|\u00b7\u2013\u2014]\s*" + _SIGNUP_CALL + r"(?: now| here)?\s*[!\u2192\u00bb\u203a>]?$")
_NEWSLETTER_WORD = _rx(r"\b(?:newsletters?|h\u00edrlev\u00e9l|infolettre|bolet\u00edn|nieuwsbrief|get the [A-Z]\w+ "
                       r"every|every (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|week)|"
                       r"in your inbox|dans votre bo\u00eete)\b")


# a line of hashtags only ("#beach #access #fishing") and a consent banner ending on two bracketed buttons
_HASHTAGS = re.compile(r"^#?[^\W_][\w-]*(?:[ ,]+#[^\W_][\w-]*)+$")
_BUTTONS_END = re.compile(r"(?:\[[^\[\]]{1,40}\]\s*){2,}$")
#: kinds a line set in two to four languages ("ప్రకటన / Advertisement") takes from one of its parts
_LABEL_KINDS = ("advertisement", "disclaimer", "comment_prompt", "newsletter", "related", "tags", "share",
                "copyright")


# -- twelfth round --------------------------------------------------------------------------------------------
# a picture given as its description in square brackets: "[Image description: ...]", "[Alt text: ...]"
_BRACKETED_CAPTION = _rx(r"^\[\s*(?:(?:image|photo|picture|video|graphic|illustration|figure|map|chart)\s+"
                         r"(?:description|caption|text)|alt(?:ernative)?[ -]text|image|photo|picture|"
                         r"description|caption)\s*:\s*\S")
# a note in square brackets set between the paragraphs: "[Translator's note: ...]", "[Note: ...]", "[Update: ...]"
# (not an editor's note in brackets: one that discloses the writer's ties reads as the text's own, and is kept)
_BRACKETED_NOTE = _rx(r"^\[\s*(?:(?:translator|transcriber|moderator)s?['\u2019]?s?\.?\s+"
                      r"notes?|note|n\.\s*d\.\s*[trl]\.?|nota(?: del traductor)?|update|updated|"
                      r"correction|clarification|translation)\s*:\s*\S")
# the views are the writer's and not the outlet's: "The opinions expressed are the writer's and not the Sentinel's."
_NOT_THE_OUTLETS = _rx(r"^(?:the )?(?:views?|opinions?)(?: expressed)?(?: (?:here|above|in this (?:article|column|"
                       r"piece|essay)))? (?:are|is) (?:those of )?(?:the |this |our )?(?:writer|author|columnist|"
                       r"contributor|guest writer)(?:['\u2019]s|s['\u2019])?(?: own| alone)?,? (?:and )?not (?:"
                       r"necessarily )?(?:those of )?(?:the |this )?\S")


# the thirteenth round's shapes. A note in square brackets that the text is a transcript or an edited version:
# "[This is an edited transcript of ...]", "[Lightly edited transcript]"
_TRANSCRIPT_NOTE = _rx(r"^\[\s*(?:(?:this|what follows|the following|below) (?:is|was) )?(?:an? |the )?(?:(?:lightly|"
                       r"slightly|partly|automatically) )?(?:(?:edited|condensed|abridged|shortened|unedited|full|"
                       r"partial|automated)(?: and (?:edited|condensed|abridged|shortened))? )?(?:transcript|"
                       r"transcription)\b")
# an editing system's placeholder left in the text: "[Insert related: ...]", "[Embed video: ...]", "[Add poll]"
_CMS_PLACEHOLDER = _rx(r"^\[\s*(?:insert|embed|add|place)\s+(?P<what>related|link|read also|video|image|photo|gallery|"
                       r"poll|quiz|tweet|post|quote|pull ?quote|graphic|map|chart|ad|newsletter|box|widget)\b")
# an ad slot marker in square brackets: "[AD SLOT · mid-article · 300x250]", "[Ad unit: leaderboard]"
_AD_SLOT = _rx(r"^\[\s*(?:ad|ads|advert|advertisement|banner)\s+(?:slot|unit|space|placement|break|block|zone|"
               r"container)\b")
# the reader's log-in status: "\u2713 Logged in as j.doe \u00b7 Enjoy reading!", "Connect\u00e9 en tant que ...",
# "Angemeldet als ...", "Accesso effettuato come ..."
_LOGGED_IN = _rx(r"^(?:[\u2713\u2714\u2611\U0001f464]\s*)?(?:you are |you['\u2019]re )?(?:logged in as|signed in as|"
                 r"logged in:|signed in:|accesso effettuato come|connect\u00e9e? (?:en tant que|comme)|"
                 r"angemeldet als|eingeloggt als|conectad[oa] como|sesi\u00f3n iniciada como|ingelogd als|"
                 r"aangemeld als|inloggad som|logget inn som|logget ind som|zalogowan[oy] jako|"
                 r"p\u0159ihl\u00e1\u0161en(?:a|o)? jako|sess\u00e3o iniciada como)\s+\S")


# -- fourteenth round ------------------------------------------------------------------------------------------
# a caption that ends on its photo credit after a full stop, the credit led by a picture word of another language,
# perhaps abbreviated, with no colon ("... Fot. Jan Sikora / AW", "... \u0424\u043e\u0442\u043e \u0438\u0437
# \u0430\u0440\u0445\u0438\u0432\u0430 \u0433\u0430\u0437\u0435\u0442\u044b", "... Foto de Ana Ruiz", "... Nuotr.
# Jonas Jonaitis"); the English "Photo" only before a colon, a slash or a bar (the other wordings of English credits are
# ``_CAPTION_END``'s)
_PICTURE_LABEL = (r"(?:foto|fot\.|fotos|fot\u00f3|fotografia|fotograf\u00eda|fotografie|fotka|zdj\.|zdj\u0119cie|"
                  r"nuotr\.|nuotrauka|sn\u00edmka|kuva|bild|\u1ea3nh|\u0444\u043e\u0442\u043e|"
                  r"\u0441\u043d\u0438\u043c\u043e\u043a|\u03c6\u03c9\u03c4\.|\u03c6\u03c9\u03c4\u03bf\u03b3\u03c1"
                  r"\u03b1\u03c6\u03af\u03b1|\u0635\u0648\u0631\u0629|\u05e6\u05d9\u05dc\u05d5\u05dd|\u5199\u771f|"
                  r"\u7167\u7247|\uc0ac\uc9c4)")
_CREDIT_TAIL = _rx(r"(?<=[.!?\u3002])\s+(?:" + _PICTURE_LABEL + r"(?P<sep>\s*[:/|\u00b7]\s*|\s+)|photo\s*[:/|]\s*)"
                   r"(?P<who>[^\s.!?:][^!?:]{1,60})$")


def _credit_tailed_caption(s: str, n_words: int) -> bool:
    """``s`` is a caption of at most 45 words ending on its photo credit (``_CREDIT_TAIL``): one or two sentences
    before the credit, without the words of an argument (``_NOT_BIO``), and a credit of at most eight words that
    does not end like a sentence (a name, an agency, "from the paper's archive").

    Returns:
        A bool."""
    tail = _CREDIT_TAIL.search(s) if n_words <= 45 else None
    if tail is None:
        return False
    who, lead = tail.group("who").strip(), s[:tail.start()]
    return len(_words(who)) <= 8 and not who.endswith(".") and _sentence_count(lead) <= 2 and \
        not _NOT_BIO.search(lead)


def _fourteenth_kind(s: str, n_words: int, n_chars: int) -> Optional[str]:
    """The kind of the fourteenth round's shapes that a line shows alone: a caption that ends on its photo credit
    led by a picture word of another language, perhaps abbreviated ("... Fot. Jan Sikora / AW"; ``caption``); or
    None.

    Returns:
        One of ``KINDS`` (str) or None."""
    if n_chars <= 400 and _credit_tailed_caption(s, n_words):
        return "caption"
    return None


# -- fifteenth round -------------------------------------------------------------------------------------------
# a note that the text on the page is a translation, was first published elsewhere or was updated, in one of several
# languages: its subject is the page itself ("This page", "Cet article", "Dieser Text", "Ten artyku\u0142", "Bu makale")
# right before a passive verb of translating, publishing or updating; or a label that leads it ("Machine
# translation.", "Automatisch vertaald:", "Traduit de l'anglais par ...", "\u00dcbersetzung: <Name>"); or the earlier
# version of the text in another language ("Una versi\u00f3n anterior de este art\u00edculo ..."), or the original
# that prevails ("The Khmer original is authoritative.")
_THIS_TEXT = (r"(?:this (?:page|article|story|text|piece|column|op-?ed|essay|commentary|interview|post|"
              r"translation)|cet (?:article|entretien|\u00e9dito)|cette (?:page|tribune|chronique|"
              r"traduction|version|contribution)|ce (?:texte|billet)|est[ea] (?:art\u00edculo|p\u00e1gina|texto|"
              r"columna|tribuna|entrevista|nota|traducci\u00f3n|versi\u00f3n|artigo|coluna|mat\u00e9ria|"
              r"tradu\u00e7\u00e3o|vers\u00e3o)|quest[oa] (?:articolo|pagina|testo|rubrica|intervista|traduzione|"
              r"pezzo)|dies(?:er|e|es) (?:artikel|seite|text|beitrag|kolumne|interview|kommentar|\u00fcbersetzung)|"
              r"(?:(?:ten|niniejszy) )?(?:artyku\u0142|tekst)|(?:ten|niniejszy) (?:felieton|wywiad)|ta strona|"
              r"to t\u0142umaczenie|(?:dit|deze) (?:artikel|pagina|tekst|stuk|column|interview|vertaling)|"
              r"bu (?:makale|yaz\u0131|sayfa|metin|haber|r\u00f6portaj))")
# ... the passive verb that follows that subject: translated (by a machine or a person), updated or corrected, in any
# tense; first published elsewhere only with its "first", "originally" ("This text was published in 1990 and ..." is
# the body's)
_TRANSLATED_DONE = (r"(?:(?:was|is|has been)(?: (?:automatically|partly|machine|also|then))*[ -](?:translated|"
                    r"machine-translated|updated|corrected|amended)|a \u00e9t\u00e9(?: automatiquement)? (?:tradui|"
                    r"mis \u00e0 jour|corrig|modifi)|(?:fue|ha sido|foi|tem sido)(?: autom\u00e1ticamente| "
                    r"automaticamente)? (?:traducid|traduzid|actualizad|atualizad|corregid|corrigid)|"
                    r"(?:\u00e8|\u00e9|es) una? (?:\w+ )?tradu|(?:\u00e8|sono) stat[oaie](?: automaticamente)? "
                    r"(?:tradott|aggiornat|corrett)|"
                    r"(?:wurde|ist)(?: (?:automatisch|maschinell|nachtr\u00e4glich))? (?:\u00fcbersetzt|aktualisiert|"
                    r"korrigiert|berichtigt)|ist eine (?:\w+ )?\u00fcbersetzung|zosta\u0142[aoy]?(?: automatycznie| "
                    r"maszynowo)? (?:przet\u0142umaczon|zaktualizowan|poprawion)|jest t\u0142umaczeniem|(?:is|werd)"
                    r"(?: automatisch| machinaal)? (?:vertaald|bijgewerkt|aangepast|gecorrigeerd)|(?:otomatik olarak )?"
                    r"(?:\u00e7evrilmi\u015ftir|\u00e7evrildi|terc\u00fcme edilmi\u015ftir|g\u00fcncellenmi\u015ftir|"
                    r"d\u00fczeltilmi\u015ftir|g\u00fcncellendi))")
_FIRST_PUBLISHED = (r"(?:(?:was|has been) (?:first|originally|initially) (?:published|posted)|(?:first|originally) "
                    r"(?:appeared|ran)|a \u00e9t\u00e9 (?:(?:initialement|d['\u2019]abord|originellement) publi|"
                    r"publi\w* (?:initialement|d['\u2019]abord|originellement|pour la premi\u00e8re fois))|(?:a|est) "
                    r"(?:initialement|d['\u2019]abord) paru|(?:fue|foi|ha sido) (?:publicad[oa] )?(?:originalmente|"
                    r"inicialmente|por primera vez|pela primeira vez)|(?:\u00e8|sono) stat[oaie] (?:pubblicat[oaie] )?"
                    r"(?:originariamente|originalmente|inizialmente|per la prima volta)|(?:erschien|wurde|ist) "
                    r"(?:zuerst|urspr\u00fcnglich|erstmals)|zosta\u0142[aoy]? (?:pierwotnie|po raz pierwszy)|"
                    r"(?:uka\u017ca\u0142|pojawi\u0142)[aoy]? si\u0119 (?:pierwotnie|po raz pierwszy)|"
                    r"(?:verscheen|werd|is) (?:eerder|eerst|oorspronkelijk)|ilk (?:olarak|kez))")
_DONE_TO_IT = "(?:" + _TRANSLATED_DONE + "|" + _FIRST_PUBLISHED + ")"
_NOTE_LABEL = r"^[^\w\s]{0,2}\s*(?:[^\W\d_][\w'\u2019]*(?: [^\W\d_][\w'\u2019]*){0,2}\s*[:\u2013\u2014]\s*)?"
_TEXT_NOTE = _rx(_NOTE_LABEL + _THIS_TEXT + r"(?: (?:you are reading|here|below|above))? " + _DONE_TO_IT)
# a label that leads the note: the kind of translation, or who translated it, and from which language
_TRANSLATED_LABEL = _rx(
    _NOTE_LABEL + r"(?:(?:(?:automatic|machine|automated) translation|(?:automatically|machine)[- ]translated|"
    r"traduction automatique|traduit automatiquement|traducci\u00f3n autom\u00e1tica|traducido autom\u00e1ticamente|"
    r"tradu\u00e7\u00e3o autom\u00e1tica|traduzido automaticamente|traduzione automatica|tradotto automaticamente|"
    r"maschinelle \u00fcbersetzung|(?:automatisch|maschinell) \u00fcbersetzt|t\u0142umaczenie maszynowe|"
    r"(?:automatycznie|maszynowo) przet\u0142umaczon\w+|automatisch vertaald|machinevertaling|otomatik \u00e7eviri|"
    r"makine \u00e7evirisi)(?:$|\s*[.:,;(\u2013\u2014-]|\s+(?:from|by|with|using|via|and|into|de|du|des|par|avec|"
    r"por|del|con|do|da|dal|dall['\u2019]|von|aus|mit|uit|door|met|z|przez|ze)\b)|"
    r"(?:article |texte )?tradui(?:te?s?)? (?:de l['\u2019]|du |de la |par )|"
    r"(?:art\u00edculo |texto )?traducido (?:del |de la |por )|(?:texto )?traduzido (?:do |da |por )|"
    r"tradott[oa] (?:dal(?:l['\u2019])?|da )|(?:aus dem \w+ )?\u00fcbersetzt (?:von|aus) |vertaald (?:uit|door) |"
    r"przet\u0142umaczy\u0142a? (?-i:[A-Z])|\u00e7eviren\s*:)")
# who translated it, after a bare label: "Traduction : Marie Dupont", "\u00dcbersetzung: Hans M\u00fcller", "T\u0142um.
# Anna Kowalska"
_TRANSLATOR = _rx(r"^(?:translation|traduction|traducci\u00f3n|tradu\u00e7\u00e3o|traduzione|\u00fcbersetzung|"
                  r"t\u0142umaczenie|t\u0142um\.|vertaling|\u00e7eviri|translation by|traduction de|traduzione di|"
                  r"traducci\u00f3n de)\s*[:\u2013\u2014]?\s+(?P<who>\S.*)$")
# the earlier version of the text, in another language than English (``_CORRECTION`` has the English)
_EARLIER_VERSION = _rx(
    _NOTE_LABEL + r"(?:dans )?une (?:version (?:pr\u00e9c\u00e9dente|ant\u00e9rieure)|pr\u00e9c\u00e9dente version) de "
    r"(?:cet|ce|cette) |(?:en )?una versi\u00f3n anterior de (?:este|esta) |(?:em )?uma vers\u00e3o anterior "
    r"(?:deste|desta) |(?:in )?una (?:versione precedente|precedente versione) di quest[oa] |in einer fr\u00fcheren "
    r"(?:version|fassung) (?:dieses|dieser) |(?:in )?een eerdere versie van (?:dit|deze) |(?:we |w )?"
    r"(?:wcze\u015bniejsz|poprzedni)(?:a|ej) wersj[ia] (?:tego |tej |niniejszego )?(?:artyku\u0142u|tekstu)|"
    r"bu (?:makalenin|haberin|yaz\u0131n\u0131n) (?:\u00f6nceki|ilk) (?:versiyonunda|s\u00fcr\u00fcm\u00fcnde)")
# the original that prevails ("The Khmer original is authoritative.", "The original text in Khmer prevails."), the
# text said to be a translation of another ("This is an English translation of ...", "Ceci est une traduction de ...")
# or written in another language first ("The original version of this article was written in Turkish.")
_ORIGINAL_PREVAILS = _rx(r"^(?:the )?(?:[A-Z]\w+ )?original(?: (?:text|version|article))?(?: in [A-Z]\w+)? "
                         r"(?:is (?:authoritative|binding|the (?:authoritative|binding|reference) (?:text|version))|"
                         r"prevails)\.?$|^(?:this|what follows|the following|below) is an? (?:\w+ ){0,2}translation "
                         r"of\b|^(?:ceci|c['\u2019]est|esta|este|isto|questa|dies|to|dit) "
                         r"(?:est|es|\u00e9|\u00e8|ist|jest|is)? ?(?:une|una|uma|eine|een)? ?(?:\w+ )?(?:traduction|"
                         r"traducci\u00f3n|tradu\u00e7\u00e3o|traduzione|\u00fcbersetzung|t\u0142umaczeniem|vertaling) "
                         r"(?:de|del|da|di|des|eines|van|artyku\u0142u|tekstu)\b|^(?:the )?original (?:version )?of "
                         r"this (?:article|text|column|piece) was (?:written|published) in\b")
# the words of an argument in a note's line, in the languages of the notes
_NOTE_ARGUES = _rx(r"\b(?:(?-i:I)|we|you|should|must|ought|because|therefore|yet|although|neither|nor|not|never|"
                   r"nobody|no one|nothing|pas|jamais|personne|nadie|nunca|nicht|nie|niemand|niet|nooit|mai|"
                   r"doit|devrait|parce que|donc|debe|deber\u00eda|porque|pero|deve|dovrebbe|perch\u00e9|muss|sollte|"
                   r"weil|aber|musi|powinien|poniewa\u017c|ale|moet|omdat|maar|\u00e7\u00fcnk\u00fc|ama|fakat)\b|[!]")


def _note_sentence(s: str) -> bool:
    """``s`` (one sentence) is a note on the text itself: a subject that is the page or the text right before a
    passive verb of translating, publishing, updating (``_TEXT_NOTE``), a translation label (``_TRANSLATED_LABEL``),
    an earlier version in another language (``_EARLIER_VERSION``) or the original that prevails
    (``_ORIGINAL_PREVAILS``).

    Returns:
        A bool."""
    return any(rx.match(s) for rx in (_TEXT_NOTE, _TRANSLATED_LABEL, _EARLIER_VERSION, _ORIGINAL_PREVAILS))


def _translator_credit(s: str, n_words: int) -> bool:
    """``s`` is a bare translation label and the translator's name ("Traduction : Marie Dupont"): at most eight
    words, the name in capitals (particles allowed), not asked or exclaimed.

    Returns:
        A bool."""
    m = _TRANSLATOR.match(s) if n_words <= 8 else None
    if m is None or m.group("who").rstrip().endswith(("?", "!")):
        return False
    names = [w for w in _words(m.group("who")) if w.lower() not in _NAME_PARTICLES]
    return bool(names) and all(w[:1].isupper() for w in names)


def _fifteenth_kind(s: str, n_words: int, n_chars: int) -> Optional[str]:
    """The kind of the fifteenth round's shapes: a note that the text was translated (by a machine or a person), first
    published elsewhere, updated or corrected, in one of several languages, of at most three sentences and 45 words
    that open with such a note (``_note_sentence``) and carry no words of an argument (``_NOTE_ARGUES``); or a
    translator's credit after a bare label (``_translator_credit``); ``publication_note``; or None.

    Returns:
        One of ``KINDS`` (str) or None."""
    if n_words > 45 or n_chars > 320:
        return None
    sentences = [p for p in _SENTENCE_END.split(s) if p]
    if len(sentences) <= 3 and _note_sentence(sentences[0]) and not _NOTE_ARGUES.search(s) and \
            not (_TRANSLATED_LABEL.match(sentences[0]) and "," in sentences[0]) or \
            _translator_credit(s, n_words):
        return "publication_note"
    return None


# -- sixteenth round ------------------------------------------------------------------------------------------
# a caption numbered in a gallery or slideshow: "3/6 The last poplar belt on ...", "(2/8) ...", "Photo 4 of 12: ...",
# "Bild 3 von 6: ...", "Foto 2 de 8 - ...": an optional picture word, the picture's number, "/" or "of" in one of
# several languages, the count, then the caption
_GALLERY_OF = r"(?:/|of|von|de|sur|di|z|od|av|van|af|\u0438\u0437|\u043e\u0434|\u043e\u0442)"
_GALLERY_NUMBER = _rx(r"^(?P<open>[(\[]\s*)?(?:(?P<pic>" + _PICTURE_LABEL +
                      r"|photo|picture|image|imagen|immagine|slide|gallery|galerie|galer\u00eda|galerija|"
                      r"\u0433\u0430\u043b\u0435\u0440\u0438\u0458\u0430)\.?\s*)?"
                      r"(?P<n>\d{1,2})\s*" + _GALLERY_OF + r"\s*(?P<m>\d{1,2})\s*[)\]]?\s*[:.|\u00b7\u2013\u2014-]?"
                      r"\s+(?P<rest>\S.*)$")

# the auxiliaries of a clause, which a noun-phrase caption lacks ("3/6 The council has voted ..." is a dated entry)
_GALLERY_CLAUSE = _rx(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|shall|can|may|do|does|did|would|could|"
                      r"should|must|might)\b")


def _gallery_caption(s: str, n_words: int) -> bool:
    """``s`` is a caption numbered in a gallery or slideshow (``_GALLERY_NUMBER``): the picture's number at most
    the count (two to 99), then a caption of two to 30 words and at most two sentences, opening with a capital,
    without the words of an argument (``_NOT_SCENE``); after a bare "N/M" (no picture word, no bracket, no "of") -- a
    date looks so too -- a noun phrase (no final stop, no auxiliary: ``_GALLERY_CLAUSE``), a scene
    (``_scene``) or a caption ending on its credit (``_credit_tailed_caption``).

    Returns:
        A bool."""
    m = _GALLERY_NUMBER.match(s) if n_words <= 34 else None
    if m is None or not 1 <= int(m.group("n")) <= int(m.group("m")) or not 2 <= int(m.group("m")) <= 99:
        return False
    rest = m.group("rest")
    if not (2 <= len(_words(rest)) <= 30 and _capital_first(rest) and _sentence_count(rest.rstrip(".!?")) <= 1
            and not _NOT_SCENE.search(rest)):
        return False
    bare = not (m.group("open") or m.group("pic")) and "/" in s[:m.start("m")]
    return not bare or not (_GALLERY_CLAUSE.search(rest) or _ends_sentence(rest)) or _scene(rest) or \
        _credit_tailed_caption(rest, len(_words(rest)))


def _sixteenth_kind(s: str, n_words: int, n_chars: int) -> Optional[str]:
    """The kind of the sixteenth round's shapes that a line shows alone: a caption numbered in a gallery or slideshow
    ("3/6 The last poplar belt on the road from Be\u010dej to Novi Be\u010dej", "Bild 3 von 6: ...";
    ``_gallery_caption``; ``caption``); or None.

    Returns:
        One of ``KINDS`` (str) or None."""
    if n_chars <= 300 and _gallery_caption(s, n_words):
        return "caption"
    return None


# -- seventeenth round ----------------------------------------------------------------------------------------
# a section number set alone or before a short title: a Roman numeral ("I.", "IV"), or a number in any script ("2.",
# "\u0968.", "3)") followed by one to eight words
_ROMAN = r"(?:X{0,2}(?:IX|IV|V?I{0,3}))"
_SECTION_NUMBER = re.compile(r"^(?P<n>(?-i:" + _ROMAN + r")|\d{1,2})(?P<mark>[.)])?(?:\s+(?P<title>\S.*))?$")


def _section_part(part: str) -> Optional[str]:
    """The number of a numbered section heading ``part`` ("II.", "2. The technology is ready", "\u0968. ..."): a
    Roman numeral alone (with or without a stop), or a number with a stop or bracket, alone or before a title of
    one to eight words that opens with a capital (or in a script without case) and does not end like a sentence (a
    question mark allowed); else None.

    Returns:
        The number as typed (str) or None."""
    m = _SECTION_NUMBER.match(part)
    if m is None or not m.group("n"):
        return None
    title, roman = m.group("title"), not m.group("n").isdigit()
    if title is None:
        return m.group("n") if roman or m.group("mark") == "." else None
    if roman and not m.group("mark") or not 1 <= len(_words(title)) <= 8 or title[:1].islower() or \
            _ends_sentence(title.rstrip("?")) or title.rstrip().endswith((".", "!", ":", ",")):
        return None
    return m.group("n")


def _section_heading(s: str, n_chars: int) -> bool:
    """``s`` is a numbered section heading: a section number alone ("I.", "2."), or the same section number before
    a short title in each of two or three languages ("\u0968. \u0924\u0902\u0924\u094d\u0930\u091c\u094d\u091e\u093e\u0928
    \u0924\u092f\u093e\u0930 \u0906\u0939\u0947 \u00b7 2. The technology is ready"; ``_section_part``). A numbered
    title in one language is a list item as often as a heading and is left to the context rules.

    Returns:
        A bool."""
    if n_chars > 160:
        return False
    parts = [p.strip() for p in _QUESTION_PARTS.split(s)]
    numbers = [_section_part(p) for p in parts]
    if None in numbers or len(parts) > 3:
        return False
    if len(parts) == 1:
        return _SECTION_NUMBER.match(s).group("title") is None
    return len({int(n) if n.isdigit() else n for n in numbers}) == 1


# a chart, figure, table or map caption: its label in one of several languages, a number or a bare separator, then
# the caption; it counts when it is numbered ("Figure 1. ...", "Fig. 2 \u2013 ...") or ends on its source ("Graf: ...
# Zdroj: ...")
_FIGURE_LABEL = _rx(r"^(?:figure|fig\.|figura|figur|abbildung|abb\.|graf|grafik|graph|gr\u00e1fico|grafico|graphique|"
                    r"chart|diagram|diagramm|table|tableau|tabelle|tabla|tabela|map|mapa|karte|carte|obr\.|"
                    r"obr\u00e1zok|obr\u00e1zek|slika|kuva|kaavio|wykres|rycina|ryc\.|infographic|infografika|"
                    r"infograf\u00eda|exhibit|photo|picture|image|foto|fotografia|fotograf\u00eda|bild|slika|sawir|"
                    r"\u091b\u093e\u092f\u093e\u091a\u093f\u0924\u094d\u0930)(?:\s*(?P<n>\d{1,2}(?:\.\d{1,2})?[a-z]?))?\s*(?P<sep>[:.|\u2013\u2014])"
                    r"\s+(?P<rest>\S.*)$")
_SOURCE_END = _rx(r"(?:^|[.;)]\s+|\s[\u2013\u2014|\u00b7]\s+)(?:source|sources|data|fonte|fontes|fuente|fuentes|zdroj|"
                  r"zdroje|quelle|quellen|\u017ar\u00f3d\u0142o|bron|kilde|k\u00e4lla|l\u00e4hde|izvor|kaynak|"
                  r"forr\u00e1s|sursa|allikas|\u0161altinis|avots|vir|\u0438\u0441\u0442\u043e\u0447\u043d\u0438\u043a)"
                  r"\s*:\s*[^:]{1,100}$")


# the parts of a caption set in two languages ("\u091b\u093e\u092f\u093e\u091a\u093f\u0924\u094d\u0930 \u0967: ... \u00b7 Photo 1: ...")
_CAPTION_PARTS = re.compile(r"\s+[|\u00b7\u2022]\s+")


def _figure_caption(s: str, n_words: int) -> bool:
    """``s`` is a chart, figure, table or map caption (``_FIGURE_LABEL``) of two to 60 words, numbered or ending on
    its source (``_SOURCE_END``); "Figure skating is ..." or "Table salt ..." have no separator after the label.

    Returns:
        A bool."""
    m = _FIGURE_LABEL.match(s) if 3 <= n_words <= 60 else None
    if m is None or (m.group("sep") == "." and not m.group("n")):
        return False
    return bool(m.group("n")) or bool(_SOURCE_END.search(m.group("rest")))


# a note on where the text comes from: "This post draws on the Institute's submission to ...", "This commentary was
# first broadcast in Yoruba on ...", "Originally published in Marathi in ...", "An earlier version of this essay
# appeared in ...", "This essay is part of ...", "Adapted from ..."
_TEXT_NOUN = (r"(?:article|post|blog post|essay|piece|commentary|column|story|op-ed|text|report|analysis|talk|lecture|"
              r"episode|interview|review|feature|letter|speech|series|excerpt|extract|editorial)")
_SOURCE_NOTE = _rx(
    r"^(?:this|the following) (?:[\w-]+ ){0,2}?" + _TEXT_NOUN + r" (?:(?:draws|drew|builds|is based|was based) on|"
    r"is (?:adapted|excerpted|drawn|taken|condensed|abridged|translated|an excerpt|an extract) from|was "
    r"(?:first |originally )?(?:broadcast|aired|published|presented|delivered|given|adapted|read|written for)\b|"
    r"(?:is|forms) (?:part|one) of\b|(?:first|originally) (?:appeared|ran|aired)\b|appeared (?:first|originally)\b)|"
    r"^an? (?:earlier|shorter|longer|different|previous|abridged|edited) version of (?:this|the) (?:[\w-]+ ){0,2}?" +
    _TEXT_NOUN + r" (?:appeared|ran|aired|was (?:published|broadcast|aired|presented))\b|"
    r"^(?:originally|first) (?:published|broadcast|aired|appeared|delivered|presented)\b|"
    r"^(?:adapted|excerpted|abridged|reprinted|republished) (?:from|with permission)\b")
# an update note after its label, in one language or several ("Apdet / Mise \u00e0 jour / Update: this article was
# updated on ...")
_UPDATE_LABELLED = _rx(
    r"^(?:[^\W\d_][\w'\u2019]*(?: [^\W\d_][\w'\u2019]*){0,2}\s*/\s*){0,3}(?:update|updated|editor['\u2019]s note|"
    r"mise \u00e0 jour|actualizaci\u00f3n|atualiza\u00e7\u00e3o|aggiornamento|aktualisierung|aktualizacja|"
    r"update)(?: \([^)]{1,30}\))?\s*:\s*(?:this|the) " + _TEXT_NOUN + r" (?:was|has been|is) (?:updated|amended|"
    r"changed|corrected|revised)\b")


def _source_note(s: str, n_words: int, n_chars: int) -> bool:
    """``s`` is a note on the source of the text (``_SOURCE_NOTE``), also as the last part of a line set in two
    languages, of at most three sentences and 50 words without the words of an argument (``_NOTE_ARGUES``), or an
    update note after its label in one or several languages (``_UPDATE_LABELLED``).

    Returns:
        A bool."""
    if n_words > 50 or n_chars > 360:
        return False
    if _UPDATE_LABELLED.match(s):
        return True
    last = re.split(r"\s+[|\u00b7\u2022]\s+", s)[-1]
    return len([p for p in _SENTENCE_END.split(last) if p]) <= 3 and bool(_SOURCE_NOTE.match(last)) and \
        not _NOTE_ARGUES.search(s)


# a sponsored or advertisement label in other languages, before the ad's text
_AD_LABEL = _rx(r"^(?:xayeysiis|sponzorovan[\u00e9\u00fd\u00e1]|sponzorov\u00e1no|sponzorirano|sponsorowane|"
                r"sponsoreret|sponset|sponsrad|sponsoroitu|sponsorizzato|sponsoris\u00e9|gesponsert|gesponsord|"
                r"patrocinado|patrocinat|\u0440\u0435\u043a\u043b\u0430\u043c\u0430|iklan|tangazo|ipol\u00f3w\u00f3|"
                r"hirdet\u00e9s|rekl\u0101ma|an\u00fancio|publicidad|pubblicit\u00e0|advertentie|mainos|oglas)"
                r"(?: [^\W\d_][\w'\u2019]*){0,3}\s*[:\u00b7|\u2013\u2014]\s*\S")
# an embedded chart, video or post that the reader cannot show, as a bracketed placeholder
_EMBED_PLACEHOLDER = _rx(r"\b(?:embedded|embed|interactive (?:chart|graphic|map|content)|cannot be (?:shown|displayed|"
                         r"loaded)|can['\u2019]t be (?:shown|displayed|loaded))\b")


def _seventeenth_kind(s: str, n_words: int, n_chars: int) -> Optional[str]:
    """The kind of the seventeenth round's shapes that a line shows alone: a numbered section heading
    (``_section_heading``; ``heading``), a chart or figure caption (``_figure_caption``; ``caption``), a note on
    the source of the text or a labelled update note (``_source_note``; ``publication_note``), an advertisement
    label in another language (``_AD_LABEL``; ``advertisement``) and a bracketed placeholder of embedded content
    (``navigation``); or None.

    Returns:
        One of ``KINDS`` (str) or None."""
    if _section_heading(s, n_chars):
        return "heading"
    if any(_figure_caption(p, len(_words(p))) for p in _CAPTION_PARTS.split(s)):
        return "caption"
    if _source_note(s, n_words, n_chars):
        return "publication_note"
    if n_words <= 30 and _AD_LABEL.match(s):
        return "advertisement"
    if _bracketed(s, n_chars) and s.startswith("[") and n_words <= 30 and _EMBED_PLACEHOLDER.search(s):
        return "navigation"
    return None


def _bracketed(s: str, n_chars: int) -> bool:
    """True for a line of at most 400 characters that ends with "]" and holds one "[": a note, a placeholder or a
    picture's description in square brackets.

    Returns:
        A bool."""
    return n_chars <= 400 and s.endswith("]") and s.count("[") == 1


def _thirteenth_kind(s: str, n_words: int, n_chars: int) -> Optional[str]:
    """The kind of the thirteenth round's shapes: a bracketed note that the text is an (edited) transcript
    (``publication_note``), an editing system's placeholder ("[Insert related: ...]"; ``related`` for a related
    link, else ``navigation``), an ad slot marker in brackets (``advertisement``) and the reader's log-in status
    ("Logged in as ...", in several languages; ``navigation``); or None.

    Returns:
        One of ``KINDS`` (str) or None."""
    if _bracketed(s, n_chars):
        if _TRANSCRIPT_NOTE.match(s):
            return "publication_note"
        placeholder = _CMS_PLACEHOLDER.match(s)
        if placeholder:
            return "related" if placeholder.group("what").lower() in ("related", "link", "read also") else \
                "navigation"
        if n_words <= 12 and _AD_SLOT.match(s):
            return "advertisement"
    if n_words <= 15 and n_chars <= 160 and _LOGGED_IN.match(s):
        return "navigation"
    return None


def _twelfth_kind(s: str, n_words: int, n_chars: int) -> Optional[str]:
    """The kind of the twelfth round's shapes: a picture's description in square brackets (``caption``), a
    translator's note, a bare note or an update in square brackets (``publication_note``), or a disclaimer that
    the views are the writer's and not the outlet's (``disclaimer``, also one part of a line in several languages);
    or None.

    Returns:
        One of ``KINDS`` (str) or None."""
    bracketed = _bracketed(s, n_chars)
    if bracketed and _BRACKETED_CAPTION.match(s):
        return "caption"
    if bracketed and _BRACKETED_NOTE.match(s):
        return "publication_note"
    if n_words <= 25 and _NOT_THE_OUTLETS.match(s):
        return "disclaimer"
    return None


def _eleventh_kind(s: str, n_words: int, n_chars: int) -> Optional[str]:
    """The kind of the eleventh round's shapes: a browser print header or footer (``navigation``), a note that
    readers write the page's essays (``disclaimer``), comment moderation or a comment count with who may comment
    (``comment_prompt``), a newsletter promo ending on its sign-up call or arrow link (``newsletter``); or None.

    Returns:
        One of ``KINDS`` (str) or None."""
    if n_chars <= 250 and (_PRINT_FOOTER.match(s) or _PRINT_HEADER.match(s)):
        return "navigation"
    if n_chars <= 300 and _CREDIT_FIRST.match(s):
        return "caption"
    if _HASHTAGS.match(s):
        return "tags"
    if n_chars <= 320 and _CONSENT_TOPIC.search(s) and _BUTTONS_END.search(s):
        return "navigation"
    if n_chars <= 250 and (_READER_WRITTEN.search(s) or n_words <= 20 and _OWN_OPINION.search(s)):
        return "disclaimer"
    if n_words <= 25 and (_MODERATION.search(s) or (_COMMENT_COUNT.match(s) or _NAME_REQUIRED.search(s)) and
                          _COMMENT_STEM.search(s)):
        return "comment_prompt"
    if n_words <= 30 and n_chars <= 250 and _SIGNUP_END.search(s) and _NEWSLETTER_WORD.search(s):
        return "newsletter"
    return None


def _later_round_kind(s: str, n_words: int, n_chars: int) -> Optional[str]:
    """``copyright`` for a footer line with a copyright sign or word, else the kind of the eleventh to seventeenth
    rounds' shapes, the latest round first; or None.

    Returns:
        One of ``KINDS`` (str) or None."""
    if n_chars <= 400 and _COPYRIGHT.search(s):
        return "copyright"
    for round_kind in (_seventeenth_kind, _sixteenth_kind, _fifteenth_kind, _fourteenth_kind, _thirteenth_kind, _twelfth_kind,
                       _eleventh_kind):
        kind = round_kind(s, n_words, n_chars)
        if kind:
            return kind
    return None


def _keyword_kind(s: str, words: List[str], n_chars: int, ends_stop: bool) -> Optional[str]:
    """The kind a line's keywords give (copyright, comment_prompt, ..., a link bar), most specific first, or None."""
    n_words = len(words)
    kind = _later_round_kind(s, n_words, n_chars)
    if kind:
        return kind
    if n_chars <= 250 and (_COMMENT.search(s) or _COMMENT_MORE.search(s) or _COMMENT_WHO.search(s)):
        return "comment_prompt"
    if n_words <= 8 and _ADVERT.search(s) or n_words <= 20 and _SPONSOR.match(s) or \
            n_words <= 40 and _WRITE_FOR_US.match(s) or n_words <= 30 and _promo(s):
        return "advertisement"
    if n_chars <= 160 and _TIMESTAMP.search(s):
        return "timestamp"
    if n_chars <= 60 and _DATELINE.match(s):
        return "dateline"
    if n_chars <= 300 and _CAPTION_START.search(s):
        return "caption"
    if n_chars <= 400 and (not ends_stop and _CAPTION_END.search(s) or _SOURCE_TAIL.search(s)):
        return "caption"
    if n_words <= 12 and n_chars <= 120 and (_CREDIT.search(s) or _CREDIT_ONLY.match(s)):
        return "credit"
    m = _RELATED.match(s)
    if m and n_chars <= 250:
        rest = m.group("rest").strip()
        if _ALWAYS_RELATED.match(s) or not rest or not ends_stop or n_words <= 12 or rest[:1] in ":|>\u00bb\u2192-\u2013\u2014":
            return "related"
    if n_chars <= 200 and _SHARE.search(s):
        return "share"
    if n_words <= 10 and words and all(w.lower() in _SHARE_WORDS for w in words) and any(
            w.lower() in ("share", "tweet", "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest",
                          "email", "print", "copy", "link", "save", "bookmark") for w in words) and not ends_stop:
        return "share"
    if n_chars <= 250 and n_words <= 30 and (_NEWSLETTER.search(s) or _MAILING.search(s) or _SMS_SERVICE.match(s) or
                                             _bilingual_newsletter(s) or _channel_promo(s)):
        return "newsletter"
    if _disclaimer(s, n_words, n_chars):
        return "disclaimer"
    if n_chars <= 300 and (_PUBNOTE.search(s) or _CORRECTION.search(s)):
        return "publication_note"
    if n_chars <= 200 and (_TAGS.search(s) or _TAGS_HEADER.match(s)):
        return "tags"
    if n_chars <= 200 and _CONTACT.search(s) or n_chars <= 320 and (_LETTERS.search(s) or _SUBMIT_TO.search(s)) or \
            n_words <= 40 and _ADDRESS.search(s) and _ADDRESS_VERB.search(s):
        return "contact"
    if n_words <= 6 and (_NAV_WHOLE.match(s) or (not ends_stop and _NAVIGATION.match(s))):
        return "navigation"
    if n_chars <= 200 and _NAVIGATION.match(s) and re.match(
            r"(?i)^(?:skip to|we use cookies|this (?:site|website) uses cookies|(?:please )?enable javascript|"
            r"your browser|accept (?:all )?cookies|manage cookies|cookie|page \d+ of \d+)", s):
        return "navigation"
    if n_words <= 8 and _SECTION.match(s):
        return "section"
    if n_words <= 8 and (_LANG_LINK.match(s) or _POWERED.match(s)):
        return "navigation"
    if n_chars <= 300 and " " in s:
        bar = _link_bar(s)
        if bar:
            return bar
    return _call_kind(s, n_words)


def _disclaimer(s: str, n_words: int, n_chars: int) -> bool:
    """``s`` is a disclaimer: the views are the writer's own (in any of the wordings and languages of the
    ``_DISCLAIMER*`` patterns; ``_DISCLAIMER_SPEAK`` only without the words of an argument), a funding
    disclosure or an academic note, a cookie-consent notice or its buttons."""
    return n_chars <= 250 and (any(rx.search(s) for rx in (_DISCLAIMER, _DISCLAIMER_MORE, _DISCLAIMER_ABROAD,
                                                           _DISCLAIMER_OWN, _DISCLAIMER_EAST, _DISCLAIMER_SHARED,
                                                           _DISCLAIMER_NORTH, _DISCLAIMER_SOLE)) or
                               bool(_DISCLAIMER_SPEAK.search(s)) and not _SPEAK_ARGUES.search(s)) or \
        n_chars <= 400 and bool(_DISCLOSURE.search(s) or _ACADEMIC_NOTE.search(s)) or \
        n_chars <= 320 and bool((_CONSENT.search(s) or _CONSENT_ABROAD.search(s)) and _CONSENT_TOPIC.search(s)) or \
        n_words <= 8 and bool(_CONSENT_BUTTONS.match(s))


def _bilingual_newsletter(s: str) -> bool:
    """``s`` offers a newsletter in two languages set apart by a slash or a bar ("Gaukite ... el. pa\u0161tu / Get the
    day's top stories by e-mail \u2013 Prenumeruoti"): one of the two halves is a sign-up (``_NEWSLETTER``,
    ``_NEWSLETTER_ABROAD``)."""
    parts = _BILINGUAL.split(s)
    return _NEWSLETTER_ABROAD.search(s) is not None or len(parts) == 2 and any(
        _NEWSLETTER.search(part) or _NEWSLETTER_ABROAD.search(part) for part in parts)


def _promo(s: str) -> bool:
    """``s`` sells something (a line of at most 30 words): a paywall or metering notice, a membership or subscription
    offer with a price (``_offer``), a line under a sponsor's label, or a mobile operator's or the outlet's app
    promo without the words of a sentence of the body (``_PROMO_BODY``); or a podcast promo or a paywall notice in
    another language without the words of an argument (``_PROMO_ARGUES``)."""
    return bool(_PAYWALL.search(s) or _PRICE_PROMO.search(s) or _offer(s) or _PROMO_LABEL.match(s)) or bool(
        (_TELECOM_PROMO.search(s) or _APP_PROMO.search(s)) and not _PROMO_BODY.search(s)) or bool(
        (_PODCAST_PROMO.search(s) or _PAYWALL_ABROAD.search(s)) and not _PROMO_ARGUES.search(s))


def _channel_promo(s: str) -> bool:
    """``s`` offers the outlet's news on a messaging app (``_CHANNEL_CALL`` with a word of news or of a channel,
    ``_CHANNEL_NEWS``), without the words of an argument (``_PROMO_ARGUES``)."""
    return bool(_CHANNEL_CALL.search(s) and _CHANNEL_NEWS.search(s)) and not _PROMO_ARGUES.search(s)


def _offer(s: str) -> bool:
    """``s`` offers a subscription (``_OFFER``), with no modal, pronoun, conjunction or copula of a sentence of the
    body about prices ("Premium access for $3 a week is a bargain")."""
    return bool(_OFFER.search(s)) and not (_HERE_BODY.search(s) or _COPULA.search(s))


def _call_kind(s: str, n_words: int) -> Optional[str]:
    """The kind of a line that points the reader elsewhere: a bare header over the outlet's other articles (also
    after the same header in another language: "Eisini áhugavert / Also of interest") or a
    "read also" line in another language (``related``), a link's call to act ending in "here" (``navigation``), an
    appeal for donations (``advertisement``: an imperative "donate" with a reason to keep the paper going); or
    None."""
    if n_words <= 8 and (_RELATED_HEADER.match(s) or any(_bare_related(part) for part in _BILINGUAL.split(s))) or \
            n_words <= 30 and (_RELATED_LABEL.match(s) or _RELATED_ABROAD.match(s) or _labelled_related(s)):
        return "related"
    if 5 <= n_words <= 18 and _HERE_LINK.match(s) and not _HERE_BODY.search(s):
        return "navigation"
    if n_words <= 40 and (_APPEAL_GIVE.search(s) and _APPEAL_KEEP.search(s) or _LEGACY.search(s)):
        return "advertisement"
    return None


def _labelled_related(s: str) -> bool:
    """``s`` is a related link whose English label follows the same label in another language and a slash or a
    bar ("\u5ef6\u4f38\u95b1\u8b80 / Further reading: <headline>", "Ridim tu / Read too: <headline>")."""
    m = _OTHER_LANGUAGE_LABEL.match(s)
    return m is not None and bool(_ALWAYS_RELATED.match(s[m.end():]) or _RELATED_LABEL.match(s[m.end():]))


def _bare_related(s: str) -> bool:
    """``s`` is a bare header over related articles, alone or as one half of a header in two languages ("Susij\u0119
    straipsniai / Related articles", "Sigue leyendo"): a ``_RELATED_BARE`` header, or a ``_RELATED`` one with nothing
    after it."""
    m = _RELATED.match(s)
    return bool(_RELATED_BARE.match(s)) or m is not None and not m.group("rest").strip(" :")


def _byline_kind(s: str, n_words: int, n_chars: int, ends_stop: bool, near: bool) -> Optional[str]:
    """"byline" or "author_bio" for a line that names the author (``near``: near the start or end), or None."""
    if n_words <= 16 and n_chars <= 160:
        m = _BYLINE_LEAD.match(s)
        if m and _looks_like_name_list(m.group("rest")):
            return "byline"
        if _AUTHOR_LABEL.match(s):
            return "byline"
        if n_words <= 12 and not ends_stop and _SHORT_BYLINE_ROLE.match(s):
            return "byline"
    if near and n_words <= 80 and n_chars <= 600:
        m = _BIO.match(s)
        if m and _BIO_ROLE.match(m.group("rest")) and _BIO_SIGNAL.search(s):
            name_tokens = [t for t in m.group("name").split() if t.lower() not in _NAME_PARTICLES]
            if all(t[0].isupper() for t in name_tokens) and not any(
                    t.lower().strip(".") in _STOPWORDS for t in name_tokens):
                return "author_bio"
    return None


def _shape_kind(s: str, words: List[str], *, position: int, n_lines: int, continues: bool) -> Optional[str]:
    """"title" or "heading" by the line's shape (capitals, no final stop, its position), or None."""
    n_words, n_chars = len(words), len(s)
    if continues or n_lines < 2 or n_words == 0:
        return None
    first = s[0]
    if not (first.isupper() or first.isdigit() or first in "\"'\u201c\u2018\u00ab\u201e\u00bf\u00a1[(" or
            not first.isalpha() and any(ch.isupper() for ch in s[:3])):
        if first.isalpha() and first.islower():
            return None
    core_end = s.rstrip(_CLOSERS)
    if position == 0:
        if n_words <= 20 and n_chars <= 200 and not _FINAL_STOP.search(core_end):
            return "title"
        # a one-line first paragraph that ends like a sentence is content, not a headline
        return None
    letters = [ch for ch in s if ch.isalpha()]
    all_caps = len(letters) >= 4 and all(ch.isupper() for ch in letters if ch.lower() != ch.upper())
    asks = all_caps and core_end.endswith("?")  # "HOW MUCH IS IT COSTING US?": a subheading set in capitals
    if all_caps and 2 <= n_words <= 14 and n_chars <= 120 and position < n_lines - 1 and \
            (not _FINAL_ANY.search(core_end) or core_end.endswith(":")):
        return "heading"  # "WHO PAYS: THE TOWN OR THE STATE", "THE COST:" (a comment shouting a sentence ends it)
    if n_words <= 10 and n_chars <= 90 and (asks or not _FINAL_ANY.search(core_end)) and position < n_lines - 1:
        content = [w for w in words if w.lower() not in _STOPWORDS]
        if not content:
            return None
        caps = sum(1 for w in content if _is_cap(w))
        if all_caps or (caps / len(content) >= 0.75 and len(content) >= 2):
            return "heading"
    return None


def _continues(text: str, spans: List[Span], i: int) -> bool:
    """Line ``i`` is hard-wrapped into the next line: the next line is non-blank and goes on mid-sentence."""
    if i + 1 >= len(spans):
        return False
    ns, ne = spans[i + 1]
    nxt = text[ns:ne].strip()
    if not nxt:
        return False
    cur = text[spans[i][0]:spans[i][1]].rstrip()
    if cur.endswith(("-", ",", "\u2013", "\u2014", "(", "/")):
        return True
    first = nxt[0]
    if first.isalpha() and first.islower():
        return True
    # e-mail style wrapping: a long line that stops mid-sentence, straight followed by another long line
    return len(cur) >= 55 and not _ends_sentence(cur) and len(nxt) >= 40


#: environment variable: set to ``rules`` (or ``0``/``off``/``false``) to use the rules only, by default
LEARNED_ENV = "ARGMINE_NOISE_LEARNED"
#: the default for ``noise_lines(..., learned=None)``; ``set_learned`` changes it (the environment variable
#: ``ARGMINE_NOISE_LEARNED`` is read when this is ``None``)
_LEARNED_DEFAULT: Optional[bool] = None


def set_learned(enabled: Optional[bool]) -> None:
    """Switch the learned line classifier (``argmine.boilerplate``) on or off for every later call of
    ``noise_lines`` / ``noise_spans`` that does not say; ``None`` goes back to the environment variable
    ``ARGMINE_NOISE_LEARNED`` (``rules``, ``0``, ``off``, ``false``, ``no`` = rules only), which defaults to on.

    Raises:
        ArgumentTypeError: ``enabled`` is neither a bool nor None (E111)."""
    global _LEARNED_DEFAULT
    if enabled is not None and not isinstance(enabled, bool):
        raise ArgumentTypeError(f"enabled must be a bool or None; got {type(enabled).__name__}")
    _LEARNED_DEFAULT = enabled


def learned_enabled() -> bool:
    """Whether ``noise_lines`` uses the learned line classifier when its ``learned`` argument is ``None``.

    Returns:
        True or False."""
    if _LEARNED_DEFAULT is not None:
        return _LEARNED_DEFAULT
    return os.environ.get(LEARNED_ENV, "").strip().lower() not in ("rules", "0", "off", "false", "no")


def noise_lines(text: str, *, learned=None, threshold: Optional[float] = None) -> List[Tuple[int, int, str]]:
    """``(start, end, kind)`` of every line of ``text`` judged to be page noise, in text order.

    Spans are trimmed of the line's surrounding whitespace and never include line breaks. Each line is first
    judged alone (``classify_line``); then its neighbours decide a few more (see ``_in_context``). Then the learned
    line classifier (``argmine.boilerplate``) may add lines the rules left: a line is noise when the rules say so
    or when the model's furniture probability is at least its threshold (chosen on dev data; ``threshold``
    overrides it). The model only judges lines that stand alone -- not the lines of a hard-wrapped paragraph, nor
    the only line of a one-line text -- and only in a text with at least two paragraphs of prose (20 words ending
    like a sentence, or two sentences of 12 words or more): a list of short sentences is not a page; nor a text
    without furniture the rules know, typed one sentence a paragraph. It leaves to the rules a statement that argues
    (modal and negation words: "should", "not", "sollte", ...), a one-word question or quote, a sentence right
    below an advertisement marker, and a question someone in the story asks, set in quote marks as a paragraph. A
    page -- the rules found furniture above its first paragraph of prose -- is judged by the model fitted on real
    marked pages too; any other text by the one fitted on synthetic pages only
    (``argmine.boilerplate.load_text_model``).

    ``learned``: ``None`` (default) follows ``set_learned`` / the ``ARGMINE_NOISE_LEARNED`` environment variable
    (on unless set to ``rules``); ``False`` = rules only; ``True`` = rules and the shipped model; or a
    ``argmine.boilerplate.LineModel`` to use instead of the shipped one.

    Returns:
        A list of ``(start, end, kind)``: character offsets (end exclusive) and one of ``KINDS``, in text order.

    Raises:
        ArgumentTypeError: ``text`` is not a str (E111).
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"text must be a str; got {type(text).__name__}")
    if learned is None:
        learned = learned_enabled()
    raw = [strip_span(text, s, e) for s, e in line_spans(text)]
    order = [i for i, (s, e) in enumerate(raw) if s < e]  # indices (into raw) of the non-blank lines
    n = len(order)
    # continuation is judged on consecutive raw lines, so a blank line ends a paragraph
    cont = {i: _continues(text, raw, i) for i in order}
    kinds: Dict[int, str] = {}
    for pos, i in enumerate(order):
        kind = classify_line(text[raw[i][0]:raw[i][1]], position=pos, n_lines=n, continues=cont[i])
        if kind is not None:
            kinds[i] = kind
    if n > 1:
        _in_context([_core(text[s:e]) for s, e in raw], order, kinds)
    if learned is not False and n > 1:  # a one-line text is what the user wants mined, never furniture
        _add_learned(text, raw, order, cont, kinds, learned, threshold)
    if n > 1:
        _standfirst(text, raw, order, cont, kinds)
        lines = [_core(text[s:e]) for s, e in raw]
        _foot_bios(lines, order, kinds)  # again: a bio above lines only the learned classifier flagged
        _bio_tail(lines, order, kinds)
        _correction_follow_ups(lines, order, kinds)
        _headline_lists(lines, order, kinds)
        _foot_headlines(lines, order, kinds)
        _furniture_runs(lines, order, kinds)
        _byline_bios(lines, order, kinds)
        _twins(lines, order, kinds)  # after the foot blocks and the byline's bios, which find the English bios first
        _head_dateline(lines, order, kinds)
        _head_role_bios(lines, order, kinds)
        _between_paragraphs(lines, order, kinds, [i for i in order if _pull_led(text[raw[i][0]:raw[i][1]])])
    return [(raw[i][0], raw[i][1], kinds[i]) for i in order if i in kinds]


# a whole line set in Markdown italics or bold: "*Painted lines do not protect riders.*", "_..._"
_EMPHASISED_LINE = re.compile(r"^(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1$")
_STANDFIRST_MAX_WORDS = 35


def _standfirst(text: str, raw: List[Span], order: List[int], cont: Dict[int, bool], kinds: Dict[int, str]) -> None:
    """Flag (in ``kinds``) the standfirst of a pasted text as ``title``, part of the title block: the line right
    under the headline (the first line, a ``title``), of at most 35 words, starting with a capital and not wrapped
    into the next line, that reads as a summary rather than the opening: set in italics (``*...*``, ``_..._``),
    right above a byline or a timestamp, or -- in a text whose body lines all end like sentences, two or more --
    a line of 8 words or more without a final stop (a text typed without full stops keeps its first line)."""
    if len(order) < 3 or kinds.get(order[0]) != "title" or order[1] in kinds or cont[order[1]]:
        return
    line = text[raw[order[1]][0]:raw[order[1]][1]]
    s = _core(line)
    n_words = len(_words(s))
    if not (0 < n_words <= _STANDFIRST_MAX_WORDS and len(s) <= 300 and _starts_upper(s)):
        return
    body = [_core(text[raw[j][0]:raw[j][1]]) for j in order[2:] if j not in kinds]
    if not body:
        return  # nothing below it to mine: it is the text
    unstopped = n_words >= 8 and _no_final_stop(s, allow_questions=False) and len(body) >= 2 and \
        all(_ends_sentence(b) for b in body)
    if _EMPHASISED_LINE.match(line) or kinds.get(order[2]) in ("byline", "timestamp") or unstopped:
        kinds[order[1]] = "title"


def _add_learned(text: str, raw: List[Span], order: List[int], cont: Dict[int, bool], kinds: Dict[int, str],
                 learned, threshold: Optional[float]) -> None:
    """Flag (in ``kinds``) the lines the learned classifier judges furniture among those the rules left."""
    from .boilerplate import LineModel, after_body, is_prose, load_model, load_text_model

    blocks = _wrapped_blocks(text, raw, order, cont)
    if not kinds and all(_sentence_count(b) <= 1 for b in blocks):
        return  # no furniture the rules know and one sentence a paragraph: an argument typed line by line, not a page
    prose = [is_prose(b) or _sentence_count(b) >= 2 and len(_words(b)) >= 12 for b in blocks]
    if len({b for b, p in zip(blocks, prose) if p}) < 2:
        return  # fewer than two paragraphs of prose: short sentences (a comment, a microtext), not a page: rules only
    # a page (the rules found furniture above its first paragraph of prose: a headline, a byline, ...) gets the model
    # fitted on real marked pages too; any other text the model fitted on synthetic pages only (it does not take a
    # first line for a headline, nor short paragraphs above a bio for the page foot)
    page = any(i in kinds for i in order[:prose.index(True)])
    model = learned if isinstance(learned, LineModel) else load_model() if page else load_text_model()
    tail = after_body(blocks)
    todo, positions = [], []
    for pos, i in enumerate(order):
        if i in kinds or cont[i] or (pos > 0 and order[pos - 1] == i - 1 and cont[order[pos - 1]]):
            continue  # flagged already, or a line of a hard-wrapped paragraph
        if _body_sentence_for_the_model(text[raw[i][0]:raw[i][1]], kinds.get(order[pos - 1]) if pos else None) or \
                _body_question(text, raw, order, pos) or _quoted_question(text, raw, order, pos):
            continue
        todo.append(i)
        positions.append(pos)
    if not todo:
        return
    pred = model.predict([text[raw[i][0]:raw[i][1]] for i in todo], positions, len(order),
                         [tail[p] for p in positions], threshold=threshold)
    for i, kind in zip(todo, pred):
        if kind is not None:
            kinds[i] = kind if kind in KINDS else "navigation"


# the words of an argument in a statement ("A map in a drawer protects no one.")
_ARGUES_MID = _rx(r"\b(?:should|must|ought|cannot|can['\u2019]t|won['\u2019]t|no one|nobody|never|nothing|not|"
                  r"sollte|sollten|muss|m\u00fcssen|nicht|debe|deben|deber\u00eda|deber\u00edan|doit|doivent|devrait|"
                  r"devraient|deve|devono|dovrebbe|moet|moeten|niet|powinien|powinna|powinno|nie)\b")


def _body_sentence_for_the_model(line: str, kind_above: Optional[str]) -> bool:
    """A line the learned classifier does not judge (the rules alone do): a sentence (ending with a full stop,
    question or exclamation mark) of one word, asked or in quote marks ("Shocking?", "\"No.\""); right below
    an advertisement marker -- the text resumes after an ad slot -- or a statement ending with a full stop that
    carries the words of an argument (``_ARGUES_MID``: "should", "not", "no one", "sollte", "debe", ...), which a
    caption, a subheading or a bio does not (a disclaimer does, and the rules know those).

    Returns:
        True when the model must leave the line to the rules."""
    s = _core(line).rstrip(_CLOSERS)
    if not s or s[-1] not in ".?!\u3002\u0964\u061f\uff01\uff1f":
        return False
    if len(_words(s)) == 1 and (s.endswith("?") or line.strip()[:1] in _OPEN_QUOTE):
        return True  # "Shocking?", "\"No.\"": one word of the writer's, asked or quoted
    return kind_above == "advertisement" or s.endswith(".") and bool(_ARGUES_MID.search(s))


# a question of the body that reads as the writer's sentence, not a subheading: it carries a clause of its own
# ("... a shelter that nobody owns?", "... when the rains come?") or a negative indefinite ("nobody", "nothing")
_CLAUSE_QUESTION = _rx(r"^\S+(?:\s+\S+)+?\s+(?:that|which|whom|because|unless|until|while|when|if)\s+\S+\s+\S+"
                       r"|\b(?:nobody|no one|nothing|never|none)\b")


def _body_question(text: str, raw: List[Span], order: List[int], pos: int) -> bool:
    """The ``pos``-th non-blank line is a question paragraph of the body, which the learned classifier must leave to
    the rules: one line standing alone between blank lines, a single English question of six to 20 words written as
    the writer's sentence (``_CLAUSE_QUESTION``: a clause of its own or a negative indefinite, "Who repairs a
    shelter that nobody owns?"), starting with a capital and not set in capitals or title case, not in two
    languages (" / "), with a paragraph of prose right below it and one somewhere above it. A question subheading
    ("What would it cost?", "Why should the registry lose its fees?") asks in a few plain words and stays the
    model's; the rules' own question subheadings (``_question_headings``) come later and still apply.

    Returns:
        True when the line is such a question."""
    if not 0 < pos < len(order) - 1 or not _alone(order, pos):
        return False
    line = lambda p: _core(text[raw[order[p]][0]:raw[order[p]][1]])  # noqa: E731
    s = line(pos).rstrip(_CLOSERS)
    words = _words(s)
    if not (s.endswith("?") and s.count("?") == 1 and 6 <= len(words) <= 20 and s[:1].isupper()) or \
            _BILINGUAL.search(s) or _foreign_script(s) or s.isupper() or \
            sum(w[:1].isupper() for w in words) * 2 > len(words):
        return False
    return bool(_CLAUSE_QUESTION.search(s)) and _prose(line(pos + 1)) and any(_prose(line(p)) for p in range(pos))


def _quoted_question(text: str, raw: List[Span], order: List[int], pos: int) -> bool:
    """Fifteenth round: the ``pos``-th non-blank line is a question someone asks in the story, set as a paragraph of
    its own in quote marks ("\"Can we grow potatoes next?\""), which the learned classifier must leave to the rules:
    one quotation from end to end (``_wholly_quoted``) of two to 15 words holding one question mark, right before
    its closing quote mark, that speaks as someone does (a pronoun or a word pointing back, ``_BODY_QUESTION``:
    "we", "you", "it", "this"), with a paragraph of prose right below it and one of the two lines above it. A
    quoted question without them ("\"Who pays for the extra hours?\"") stays the model's; a question subheading set
    in quote marks stays the rules' (``_question_headings``), as does a pull quote that repeats the body
    (``_pull_quotes``).

    Returns:
        True when the line is such a question."""
    if not 0 < pos < len(order) - 1:
        return False
    line = lambda p: _core(text[raw[order[p]][0]:raw[order[p]][1]])  # noqa: E731
    s = line(pos)
    if s[:1] not in _OPEN_QUOTE or not _wholly_quoted(s) or s.count("?") != 1 or \
            not s.rstrip(" .,").rstrip(_CLOSE_QUOTE).endswith("?") or not 2 <= len(_words(s)) <= 15 or \
            not _BODY_QUESTION.search(s):
        return False
    return _prose(line(pos + 1)) and any(_prose(line(p)) for p in range(max(0, pos - 2), pos))

def _sentence_count(s: str) -> int:
    return len(re.findall(r"[.!?][\"'\u201d\u2019)]*(?:\s+|$)", s.strip()))


def _wrapped_blocks(text: str, raw: List[Span], order: List[int], cont: Dict[int, bool]) -> List[str]:
    """For each non-blank line, the text of its hard-wrapped paragraph (the line itself when it stands alone)."""
    out: List[str] = []
    start = 0
    for pos, i in enumerate(order):
        if not (pos + 1 < len(order) and cont[i] and order[pos + 1] == i + 1):
            block = " ".join(text[raw[j][0]:raw[j][1]] for j in order[start:pos + 1])
            out += [block] * (pos + 1 - start)
            start = pos + 1
    return out


# -- context: what a line's neighbours say ----------------------------------------------------------------------
_LIST_KINDS = ("related", "tags", "navigation")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+\S")  # "## Who pays?": a Markdown subheading
_NUMBERED = re.compile(r"\d{1,2}[.)]\s+\S")
_ITEM_END = re.compile(r"[.\u3002\u0964\u06d4,;:\u2026]$")


def _no_final_stop(s: str, *, allow_questions: bool) -> bool:
    t = s.rstrip(_CLOSERS)
    return bool(t) and not (_ITEM_END if allow_questions else _FINAL_ANY).search(t)


def _starts_upper(s: str) -> bool:
    return not (s[:1].isalpha() and s[:1].islower())


# verbs of a working life, in the present or past ("<Name> keeps six hundred hens ...", "<Name> rode for a delivery
# app ...") and after "has" ("<Name> has dived ...")
_LIFE_VERB = (r"(?:keeps|farms|hunts|sews|fishes|rides|rode|drives|drove|grows|raises|breeds|dives|builds|trains|"
              r"coaches|nurses|treats|studied|taught|presents|hosts|sails|guides|herds|weaves|cooks|bakes|repairs|"
              r"restores|mentors|tutors|photographs|farmed|fished|hunted|nursed|coached|sailed|drove|trained|"
              r"moved|returned|spent|ran|led)")
_LIFE_DONE = (r"dived|farmed|fished|hunted|sailed|nursed|treated|coached|studied|photographed|taught|guided|"
              r"herded|mentored|tutored|driven|ridden|kept|grown|raised|repaired|restored|moved|returned")
# an author bio in the page foot, in wordings beyond "<Name> is a <role> ...": "<Name> heads the ... desk of ...",
# "<Name> chairs the ... association" -- judged only in the run of noise after the last body line
_FOOT_BIO = re.compile(
    r"^(?P<name>(?:Dr\.?\s+|Prof\.?\s+)?[^\W\d_a-z][\w.'\u2019-]*(?:\s+(?:[^\W\d_a-z][\w.'\u2019-]*|de|da|del|dela|"
    r"della|"
    r"der|dos|das|du|di|van|von|la|le|ten|ter|bin|ibn)){1,3})(?:\s+\([^()]{1,40}\))?\s+(?:is|was|heads|chairs|"
    r"leads|runs|directs|edits|coordinates|"
    r"lives|teaches|works|worked|served|serves|sits|studies|writes|covers|owns|founded|co-founded|advises|lectures|"
    r"manages|represents|researches|campaigns|volunteers|organi[sz]es|practi[sc]es|cares|" + _LIFE_VERB + r"|"
    r"(?:has|had) (?:taught|worked|written|covered|served|reported|led|chaired|spent|cared|campaigned|volunteered|"
    r"practi[sc]ed|represented|researched|advised|managed|edited|run|lived|held|built|trained|" + _LIFE_DONE + r"))"
    r"\b(?P<rest>.*)$")
# a bio that opens with an apposition: "A sustainability consultant based in Dubai, Priya Menon advises ...",
# "A retired headmistress and founder of ..., the writer has spent ..."
_FOOT_BIO_APPOS = re.compile(
    r"^(?:(?:An?|The) )?[A-Z][^,]{3,100}, (?:(?:(?:Dr|Prof|Mr|Ms|"
    r"Mrs)\.? )?[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){0,3}|"
    r"the (?:writer|author|columnist|contributor)|he|she|they) (?:is|was|has|heads|chairs|leads|runs|directs|edits|"
    r"lives|teaches|"
    r"lectures|works|advises|owns|studies|writes|serves|sits|founded|coordinates|manages|researches|" + _LIFE_VERB +
    r")\b")
_FOOT_BIO_UNNAMED = _rx(r"^[(\u2013\u2014]?\s*the (?:writer|author|columnist|contributor)s? (?:is|are|was|were) (?:an?|"
                        r"the|currently|now|"
                        r"also|based)\b")
# "the writer is ..." in other languages (Malay/Indonesian, Spanish, French, Portuguese, German, Italian, Dutch;
# Slovene, Croatian, Polish, Czech, Baltic, Finnic, Nordic, Hungarian: "Avtorica je biologinja ..."):
# the opening alone says bio, so no English job word is asked for
_FOOT_BIO_UNNAMED_ABROAD = _rx(
    r"^[(\u2013\u2014]?\s*(?:penulis (?:ialah|adalah|merupakan)|(?:el|la) (?:autora?|escritora?|columnista) es|"
    r"l['\u2019]aut(?:eur|"
    r"rice|ore)e? (?:est|\u00e8)|(?:o|a) (?:autora?|escritora?|colunista) \u00e9|(?:der|die) (?:autor(?:in)?|"
    r"verfasser(?:in)?|kolumnist(?:in)?) ist|de (?:auteur|schrijver) is|(?:avtor(?:ica)?|autor(?:ica|ka)?|pisec|"
    r"piska) (?:je|jest)|(?:autorius|autor\u0117) yra|(?:autors|autore) ir|autor on|kirjoittaja on|(?:skribenten|"
    r"forfatteren|f\u00f6rfattaren) (?:er|\u00e4r)|a szerz\u0151 (?:\w+ )?(?:\w+ )?(?:a|az))\s+\S")
# a bio that opens with the role before the name: "Consultant cardiologist Dr Jane Roe has treated ...",
# "Retired headteacher Tom Hale chairs ..." (a capitalised role word, then lower-case ones, then the name)
_FOOT_BIO_ROLE_FIRST = re.compile(
    r"^(?P<role>[A-Z][a-z][\w'\u2019-]*(?: [a-z][\w'\u2019-]*){0,3}) (?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Fr|Rev|Cllr|"
    r"Coun|Sr|Sir|Dame)\.? )?(?P<name>[A-Z][\w.'\u2019-]+(?: (?:[A-Z][\w.'\u2019-]+|bin|binti|de|van|von|al|da)){1,3})"
    r" (?:is|was|has|had|heads|chairs|leads|runs|teaches|works|worked|lives|serves|served|writes|covers|founded|"
    r"advises|represents|cares|manages|directs|" + _LIFE_VERB + r")\b")
_ROLE_WORD = _rx(rf"\b{_ROLE}\b|[a-z](?:ist|ian|er|or|ant|ent)\b")
# a bio in another language after a name: "<Name> ist Energieberaterin in ...", "<Name> est maire de ...",
# "<Name> ialah pensyarah di ...", "<Name> es profesora de ..." (four words or more after the verb)
_FOOT_BIO_ABROAD = re.compile(
    r"^(?:(?:Dr|Prof|Mr|Mrs|Ms|Fr|Dra)\.? )?[A-Z][\w.'\u2019-]+(?: (?:[A-Z][\w.'\u2019-]+|de|da|van|von|bin|binti|"
    r"al|el|del|la|le|di|du|dos)){1,3} (?:ist|est|es|\u00e8|\u00e9|ialah|adalah|merupakan|jest|\u00e4r|er|ni|este|"
    r"\u00ebsht\u00eb|\u00e9s)"
    r"(?: \S+){4,}|^Mae [A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){1,3} yn(?: \S+){3,}"
    r"|^Is [\w'\u2019-]+(?: [\w'\u2019-]+){0,4} [\u00e9\u00ed] [A-Z\u00c0-\u00de][\w.'\u2019-]+"
    r"(?: (?:[A-Z\u00c0-\u00de][\w.'\u2019-]+|N[\u00ed\u00e1]|Mac|Nic|Ua|U\u00ed)){1,3}"
    r"|^Tha [A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){1,3} (?:na|ag|a['\u2019]) (?:\S+ ){2,}")
# ... or with a copula that is also an English word or a short one ("<Name> on endine ...", Estonian and Finnish;
# "ir", Latvian; "yra", Lithuanian; "je", Czech, Slovak, Slovene, Croatian; "ta", Papiamentu): only on a line with
# no English function word (``_ENGLISH``), so "Jane Roe on Tuesday signed the bill" stays body
_FOOT_BIO_ABROAD_SHORT = re.compile(
    r"^[A-Z\u00c0-\u00de\u0160\u017d][\w.'\u2019-]+(?: [A-Z\u00c0-\u00de\u0160\u017d][\w.'\u2019-]+){1,3} "
    r"(?:on|ir|yra|je|ta) (?P<rest>[^\W\d_A-Z][\w-]*(?: \S+){3,})")
_ENGLISH = re.compile(r"\b(?:the|an|of|and|to|in|on|at|for|with|by|from|is|are|was|were|has|have|had|that|this|"
                      r"his|her|their|he|she|they|it|who|which|will|would|not|but|as|or)\b")
# a bio that opens with the name and a life event, no job word needed: "<Name> grew up in <Place> and ...",
# "<Name> was born in <Place>", "<Name> lives in <Place> with ...", "<Name> divides her time between <Place> ..."
_FOOT_BIO_LIFE = re.compile(
    r"^(?:(?:Dr|Prof|Mr|Mrs|Ms)\.? )?[A-Z][\w.'\u2019-]+(?: (?:[A-Z][\w.'\u2019-]+|de|da|van|von|bin|al|del|la|le|"
    r"di|du|dos)){1,3} (?:grew up|was born|was raised|(?:now )?lives|has lived|is based|spent (?:his|her|their) "
    r"childhood|divides (?:his|her|their) time) (?:in|on|near|outside|between|by) (?:the )?[A-Z]")
# a surname with an apposition: "Okafor, a retired engineer, writes from Enugu."
_FOOT_BIO_NAME_APPOS = re.compile(
    r"^[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){0,3}, (?:an?|the|former|retired) [^,]{2,80}, (?:writes|lives|is|"
    r"works|teaches|was|has)\b")
# a bio that is only a role: "*Senior lecturer in law at a university in Accra and member of ..."
_FOOT_BIO_ROLE_ONLY = _rx(rf"^(?:(?:senior|junior|associate|assistant|former|retired|visiting|emeritus|adjunct|chief|"
                          rf"deputy|managing|executive) )?{_ROLE}s? (?:of|at|in|for|with)\b")
_FOOT_BIO_NOUN = _rx(
    r"\b(?:member|desk|editor|chairs?|board|council|committee|association|society|trust|co-?founder|founder|former|"
    r"retired|researcher|professor|lecturer|journalist|reporter|correspondent|lawyer|attorney|planner|economist|"
    r"teacher|nurse|doctor|physician|engineer|architect|campaigner|organi[sz]er|volunteers?|fellow|director|author|"
    r"writer|columnist|student|candidate|union|university|institute|college|foundation|department|newspaper|"
    r"magazine|newsroom|programme|program|think tank|ngo|charity|coalition|network|alliance|federation|group|company|"
    r"firm|business|consultant|advis[eo]r|analyst|owner|principal|head(?:mistress|master|teacher)|scientist|"
    r"sociologist|historian|specialist|clinic|hospital|school|agency|carrier|farm(?:er)?|pastor|chef|superintendent|"
    r"secretary|officer|manager|mayor|council(?:l)?or|president|chair(?:man|woman|person)?|branch|organi[sz]ation|"
    r"non-?profit|cooperative|co-op|clinic|course|radio|television|podcast|workshop|farmers|"
    r"courier|rider|driver|crew|hamlet)(?:e?s)?\b")
# ... or a span of a working life: "for three years", "since 2014", "two decades", "and now gives ...", "by training"
# (after a name and a bio verb, in one sentence without the words of an argument, ``_NOT_BIO``)
_LIFE_SPAN = _rx(r"\bfor (?:[\w-]+ ){0,2}(?:years|decades)\b|\bsince (?:19|20)\d\d\b|\b(?:\w+|\d+) decades\b|"
                 r"\band now \w+s\b|\bby training\b")
_NOT_BIO = _rx(r"\b(?:i|we|you|us|our|my|your|should|must|ought|says|said|argues|thinks|believes|because|but)\b|[?!]")
# a later sentence of a bio on a line of its own: "She previously worked at ...", "Before joining the paper, ..."
_BIO_MORE = _rx(
    r"^(?:(?:[^\W\d_][^,.;:!?]{2,60},\s+)?(?:he|she|they)\s+(?:is|was|are|were|has|have|had|lives?|works?|worked|"
    r"previously|also|writes?|teach(?:es)?|"
    r"taught|serves?|served|coordinates?|chairs?|leads?|heads?|runs?|sits?|holds?|studied|spent|joined|edits?|"
    r"still|led|ran|wrote|grew up|founded|co-founded|[a-z]{3,}ed)\b|"
    r"(?:his|her|their) (?:latest|new|most recent|forthcoming|first|previous|next) (?:book|novel|collection|report|"
    r"film|podcast)\b|(?:his|her|their) (?:wife|husband|partner|daughters?|sons?|children|kids|family|grandchildren)"
    r" (?:\w+ )?(?:is|are|was|were|has|have|lives?|live|graduated|works?|attends?|studied|studies)\b|(?:his|her|"
    r"their) (?:research|work|writing|reporting|books|essays|poems|poetry|columns|"
    r"photographs|films) (?:on|about|has|have|was|were|is|are|appears?|appeared)\b|before (?:joining|that|becoming|"
    r"moving|coming)\b|previously,? (?:he|she|they)\b|"
    r"earlier,? (?:he|she|they)\b|follow (?:him|her|them)\b)")


def _foot_bio(s: str) -> bool:
    """``s`` reads as an author bio when it stands after the last body line: a name, a bio verb, one or two
    sentences of at most 45 words, and a word of jobs and institutions; or the same without a name ("The writer is
    an assistant professor of ...") or with the role before the name ("Retired headteacher Tom Hale chairs ...");
    or a name and a copula in another language ("<Name> ist ...", "Penulis ialah ...", "<Name> on ..." on a line
    with no English function word); or a name and a life event in a place ("<Name> grew up in <Place> ...",
    ``_FOOT_BIO_LIFE``). A bio set in brackets is judged without them."""
    s = _unnamed_apostrophe(_unbracketed(s))
    if len(_words(s)) > 45:
        return False
    if _FOOT_BIO_UNNAMED_ABROAD.match(s) or _FOOT_BIO_ABROAD.match(s) or _FOOT_BIO_LIFE.match(s) and \
            not _PRONOUNS & {t.lower() for t in s.split()[:2]}:
        return True
    short = _FOOT_BIO_ABROAD_SHORT.match(s)
    if short and not _ENGLISH.search(short.group("rest")) or _dash_bio(s):
        return True
    role_first = _FOOT_BIO_ROLE_FIRST.match(s)
    if role_first and not _ROLE_WORD.search(role_first.group("role")):
        role_first = None
    if _FOOT_BIO_UNNAMED.match(s) or _FOOT_BIO_APPOS.match(s) or role_first or _FOOT_BIO_NAME_APPOS.match(s) or \
            _FOOT_BIO_ROLE_ONLY.match(s):
        return bool(_FOOT_BIO_NOUN.search(s))
    m = _FOOT_BIO.match(s)
    if not m or len(_words(s)) > 45 or not (_FOOT_BIO_NOUN.search(m.group("rest")) or _life_span(s)):
        return False
    tokens = [t for t in m.group("name").split() if t.lower() not in _NAME_PARTICLES]
    return all(t[0].isupper() for t in tokens) and not any(t.lower().strip(".") in _STOPWORDS | _PRONOUNS
                                                           for t in tokens)


def _unnamed_apostrophe(s: str) -> str:
    """``s`` without the apostrophe that opens a name ("'Mamosa Letsie grew up in ...": Sesotho names, the
    Hawaiian \u02bbokina, "'Abd al-..."), so the bio wordings see a capitalised name; only when no quote mark closes
    in the line (then the apostrophe opens a quotation, which stays as it is).

    Returns:
        A str: ``s`` without its first character, or ``s`` itself."""
    if re.match(r"['\u2019\u2018\u02bb][^\W\d_a-z][^\W\d_]", s) and \
            not re.search(r"[\w.,!?]['\u2019\u2018](?=[\s,.;:!?)]|$)", s[1:]):
        return s[1:]
    return s


# a bio that sets the role after the name and a dash, in any script: "Лейла Мамедова — городской эколог, ...",
# "Jane Roe – retired midwife, lives in Leeds."
_FOOT_BIO_DASH = re.compile(r"^(?P<name>[^\W\d_][\w.'\u2019-]*(?: [^\W\d_][\w.'\u2019-]*){1,3}) [\u2013\u2014] "
                            r"(?P<rest>[^\W\d_]\S*(?: \S+){2,})$")


def _dash_bio(s: str) -> bool:
    """``s`` is a name, a dash and a role in lower case (``_FOOT_BIO_DASH``): at most 25 words, every word of the
    name capitalised and none a pronoun or a function word, without the words of an argument (``_NOT_BIO``)."""
    m = _FOOT_BIO_DASH.match(s)
    if not m or len(_words(s)) > 25 or not m.group("rest")[:1].islower() or _NOT_BIO.search(s):
        return False
    return all(t[:1].isupper() and t.lower() not in _STOPWORDS | _PRONOUNS for t in m.group("name").split())


def _life_span(s: str) -> bool:
    """``s`` tells a span of a working life (``_LIFE_SPAN``) in one sentence without the words of an argument, or
    in two when the second goes on with the bio ("He lives in ...", ``_BIO_MORE``)."""
    if not _LIFE_SPAN.search(s) or _NOT_BIO.search(s):
        return False
    if _sentence_count(s) <= 1:
        return True
    parts = re.split(r"(?<=[.!?])\s+(?=\S)", s.strip())
    return len(parts) == 2 and bool(_BIO_MORE.match(parts[1]))


def _unbracketed(s: str) -> str:
    """``s`` without the brackets around the whole of it and without a label before it: "(Jane Roe has spent ...)",
    "[Jane Roe is ...]", "About the author: Jane Roe is ..." -> "Jane Roe ..."."""
    s = _BIO_LABEL.sub("", s)
    for left, right in ("()", "[]"):
        if s[:1] == left and s[-1:] == right and left not in s[1:-1]:
            return s[1:-1].strip()
    return s


# the label of a bio on its line: "About the author:", "Sobre el autor:", "\u00c0 propos de l'auteure :", "\u00dcber die Autorin:"
_BIO_LABEL = _rx(r"^(?:about the (?:author|writer|columnist|contributor)s?|sobre (?:el|la|o|a) (?:autora?|escritora?|"
                 r"columnista)|\u00e0 propos de l['\u2019](?:auteur|autrice)e?|\u00fcber (?:den autor|die autorin)|"
                 r"o (?:avtorju|avtorici|autoru|autorici|autorze|autorce)|"
                 # tenth round: "The author:", "About the writer:", "Müəllif haqqında:", "Об авторе:", "Despre autor:",
                 # "Rreth autorit:", "Over de auteur:", "Om forfatteren:", "Yazar hakkında:", "作者簡介:"
                 r"the (?:author|writer|columnist|contributor)s?|m\u00fc\u0259llif haqq\u0131nda|yazar hakk\u0131nda|"
                 r"\u043e\u0431 \u0430\u0432\u0442\u043e\u0440\u0435|"
                 r"\u043f\u0440\u043e \u0430\u0432\u0442\u043e\u0440\u0430|"
                 r"despre (?:autor|autoare)|rreth autor(?:it|es)|over de (?:auteur|schrijver)|om (?:forfatteren|"
                 r"skribenten|f\u00f6rfattaren)|sobre (?:o|a) (?:autora?|colunista)|sull['\u2019]autore|"
                 r"tentang penulis|\u4f5c\u8005\u7c21\u4ecb|\u4f5c\u8005\u7b80\u4ecb|\u95dc\u65bc\u4f5c\u8005|"
                 r"\u5173\u4e8e\u4f5c\u8005)\s*[:\uff1a]\s*(?=\S)")


_PRONOUNS = {"i", "we", "you", "he", "she", "they", "it", "this", "that", "these", "those", "there", "here", "my",
             "our", "your", "his", "her", "their", "one", "each", "every", "some", "many", "most", "all"}


def _bio_tail(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Flag (in ``kinds``) the later sentences of an author bio on lines of their own: unflagged lines right after
    an ``author_bio`` line that read as bio sentences (``_BIO_MORE``), when nothing but noise follows them."""
    for pos, i in enumerate(order):
        if kinds.get(i) != "author_bio":
            continue
        run = []
        for j in order[pos + 1:]:
            if j in kinds or not _BIO_MORE.match(lines[j]) or len(_words(lines[j])) > 40:
                break
            run.append(j)
        after = order[pos + 1 + len(run):]
        if run and all(j in kinds for j in after):
            for j in run:
                kinds[j] = "author_bio"
    _bio_wraps(lines, kinds)


def _bio_wraps(lines: List[str], kinds: Dict[int, str]) -> None:
    """The lines that go on with a bio right below it (no blank line between), each of at most 45 words
    (``_goes_on_bio``): the lower-case rest of a bio line that does not end like a sentence ("and is writing a book
    on ..."), the bio again in another script, or another line about the same person ("<Name> ni mtafiti ..."); and
    the bio again in another script right above it (``_bio_translations_above``)."""
    for i in sorted(kinds):
        j = i + 1
        while kinds.get(j - 1) == "author_bio" and j < len(lines) and j not in kinds and lines[j] and \
                len(_words(lines[j])) <= 45 and _goes_on_bio(lines[j - 1], lines[j]):
            kinds[j] = "author_bio"
            j += 1
    _bio_translations_above(lines, kinds)


def _bio_translations_above(lines: List[str], kinds: Dict[int, str]) -> None:
    """The bio again in another script right above a bio line (no blank line between): an unflagged line of at most
    45 words, most of its letters outside the Latin script, over a bio line in the Latin script ("Η Ελένη ..." over
    "Eleni Vrettou is a physiotherapist ...")."""
    for i in sorted(kinds, reverse=True):
        j = i - 1
        while kinds.get(j + 1) == "author_bio" and j >= 0 and j not in kinds and lines[j] and \
                len(_words(lines[j])) <= 45 and _foreign_script(lines[j]) and not _foreign_script(lines[i]):
            kinds[j] = "author_bio"
            j -= 1


# English function words that the other languages of a page in the Latin script seldom use: a line with almost none
# of them set right against an English notice is that notice again in the paper's other language
_ENGLISH_MARKERS = {"the", "of", "and", "is", "are", "was", "were", "has", "have", "had", "for", "with", "by", "from",
                    "that", "this", "who", "which", "his", "her", "their", "its", "not", "been", "an", "will", "would",
                    "he", "she", "they", "it", "our", "your", "at", "be", "or"}
_TWIN_KINDS = ("author_bio", "disclaimer")


def _english_share(s: str) -> float:
    """The share of the words of ``s`` that are English function words (``_ENGLISH_MARKERS``)."""
    words = [w.lower() for w in _words(s)]
    return sum(1 for w in words if w in _ENGLISH_MARKERS) / len(words) if words else 0.0


def _twin_of(lines: List[str], kinds: Dict[int, str], i: int) -> Optional[str]:
    """The kind of the English author bio or disclaimer right above or below line ``i`` (no blank line between),
    when line ``i`` reads as that notice again in another language ("Ko Sione Kata ko e \u02bbekon\u014dmika ia mei
    Vava\u02bbu." under "[Sione Kata is an economist ...]"; "Autor\u0117s nuomon\u0117 neb\u016btinai sutampa ..."
    over "The author's opinion is not necessarily shared ..."): four to 45 words, at most twice as many as the
    English line's and five, almost no English function word (``_english_share`` under 0.08) where the flagged line
    has them (0.15 or more); else None."""
    s = lines[i]
    n = len(_words(s))
    if not 4 <= n <= 45 or _english_share(s) >= 0.08:
        return None
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines) and kinds.get(j) in _TWIN_KINDS and lines[j] and \
                _english_share(lines[j]) >= 0.15 and n <= 2 * len(_words(lines[j])) + 5:
            return kinds[j]
    return None


def _twins(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Flag (in ``kinds``) the author bios and disclaimers given again in another language right next to their
    English line (``_twin_of``), with the kind of that line."""
    for i in order:
        if i not in kinds:
            kind = _twin_of(lines, kinds, i)
            if kind:
                kinds[i] = kind


def _correction_follow_ups(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """The short follow-up of a correction on a line of its own ("An earlier version of this column gave the length
    as 120 km." / "It is 102 km."; ``publication_note``): the unflagged line right under a correction
    (``_CORRECTION``, no blank line between), one sentence of at most 12 words, with nothing but furniture after it
    in its block."""
    for pos, i in enumerate(order[:-1]):
        j = order[pos + 1]
        if kinds.get(i) != "publication_note" or j != i + 1 or j in kinds or not _CORRECTION.search(lines[i]):
            continue
        s = lines[j]
        if len(_words(s)) <= 12 and _ends_sentence(s) and _sentence_count(s.rstrip(".!?")) == 0 and \
                (j + 1 >= len(lines) or not lines[j + 1] or j + 1 in kinds):
            kinds[j] = "publication_note"


def _goes_on_bio(bio: str, s: str) -> bool:
    """``s``, the line right below the bio line ``bio``, goes on with it (see ``_bio_wraps``)."""
    if s[0].islower() and not _ends_sentence(bio):
        return True
    if _foreign_script(s) and not _foreign_script(bio):
        return True
    name = bio.split()[:2]
    return len(name) == 2 and all(_is_cap(t) and t.isalpha() for t in name) and s.split()[:2] == name


def _foreign_script(s: str) -> bool:
    """Most letters of ``s`` are outside the Latin script (Sinhala, Greek, Cyrillic, Arabic, Han, ...)."""
    letters = [ch for ch in s if ch.isalpha()]
    return bool(letters) and 2 * sum(1 for ch in letters if ord(ch) > 0x024F) > len(letters)


def _is_name(s: str) -> bool:
    """'Amina Diallo', 'LUC\u00cdA FERRER': two to four capitalised words and nothing else."""
    tokens = s.split()
    return 2 <= len(tokens) <= 4 and all(
        re.fullmatch(r"[^\W\d_][\w.'\u2019-]*", t) and t[0].isupper() and t.lower() not in _STOPWORDS
        for t in tokens)


def _in_context(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Flag (in ``kinds``) lines that only their neighbours show to be noise. ``lines``: every line, ``_core``-d.

    1. A list: the short lines that do not end like a sentence right under a bare list header ("Most read",
       "Related Topics", "Tags", "Read in another language"; no text after a colon), until a blank line, take
       the header's kind; not when the block goes on with a line that ends like a sentence. Only a ``related``
       list takes items ending in "?" (headlines can be questions).
    2. The page head: before the first body line, headline-shaped lines (no full stop) and one standfirst after
       the headline are noise -- but only when keyword noise (a byline, a timestamp, ...) follows them there;
       else they may be the opening of the text (the first line alone stays a ``title`` as before). A question
       counts as headline-shaped only while no headline has been found.
    3. The page foot: author bios (name + role + a bio signal, as ``classify_line`` judges them at the end of a
       text) in the run of noise lines after the last body line, however long that run is.
    4. A photo caption right above its credit line ("Photograph: ... /Getty Images", no blank line between) in the
       page head: a line of at most 50 words directly followed by a credit line, with only furniture above it, is a
       ``caption`` even when it ends like a sentence.
    5. An author bio right under the byline or timestamp in the page head (``_head_bios``).
    A line that ends like a sentence never qualifies for 1 and 2, so ordinary body paragraphs are left alone; a
    caption that ends with a full stop is therefore left alone too, even above a photo credit.
    """
    _header_lists(lines, order, kinds)  # 1.
    _page_head(lines, order, kinds)  # 2.
    _foot_bios(lines, order, kinds)  # 3.
    _above_credits(lines, order, kinds)  # 4.
    _head_bios(lines, order, kinds)  # 5.


def _head_bios(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Step 5 of ``_in_context``: an author bio in the page head, right under a byline or a timestamp. The first
    unflagged line, when every line above it is furniture, the line right above it (no blank line between) is a
    ``byline``, ``timestamp`` or ``author_bio``, and it reads as a bio of at most 30 words (``_foot_bio``, or the
    bio shape ``classify_line`` knows at the end of a text)."""
    n = len(order)
    for pos, i in enumerate(order):
        if i in kinds:
            continue
        s = lines[i]
        if pos > 0 and order[pos - 1] == i - 1 and kinds.get(i - 1) in ("byline", "timestamp", "author_bio") and \
                len(_words(s)) <= 30 and (_foot_bio(s) or classify_line(s, position=n - 1, n_lines=n) == "author_bio"):
            kinds[i] = "author_bio"
        return


def _head_role_bios(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Fourteenth round: a bio that gives a job alone, in any of several languages (``_role_only_bio``: "Teacher and
    writer, <Place>.", "M\u00e9decin urgentiste \u00e0 <hospital>."), in the page head (``author_bio``): the first
    unflagged line, when every line above it is furniture and the line right above it (no blank line between) too.
    Run once the page head's headlines are known."""
    for pos, i in enumerate(order):
        if i not in kinds:
            if pos > 0 and order[pos - 1] == i - 1 and _role_only_bio(lines[i]):
                kinds[i] = "author_bio"
            return


# fourteenth round: a job that a bio gives without a name or a verb, in several languages ("Teacher and writer,
# <Place>.", "M\u00e9decin urgentiste \u00e0 <hospital>.", "Profesora de historia en <school>.", "Lehrerin in <town>.",
# "<Estonian word for social worker>. <Russian words for social worker>."); the last lines: words made with the
# endings of jobs (-logist, -ologue, -\u00f3logo, -iste, -ista, -t\u00f6\u00f6taja, ...)
_ROLE_NOUN = _rx(
    r"^(?:(?:retired|former|senior|junior|social|freelance|emergency|\u0441\u043e\u0446\u0438\u0430\u043b\u044c"
    r"\u043d\u044b\u0439)\s+)?"
    r"(?:teacher|writer|doctor|nurse|journalist|lawyer|economist|historian|architect|engineer|researcher|professor|"
    r"lecturer|farmer|fisherman|fisherwoman|activist|physician|surgeon|pharmacist|midwife|librarian|photographer|"
    r"poet|novelist|translator|student|worker|mayor|councillor|"
    r"m\u00e9decin|enseignante?|professeure?|avocate?|\u00e9crivaine?|chercheu(?:r|se)|historienne?|ing\u00e9nieure?|"
    r"infirmi(?:er|\u00e8re)|militante?|\u00e9tudiante?|retrait\u00e9e?|agricult(?:eur|rice)|p\u00eacheu(?:r|se)|"
    r"m\u00e9dic[oa]|profesora?|maestr[oa]|abogad[oa]|escritora?|investigadora?|historiadora?|arquitect[oa]|"
    r"ingenier[oa]|enfermer[oa]|docente|estudiante|jubilad[oa]|advogad[oa]|pesquisadora?|arquitet[oa]|"
    r"engenheir[oa]|enfermeir[oa]|arzt|\u00e4rztin|lehrer(?:in)?|autor(?:in)?|schriftsteller(?:in)?|anwalt|"
    r"anw\u00e4ltin|forscher(?:in)?|historiker(?:in)?|architekt(?:in)?|ingenieur(?:in)?|professorin|medico|"
    r"insegnante|professoressa|avvocat[oa]|scrittore|scrittrice|ricercat(?:ore|rice)|architetto|ingegnere|"
    r"\u0432\u0440\u0430\u0447|\u0443\u0447\u0438\u0442\u0435\u043b\u044c(?:\u043d\u0438\u0446\u0430)?|"
    r"\u043f\u0438\u0441\u0430\u0442\u0435\u043b\u044c(?:\u043d\u0438\u0446\u0430)?|"
    r"\u043f\u0440\u0435\u043f\u043e\u0434\u0430\u0432\u0430\u0442\u0435\u043b\u044c(?:\u043d\u0438\u0446\u0430)?|"
    r"\u0440\u0430\u0431\u043e\u0442\u043d\u0438(?:\u043a|\u0446\u0430)|"
    r"\w{2,}(?:ologist|ologue|[o\u00f3]log[oa]|olog(?:e|in)|iste|ista|istin|t\u00f6\u00f6taja|"
    r"\u0438\u0441\u0442(?:\u043a\u0430)?))\b")
# ... a bio's line of such jobs is short and has no verb of a clause, in English or as a French, Spanish or German
# copula (a sentence of the body does: "Doctors at the clinic are overworked.")
_ROLE_VERB = _rx(r"\b(?:est|es|ist|\u00e8|\u00e9|sont|son|sind)\b")
# ... and the job word, or a second one, is followed by the part's end, a comma, a conjunction or a preposition
# ("Teacher and writer, ...", "Profesora de ...", "Lehrerin in ..."; not "Doctor visits cost ...")
_ROLE_NEXT = _rx(r"^\s*(?:$|[,.;:]|(?:and|et|y|e|und|i|ja|og|och|of|at|in|on|for|with|from|\u00e0|au|aux|de|du|des|"
                 r"d['\u2019]|en|chez|bei|am|an|im|aus|f\u00fcr|di|del|della|da|do|na|no|w|z|ze|\u0438|\u0432|"
                 r"\u0438\u0437|\u043d\u0430|\u043f\u0440\u0438|\u0443)\b)")


def _role_only_bio(s: str) -> bool:
    """``s`` is a bio that gives only a job: at most twelve words, a capital first, in one to three parts (sentences
    or languages apart by a full stop, " / " or " \u00b7 ") each a job in one of several languages (``_job_phrase``),
    with no clause word, copula or word of an argument (``_CLAUSE_WORD``, ``_ROLE_VERB``, ``_NOT_BIO``).

    Returns:
        A bool."""
    if len(_words(s)) > 12 or not s[:1].isupper() or _CLAUSE_WORD.search(s) or _ROLE_VERB.search(s) or \
            _NOT_BIO.search(s):
        return False
    parts = [p.strip() for p in re.split(r"(?<=\.)\s+|\s+[/\u00b7]\s+", s) if p.strip()]
    return len(parts) <= 3 and all(_job_phrase(p) for p in parts)


def _job_phrase(part: str) -> bool:
    """``part`` opens with a job word in the singular (``_ROLE_NOUN``; no final "s"), perhaps a second one, then
    ends or goes on with a comma, a conjunction or a preposition (``_ROLE_NEXT``).

    Returns:
        A bool."""
    m = _ROLE_NOUN.match(part)
    if m is None or m.group().endswith("s"):
        return False
    rest = part[m.end():]
    second = _ROLE_NOUN.match(rest.lstrip())
    if second and not second.group().endswith("s"):
        rest = rest.lstrip()[second.end():]
    return bool(_ROLE_NEXT.match(rest))


_CAPITAL_PLACE = re.compile(r"^[^\W\d_a-z][^\W\d_a-z'\u2019-]{2,}(?:[ /,-]+[^\W\d_a-z][^\W\d_a-z'\u2019-]+){0,2}\.?$")


def _head_dateline(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """A place in capitals (after the learned classifier, once the head is flagged), one to three words and perhaps
    a full stop ("MOROGORO.", "DAR ES SALAAM."), as the first unflagged line of the text with only furniture above
    it and a paragraph of prose right below (``dateline``)."""
    for pos, i in enumerate(order[:-1]):
        if i in kinds:
            continue
        if pos > 0 and _CAPITAL_PLACE.match(lines[i]) and len(_words(lines[i])) <= 3 and \
                _prose(lines[order[pos + 1]]):
            kinds[i] = "dateline"
        return


def _above_credits(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Step 4 of ``_in_context``: the unflagged line right above a credit line (a ``credit``, or a short ``caption``
    or ``copyright`` line that is only a credit: "Photograph: ... /Getty Images", "Foto / Photo: ... © <Outlet>";
    no blank line between) is its caption, when it has at most 50 words and no line of the same paragraph stands
    above it -- in the page head (only furniture above it) or, anywhere, as a block of its own with the credit
    (``_caption_block``)."""
    for i in order:
        if not _credit_line(lines, kinds, i) or i == 0 or (i - 1) in kinds or not lines[i - 1]:
            continue
        if len(_words(lines[i - 1])) <= 50 and all(j in kinds or not lines[j] for j in range(i - 1)) or \
                _caption_block(lines, i):
            kinds[i - 1] = "caption"


def _caption_block(lines: List[str], i: int) -> bool:
    """Lines ``i - 1`` and ``i`` (a credit) are a block of their own, blank lines around them, and line ``i - 1``
    reads as a caption: one or two sentences of at most 40 words without the words of an argument
    (``_NOT_SCENE``)."""
    s = lines[i - 1]
    return (i < 2 or not lines[i - 2]) and (i + 1 >= len(lines) or not lines[i + 1]) and \
        len(_words(s)) <= 40 and _sentence_count(s.rstrip(".!?")) <= 1 and not _NOT_SCENE.search(s)


def _credit_line(lines: List[str], kinds: Dict[int, str], i: int) -> bool:
    """Line ``i`` is a photo credit: a ``credit``, or a short ``caption`` or ``copyright`` line that is only a
    credit ("Photograph: ... /Getty Images", "Foto: ...", "Foto / Photo: ... © <Outlet>")."""
    s = _OTHER_LABEL.sub("", lines[i])
    return kinds.get(i) == "credit" or kinds.get(i) in ("caption", "copyright") and len(_words(lines[i])) <= 12 and \
        bool(_CREDIT.match(s) or _CAPTION_START.match(s) or _CREDIT_ONLY.match(s))


# one word (perhaps abbreviated) in the paper's other language before a slash: "Nuotr. / Photo: ...", "Foto / ..."
_OTHER_LABEL = re.compile(r"^[^\W\d_][\w'\u2019-]*\.?\s*/\s*(?=\S)")


def _header_lists(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Step 1 of ``_in_context``: the items of a list under a bare header take the header's kind."""
    def blank(i: int) -> bool:
        return not lines[i]

    for i in order:
        kind = kinds.get(i)
        s = lines[i]
        if kind not in _LIST_KINDS or len(_words(s)) > 6 or ":" in s.rstrip(":") or \
                not _no_final_stop(s.rstrip(":"), allow_questions=False):
            continue
        if kind == "navigation" and not _LANG_LINK.match(s):
            continue
        j, items = i + 1, []
        while j < len(lines) and not blank(j):
            k = kinds.get(j)
            item = lines[j]
            numbered = kind == "related" and _NUMBERED.match(item) is not None  # "1. <headline>" under "Most read"
            short = len(_words(item)) <= 16 and len(item) <= 140
            headline = kind == "related" and len(_words(item)) <= 22 and len(item) <= 180  # headlines run longer
            if k is None and not ((short or headline or numbered and len(_words(item)) <= 30)
                                  and any(ch.isalpha() for ch in item)
                                  and _no_final_stop(item, allow_questions=kind == "related")):
                items = []  # the block goes on with a sentence: body text, perhaps wrapped -- keep out
                break
            if k is None or k in STRUCTURAL_KINDS:
                items.append(j)
            j += 1
        for j in items:
            kinds[j] = kind


def _page_head(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Step 2 of ``_in_context``: headline-shaped lines and a standfirst above keyword noise in the page head."""
    tentative: List[Tuple[int, str]] = []
    prev_headline = False  # the previous line is a headline (not a standfirst)
    have_title = any(k == "title" for k in kinds.values())
    for pos, i in enumerate(order):
        k = kinds.get(i)
        s = lines[i]
        if k is not None and k not in STRUCTURAL_KINDS:
            for j, kj in tentative:
                kinds[j] = kj
            tentative = []
            prev_headline = False
            continue
        n_words = len(_words(s))
        if k is not None:  # title or heading, judged by shape alone
            if pos > 0 and _is_name(s):
                kinds[i] = "byline"
            elif k == "heading" and not have_title and n_words >= 3:
                kinds[i] = "title"
            have_title = have_title or kinds[i] == "title"
            prev_headline = kinds[i] == "title"
            continue
        # a line wrapped into the next one goes on mid-sentence (``cont`` alone would also take a long headline
        # above a long standfirst for e-mail style wrapping)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not _starts_upper(s) or s.endswith(("-", ",", "\u2013", "\u2014", "(", "/")) or not _starts_upper(nxt):
            break
        if n_words <= 20 and len(s) <= 200 and _no_final_stop(s, allow_questions=not have_title):
            if _is_name(s):
                kj = "byline"
            elif n_words >= 3:
                kj = "title"
            else:
                kj = "heading"
            tentative.append((i, kj))
            have_title = have_title or kj == "title"
            prev_headline = kj == "title"
        elif prev_headline and n_words <= 40 and len(s) <= 300 and _no_final_stop(s, allow_questions=False):
            tentative.append((i, "title"))  # the standfirst
            prev_headline = False
        else:
            break


def _foot_bios(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Author bios in the run of noise after the last body line (step 3 of ``_in_context``); a later bio sentence
    on a line of its own ("Before that, she ..."), the lower-case rest of a wrapped bio line ("and is writing
    ...") or the bio again in another script counts when a bio line stands above it."""
    n = len(order)
    pending: List[int] = []  # later bio sentences below, waiting for their first line
    for i in reversed(order):
        if i in kinds:
            continue
        # a bio line is judged with the lower-case rest of its sentence on the line below ("..., where she" /
        # "has served on the council since 2019.")
        whole = lines[i] + (" " + lines[i + 1] if i + 1 in pending and lines[i + 1][:1].islower() else "")
        if classify_line(lines[i], position=n - 1, n_lines=n) == "author_bio" or _foot_bio(whole):
            for j in pending + [i]:
                kinds[j] = "author_bio"
            pending = []
            continue
        wraps = lines[i][:1].islower() and i > 0 and bool(lines[i - 1]) and not _ends_sentence(lines[i - 1])
        if (_BIO_MORE.match(lines[i]) or wraps or _foreign_script(lines[i])) and len(_words(lines[i])) <= 40:
            pending.append(i)
            continue
        break


_OPEN_QUOTE = "\"'\u201c\u201e\u00ab\u2018\u201a\u2039"


def _plain(s: str) -> str:
    """``s`` in lower case with quote marks and runs of anything but letters and digits as single spaces."""
    return " ".join(re.findall(r"[^\W_]+", s.lower()))


def _alone(order: List[int], pos: int) -> bool:
    """The ``pos``-th non-blank line stands alone: a blank line (or the text's edge) above and below it."""
    i = order[pos]
    return (pos == 0 or order[pos - 1] < i - 1) and (pos == len(order) - 1 or order[pos + 1] > i + 1)


# the words that introduce a name in a byline ("By", "Columna de", "Une contribution de", "Pa / By")
_BY_WORDS = {"by", "von", "par", "por", "pa", "door", "av", "di", "de", "written", "words", "opinion", "column",
             "columna", "viewpoint", "contribution", "une", "a", "an", "the", "special", "to", "for", "para", "pour"}


# the words that introduce a name in a byline ("By", "Columna de", "Une contribution de", "Pa / By")
_BY_WORDS = {"by", "von", "par", "por", "pa", "door", "av", "di", "de", "da", "del", "van", "written", "contribution",
             "columna", "column", "viewpoint"}


def _byline_names(lines: List[str], order: List[int], kinds: Dict[int, str]) -> List[List[str]]:
    """The names in the bylines of the page head (the furniture lines of at most twelve words above the first line
    of prose, whatever kind they were given): runs of two to four capitalised words, in lower case, after a word
    that introduces a name (``_BY_WORDS``) or opening the line and ending it or a part of it ("By Khamla
    Phommachanh, Phonsavan", "Columna de Lorena Benítez para ...", "ELISAPEE KILABUK, Special to ...")."""
    names = []
    head = itertools.takewhile(lambda i: i in kinds or not _prose(lines[i]), order)
    for i in (i for i in head if i in kinds and len(_words(lines[i])) <= 12):
        tokens = re.findall(r"[^\W\d_][\w'\u2019.-]*|[^\w\s]+|\d+", lines[i]) + ["|"]
        start, last_end = 0, -1
        for k, t in enumerate(tokens):
            if t[:1].isupper() and t.lower() not in _BY_WORDS:
                continue
            run = [w.lower() for w in tokens[start:k]]
            opens = start == 0 and not t[:1].isalnum()
            if 2 <= len(run) <= 4 and (opens or start > 0 and _introduces_name(tokens, start, last_end)):
                names.append(run)
                last_end = k
            start = k + 1
    return names


# a label before a colon that introduces the author's name: "Autor / Author: Tatiana Topal", "Words: Jane Roe"
_NAME_LABELS = {"author", "autor", "autora", "autorin", "auteur", "autrice", "autore", "writer", "words", "text",
                "texte", "texto", "testo", "column", "columnist", "by"}


def _introduces_name(tokens: List[str], start: int, last_end: int) -> bool:
    """The token before ``tokens[start]`` introduces a name: a word of ``_BY_WORDS``, a colon after an author's
    label (``_NAME_LABELS``), or a slash or a bar right after another name (the name again in another script or
    spelling: "Leyla M\u0259mm\u0259dova / Leyla Mammadova"; ``last_end`` is where the last name found ended)."""
    before = tokens[start - 1].lower()
    return before in _BY_WORDS or before == ":" and start > 1 and tokens[start - 2].lower() in _NAME_LABELS or \
        before in ("/", "|") and last_end == start - 1


# an elided article or particle before a name: "D'Claire Mousel wunnt ..." (Luxembourgish), "L'Anna ..."
_ELIDED = re.compile(r"^(?:d|l|n|s)['\u2019](?=\w)")


def _names_author(s: str, names: List[List[str]]) -> bool:
    """``s`` speaks of the author named in the byline: the name among its first ten words, before any full stop,
    right after its opening or after an opening phrase (a role, an apposition ending in a comma), and a lower-case
    word or a comma right after the name ("Lorena Benítez conduce ...", "Ancien pêcheur devenu formateur ...,
    Moustapha Diop vit à Kayar.", "Ecologist and radio host Lorena Benítez presents ..."); an
    elided particle before the name counts as nothing ("D'Claire Mousel wunnt ...")."""
    tokens = _unbracketed(s).split()
    low = [_ELIDED.sub("", t.lower().strip(",")) for t in tokens]
    for name in names:
        for k in range(0, min(10, len(tokens) - len(name))):
            after = tokens[k + len(name)]
            if low[k:k + len(name)] == name and tokens[k][:1].isupper() and \
                    not any(t.endswith((".", "!", "?", ":")) for t in tokens[:k]) and \
                    (after[:1].islower() or tokens[k + len(name) - 1].endswith(",")):
                return True
    return False


# a lower-case "i" is no English "I": "Joseph Kaupa em i teknisen ..." (Tok Pisin), "... i le falemai i
# Falealupo" (Samoan)
_NOT_PRONOUN_I = re.compile(r"(?<![\w'\u2019])i(?![\w'\u2019])")


def _byline_bios(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """An author bio in any language below the body: an unflagged line of at most 45 words that speaks of the
    author the byline names (``_names_author``) without the words of an argument (``_NOT_BIO``: I, we, you,
    should, says, ...; a lower-case "i" is a word of another language), first in its block or right under
    furniture, with no unflagged line of prose in a later block (``_in_foot``); and the lines that go on with it
    (``_bio_wraps``)."""
    names = _byline_names(lines, order, kinds)
    blocks = _blocks(lines, order) if names else []
    for b, block in enumerate(blocks):
        for k, i in enumerate(block):
            if i not in kinds and (k == 0 or block[k - 1] in kinds) and len(_words(lines[i])) <= 45 and \
                    _names_author(lines[i], names) and not _NOT_BIO.search(_NOT_PRONOUN_I.sub("", lines[i])) and \
                    _in_foot(lines, blocks[b + 1:], kinds):
                kinds[i] = "author_bio"
    _bio_wraps(lines, kinds)


def _set_apart(order: List[int], pos: int, kinds: Dict[int, str]) -> bool:
    """The ``pos``-th non-blank line stands apart from the prose: each line right above or below it (no blank line
    between) is furniture already ("“...”" set right above a "Read also: ..." line)."""
    i = order[pos]
    return all(j in kinds for j in (i - 1, i + 1) if j in order[max(pos - 1, 0):pos + 2])


def _pull_quotes(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """A pull quote: a line standing apart (blank lines or furniture around it, ``_set_apart``; or set in a block of
    two lines with a subheading, ``_paired_subheading``, which then is a ``heading`` too when the quote is verbatim),
    in quote marks (also corner brackets and reversed guillemets, ``_PULL_OPEN``), of
    at least five words, that repeats the words of a sentence found in another line of the text -- verbatim, or
    near-verbatim when it has eight words or more and wholly in quote marks (``_repeats``: a clause left out, a word
    changed; and ``_wholly_quoted``); who said it, after the closing quote mark, is left out of the comparison ("--
    Jane Roe", ", says Jane Roe"). It is typeset furniture (``heading``), and the sentence is mined where it stands
    in the body."""
    body = [(i, _plain(lines[i])) for i in order if i not in kinds]
    for pos, i in enumerate(order):
        s = lines[i]
        if i in kinds or s[:1] not in _PULL_OPEN or len(_words(s)) < 5:
            continue
        paired = _paired_subheading(lines, order, pos, kinds)
        if not (_set_apart(order, pos, kinds) or paired is not None):
            continue
        said = _ATTRIBUTION.sub("", s)
        quote, near = _plain(said), _wholly_quoted(said)
        verbatim = any(j != i and quote in text for j, text in body)
        if len(quote.split()) >= 5 and (verbatim or any(j != i and near and _repeats(quote.split(), text)
                                                        for j, text in body)):
            kinds[i] = "heading"
            if paired is not None and verbatim:  # a verbatim pull quote vouches for the subheading set with it
                kinds[paired] = "heading"


def _bare_pull_quotes(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """A pull quote set without quote marks (``heading``): a line standing apart between the paragraphs
    (``_set_apart``), one sentence of eight to 40 words, that comes back word for word inside a paragraph of two
    sentences or more elsewhere in the text (the body never sets one of its sentences again as a paragraph of its
    own; a refrain it repeats is short or a paragraph of its own each time)."""
    body = [(i, _plain(lines[i])) for i in order if i not in kinds and _sentence_count(lines[i]) >= 2]
    for pos, i in enumerate(order[1:-1], start=1):
        s = lines[i]
        if i in kinds or not 8 <= len(_words(s)) <= 40 or _sentence_count(s.rstrip(".!?")) or \
                not _set_apart(order, pos, kinds):
            continue
        said = _plain(s)
        if any(j != i and said in text for j, text in body):
            kinds[i] = "heading"


# the marks a pull quote may open with: those of ``_OPEN_QUOTE``, corner brackets (「...」, 『...』) and
# reversed guillemets (»...«, ›...‹)
# and mismatched or reversed quote marks (\u201d...\u201d, \u201f...\u201d, \u201b...\u2019, \u2019...\u2019)
_PULL_OPEN = _OPEN_QUOTE + "\u300c\u300e\u00bb\u203a\u275d\u275b\u301d\uff02" \
    "\u201d\u201f\u201b\u2019"  # also ornamental quotes \u275d ... \u275e


def _paired_subheading(lines: List[str], order: List[int], pos: int, kinds: Dict[int, str]) -> Optional[int]:
    """The subheading set with the ``pos``-th non-blank line as a block of two lines between blank lines (a pull
    quote, then the question the next paragraph answers: "“...”" / "Won't tourism suffer?"; or the other
    way round): the other line, unflagged or a ``heading``, of one to nine words, a capital first and a question
    mark or no punctuation at its end; else None."""
    i, n = order[pos], len(order)
    if pos + 1 < n and order[pos + 1] == i + 1:
        a, b = pos, pos + 1
    elif pos > 0 and order[pos - 1] == i - 1:
        a, b = pos - 1, pos
    else:
        return None
    if not ((a == 0 or order[a - 1] < order[a] - 1) and (b == n - 1 or order[b + 1] > order[b] + 1)):
        return None
    j = order[b] if a == pos else order[a]
    s = lines[j].rstrip(_CLOSERS)
    if kinds.get(j) not in (None, "heading") or not 1 <= len(_words(s)) <= 9 or not _capital_first(s):
        return None
    return j if s.endswith("?") and s.count("?") == 1 or not _ends_sentence(s) else None


def _wholly_quoted(s: str) -> bool:
    """``s`` is one quotation from end to end: it closes its quote mark last (a full stop may follow) and not
    before ("'Casodex' 150 mg is ..." only quotes a name)."""
    t = s.rstrip(" .,")
    return len(t) > 2 and t[-1] in _CLOSE_QUOTE and not any(ch in t[1:-1] for ch in {t[0], t[-1]})


_CLOSE_QUOTE = "\"'\u201d\u201c\u00bb\u2019\u203a\u300d\u300f\u00ab\u2039\u275e\u275c\u301e\u301f\uff02\u201f\u201b"


# who said the pull quote, after its closing quote mark: '"..." -- Jane Roe', '"...," says Jane Roe'
_ATTRIBUTION = re.compile(r"(?<=[\"\u201d\u00bb\u203a\u2019])\s*(?:[\u2013\u2014-]+\s*|,?\s*(?:says|said|writes|wrote|"
                          r"argues)\s+)[^\"\u201c\u201d]{1,60}$")


def _repeats(quote: List[str], text: str) -> bool:
    """The words ``quote`` (eight or more) come back near-verbatim in the line ``text`` (both ``_plain``): at least
    80% of them, in order, in a stretch of the line that starts with its first or second word and is at most half
    as long again as the quote."""
    if len(quote) < 8:
        return False
    words = text.split()
    starts = [k for k, w in enumerate(words) if w == quote[0] or w == quote[1]]
    for k in starts:
        window = words[k:k + len(quote) * 3 // 2]
        matcher = difflib.SequenceMatcher(None, quote, window, autojunk=False)
        if sum(b.size for b in matcher.get_matching_blocks()) >= 0.8 * len(quote):
            return True
    return False


# a photo caption that describes the scene: "Porters load crates onto a barge at a quay in Mopti." (a subject,
# a verb of what the picture shows in the present tense, and a named place after a preposition) ...
_SCENE_VERB = (r"(?:queue|wait|plant|stack|visit|share|walk|carry|carries|line up|lines up|gather|march|protest|sit|"
               r"stand|hold|play|ride|cross|pack|install|repair|check|crowd|listen|attend|rest|wade|collect|sell|"
               r"fill|arrive|watch|pose|inspect|tend|harvest|sort|load|unload|push|pull|paint|dig|fix|wash|"
               r"sweep|wave|cheer|pray|rally|shelter|celebrate|demonstrate|perform|dance|sing|climb|lay|lays|"
               r"clear|build|prepare|serve|replace|fit|enter|cycle|swim|hang|examine|feed|mend|"
               r"sew|weave|pour|spray|patrol|sleep|take part|takes part|make their way|makes (?:its|his|"
               r"her) way|gesture|wheel|peel|unveil|embrace|mourn|smile|moor|glow|warm up|warms up)(?:e?s)?")


def _scene_rx(verbs: str) -> "re.Pattern[str]":
    """A line that opens with a subject (a name may take an age: "Ana Ruiz, 34,") and one of ``verbs``, and goes
    on with at most one more sentence and a credit in brackets."""
    return re.compile(
        rf"^(?P<subject>[A-Z][\w'\u2019-]*(?: [\w'\u2019-]+){{0,9}}?(?:, \d{{1,3}},)?) (?P<verb>{verbs})\b"
        rf"(?P<rest>[^.!?;:]{{3,200}})[.!]?"
        rf"(?:\s+[A-Z][^.!?]{{3,160}}[.!]?)?(?:\s*\([^()]{{1,60}}\))?$")


_SCENE = _scene_rx(_SCENE_VERB)
# ... verbs that an argument uses as often ("Other towns follow the same rule in Wales"): a scene only with the
# time the picture was taken -- of day, a weekday or a date: "Shoppers browse the stalls in Leith on Saturday
# morning", "Fans leave the ground at Ibrox, shortly after the final whistle"
_SCENE_VERB_TIMED = (r"(?:follow|leave|board|browse|wander|stroll|jog|shop|eat|cook|fish|park|kneel|lie|lean|"
                     r"look|gaze|stare|chat|greet|hug|hand|clean|drag|lift|haul|tow|steer|paddle|row|step|head|"
                     r"file|huddle|stream|spill|disembark|race|skate|surf|picnic|rehearse|shout|chant|await|mill|"
                     r"jostle|throng|flock|scramble|speak|meet|address|search|tour|adjust|sign|help|take|rise|"
                     r"lead|open)(?:e?s)?")
_SCENE_TIMED = _scene_rx(_SCENE_VERB_TIMED)
# a day told by its season or weather, the day of the picture: "on a still autumn day", "on a wet March morning"
_SCENE_DAY = (r"on an? (?:[\w-]+ ){0,2}?(?:autumn|fall|winter|spring|summer|rainy|snowy|sunny|foggy|misty|windy|"
              r"stormy|cold|freezing|hot|clear|grey|gray|overcast|still|wet|bright|cloudless|humid|scorching)"
              r"(?: [\w-]+)? (?:day|morning|afternoon|evening|night)\b")
# the moment a picture was taken (not a habit: "on Saturday nights", "in March"): "shortly after ten", "at dusk",
# "on Tuesday morning", "on March 3", "in March 2025", "..., 2025."
_SCENE_TIME = _rx(r"\b(?:(?:early|late|shortly|just|soon) (?:after|before)\b|in the (?:early |late )?(?:morning|"
                  r"afternoon|evening)\b|at (?:dawn|dusk|nightfall|sunset|sunrise|noon|midday|midnight|lunchtime|"
                  r"first light)\b|on (?:a |an )?(?:\w+ )?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b(?! (?:mornings|"
                  rf"afternoons|evenings|nights))|on {_MONTH} \d|in {_MONTH} \d{{4}}\b|this (?:morning|afternoon|"
                  rf"evening)\b|{_SCENE_DAY})|, (?:19|20)\d\d\.?$")
# ... or a noun phrase and a relative clause of place, with no verb of its own: "An empty quay in Mopti, where ..."
_SCENE_WHERE = re.compile(
    r"^(?P<subject>(?:(?:Inside|Outside|Near|Behind|Along|Beside) |(?:(?:An?|"
    r"The) )?[\w'\u2019-]+(?: [\w'\u2019-]+){0,3} "
    r"(?:of|at|in|on|near|outside|behind|inside|along|over|under|beside|during) )[^,.;:!?]{3,100}), (?:where|which) "
    r"[^,;:!?]{3,160}\.?$")
# ... or a line that says where the picture is or who is in it: "The Lochmor, pictured in 1998, ...", "The old mill,
# seen here in 2019, ...", "(Left to right) ...", "Above, the terminal at Uig; below, ..."
_PICTURED = _rx(r"(?:^|,\s)(?:pictured|photographed|seen here|shown (?:here|above|below))\b|"
                r"\((?:pictured|left to right|from left|l-r)\)|"
                r"^(?:above|below|left|right|top|bottom|inset),\s")
_SCENE_PLACE = re.compile(r"\b(?:in|at|near|outside|on|along|across|behind|beside|inside|through|by) (?:the |an? )?"
                          r"(?:[\w'\u2019-]+ ){0,4}?(?!(?:January|February|March|April|May|June|July|August|September|"
                          r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                          r"[A-Z][\w'\u2019-]+")
# plurals without an -s, nouns in -ing, and adverbs: for the agreement of a scene's subject and verb
_PLURALS = {"children", "people", "men", "women", "police", "cattle", "sheep", "youth", "folk", "clergy"}
_ING_NOUNS = {"building", "morning", "evening", "spring", "meeting", "housing", "parking", "crossing", "landing",
              "ceiling", "painting", "wedding", "clothing", "opening", "hearing", "training", "swimming", "shopping",
              "dining", "nursing", "fishing", "sing", "king", "ring", "thing", "wing", "string", "sibling", "boarding",
              "bring", "filling", "planning", "sporting", "living", "waiting", "recycling", "teaching"}
_ADVERBS = {"now", "also", "then", "still", "often", "usually", "never", "always", "just", "only", "even", "already",
            "again", "later", "soon", "recently", "finally", "once", "sometimes", "largely", "mostly"}
# words that a caption does not use: the writer or the reader, modals, reasons, comparisons
_NOT_SCENE = _rx(r"\b(?:i|we|you|us|our|my|your|should|must|ought|would|could|might|because|therefore|however|why|but|"
                 r"than|not|never|no|nobody|nothing)\b|[?\"\u201c\u201d]")


# other short questions standing alone ("So what can Congress do?", "And who cares?", "Why is that so?", "How should
# we judge it?") are rhetorical body text: they open with a conjunction or point back or at the writer or reader
_ABOUT_QUESTION = _rx(r"^(?:but |and |so )?(?:what|how) about\b")
# an objection put with a negative auxiliary: "Hasn't this been tried?", "But won't rents rise?"
_OBJECTION_QUESTION = _rx(r"^[\"'\u201c\u2018]?(?:but |and |so )?(?:won|wouldn|isn|aren|doesn|don|hasn|haven|can|"
                          r"shouldn|didn|wasn|weren)['\u2019]t ")
# a subheading that is a noun phrase put in question by "for whom" or "at what cost": "Gardens for whom?",
# "Growth at what price?", "Cheaper fares for which riders?"
_WHOM_QUESTION = _rx(r"^[A-Z][\w'\u2019-]*(?: [\w'\u2019-]+){0,3} (?:for|to|by|at|from) (?:whom|what (?:cost|price)|"
                     r"which \w+)\s*\?$")
# a subheading asking the question the next paragraph answers: "Who watches the kids on Mondays?", "Why libraries?"
_WH_QUESTION = _rx(r"^(?:who|what|why|how|when|where|which|whose)\b")
# ... or a yes-no question on a noun phrase ("Will the apps simply leave?", "Should landlords pay?"; not "Does
# anyone care?"), or "and the <noun>?" in any of several languages ("¿Y los precios?", "Et le coût ?")
_YES_NO_QUESTION = _rx(r"^(?:will|would|can|could|should|shall|must|does|do|did|is|are|has|have)\s+(?:the|a|an|"
                       r"more|most|all|(?-i:[A-Z])\w+|[a-z]{3,}s)\b")
_AND_QUESTION = _rx(r"^\u00bf?(?:and|y|e|et|und|en|eta|i|og|och|ja)\s+(?:the|el|la|los|las|le|les|l['\u2019]|o|os|as|"
                    r"a|die|der|das|de|het)\s*[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,2}\s*\?$")
# ... not a question of the body: one that points back or at the writer or reader, one that muses ("What, then,
# ...", "... anyway?", "How else ...?") or one that asks what to do ("What's a parent to do?", "Where to start?")
_BODY_QUESTION = _rx(r"\b(?:i|me|my|we|us|our|you|your|it|its|this|that|these|those|they|them|he|she|him|her|then|"
                     r"anyway|else|here|now|again|really|exactly)\b|^\w+,|^\w+ to\b|\bto \w+\s*\?$")


def _question_headings(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """A subheading put as a question, standing alone (blank lines around it) between two paragraphs of the text:
    a line of at most nine words asking "What about ...?" or "How about ...?"; or of at most eight words putting
    the objection the next paragraph answers with a negative auxiliary ("Hasn't this been tried?", "But won't rents
    rise?"); or of two to nine words opening with a question word, with no pronoun and no word of a musing or
    rhetorical question (``_WH_QUESTION``, ``_BODY_QUESTION``: "Who pays for the extra hours?"; a question set
    in two or three languages apart by " / " is a subheading whatever its words: "<A>? / What would it cost?"), or a
    noun phrase put in question ("Gardens for whom?", "Growth at what cost?"; ``_WHOM_QUESTION``). The last two
    only above a paragraph of two sentences or more (a comment typed one sentence to a paragraph asks such
    questions too), and the question word only below a paragraph of prose of the body (a photo caption may
    stand between them). A question in two or three languages may also stand right under a flagged line."""
    for pos in range(1, len(order) - 1):
        i = order[pos]
        s = _last_translation(lines[i].rstrip(_CLOSERS))
        n_words, translated = len(_words(s)), s != lines[i].rstrip(_CLOSERS)
        # a translated question may sit right under a flagged line ("Read also: ..."), a blank line below it
        set_off = _alone(order, pos) or translated and order[pos - 1] in kinds and order[pos + 1] > i + 1
        if i in kinds or not set_off or not s.endswith("?") or s.count("?") != 1 or order[pos + 1] in kinds:
            continue
        answered = _sentence_count(lines[order[pos + 1]]) >= 2
        # seventeenth round: a question in several languages whatever its last language ("... ? \u00b7 Qu'est-ce qui
        # ne va pas ?"), not only one whose last part asks in English
        asks = 2 <= n_words <= 9 and (translated or _WH_QUESTION.match(s) or _WHOM_QUESTION.match(s) or n_words <= 7 and
                                      (_YES_NO_QUESTION.match(s) or _AND_QUESTION.match(s))) and \
            (translated or not _BODY_QUESTION.search(s) or _ours_after_furniture(lines, order, pos, kinds, s)) and \
            _prose_above(lines, order, pos, kinds)
        if n_words <= 9 and _ABOUT_QUESTION.match(s) or answered and (
                n_words <= 8 and _OBJECTION_QUESTION.match(s) or asks):
            kinds[i] = "heading"


# the marks between the languages of a question subheading: " / ", " | " and (fourteenth round) " \u00b7 ", " \u2022 "
_QUESTION_PARTS = re.compile(r"\s+[/|\u00b7\u2022]\s+")


# the first person plural that a subheading may use ("What did our grandparents use?", "Where do we start?")
_WE = _rx(r"\b(?:we|us|our)\b")
# the kinds of furniture set between the paragraphs after which a subheading may open a new section
_BREAK_KINDS = ("related", "caption", "credit", "heading")


def _ours_after_furniture(lines: List[str], order: List[int], pos: int, kinds: Dict[int, str], s: str) -> bool:
    """Fourteenth round: the question ``s`` (the ``pos``-th non-blank line) of at most seven words speaks in the first
    person plural and of nothing else a body question points at (``_WE``, ``_BODY_QUESTION``), and the line above it,
    across a blank line, is furniture set between the paragraphs (``_BREAK_KINDS``: a "Read also" line, a caption, a
    pull quote): a subheading opening the next section ("What did our grandparents use?"). Not below an
    advertisement marker (the text resumes after an ad slot), nor where the question is the body's next paragraph.

    Returns:
        A bool."""
    above = order[pos - 1]
    return len(_words(s)) <= 7 and bool(_WE.search(s)) and not _BODY_QUESTION.search(_WE.sub("", s)) and \
        above < order[pos] - 1 and kinds.get(above) in _BREAK_KINDS


def _last_translation(s: str) -> str:
    """The last part of a question set in two or three languages apart by " / " ("Porqu\u00ea pontes? / Why bridges?"),
    a bar, a middle dot or a bullet (``_QUESTION_PARTS``), when every part is a question of at most nine words; else
    ``s``.

    Returns:
        A str: that part (e.g. "Why bridges?"), or ``s`` itself."""
    parts = [p.strip() for p in _QUESTION_PARTS.split(s)]
    if 2 <= len(parts) <= 3 and all(p.endswith("?") and 0 < len(_words(p)) <= 9 for p in parts):
        return parts[-1]
    return s


def _prose_above(lines: List[str], order: List[int], pos: int, kinds: Dict[int, str]) -> bool:
    """The nearest unflagged line above the ``pos``-th non-blank line, past the furniture set between the paragraphs
    (photo captions and credits, pull quotes, "Read also" lines), is a paragraph of prose (``_prose``). An
    advertisement marker is not passed: the text resumes below an ad slot, so a short question there is the body's."""
    for i in reversed(order[:pos]):
        if kinds.get(i) == "advertisement":
            return False
        if i not in kinds:
            return _prose(lines[i])
    return False


def _between_paragraphs(lines: List[str], order: List[int], kinds: Dict[int, str], led: List[int]) -> None:
    """The furniture set between the paragraphs of the body: pull quotes, subheadings put as questions or as bare
    phrases, and photo captions that describe a scene. ``led``: the lines that open with a mark a pull quote may
    open with, as typed (``_pull_led``)."""
    _pull_quotes(lines, order, kinds)
    _bare_pull_quotes(lines, order, kinds)
    _echoed_pull_quotes(lines, order, kinds)
    _distant_pull_quotes(lines, order, kinds, led)
    _repeated_paragraphs(lines, order, kinds, led)
    _question_headings(lines, order, kinds)
    _bare_subheadings(lines, order, kinds)
    _scene_captions(lines, order, kinds)
    _caption_twins(lines, order, kinds)
    _question_headings(lines, order, kinds)  # again: a question under a caption only now flagged
    _foreign_question_headings(lines, order, kinds)
    _foreign_pull_quotes(lines, order, kinds)


def _bare_subheadings(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Lines between the paragraphs that do not end like a sentence (no punctuation at their end: no full stop,
    question mark, colon, comma, closing quote or bracket), opening with a capital or a number ("1. ..."), standing
    alone between blank lines with a paragraph of prose right below them (``_prose``): of one to eight words and at
    most 70 characters, a subheading ("Drivers gain too"; ``heading``); of nine to 40 words, with prose or furniture
    right above as well, a caption set without its full stop (``caption``) -- also with furniture right below (a
    subheading standing alone) when a paragraph of prose stands right above. Prose never stands so: a paragraph of
    the body ends like a sentence; and a text typed without full stops has no prose around its lines. The lines are
    judged from the foot up, so a subheading is known before the caption right above it."""
    for pos in reversed(range(1, len(order) - 1)):
        i = order[pos]
        s = lines[i]
        if i in kinds or not _alone(order, pos) or not (s[:1].isupper() or _NUMBERED.match(s)) or \
                not (s[-1].isalnum() or s[-1] == ")") or _ends_sentence(s):
            continue
        n_words, below, above = len(_words(s)), order[pos + 1], order[pos - 1]
        if 1 <= n_words <= 8 and len(s) <= 70 and _prose(lines[below]):
            kinds[i] = "heading"
        elif 9 <= n_words <= 40 and (_prose(lines[below]) and (above in kinds or _prose(lines[above])) or
                                     below in kinds and above not in kinds and _prose(lines[above])):
            kinds[i] = "caption"


# the mark a pull quote may open with besides quote marks: a dash, a bar, a dingbat, a head mark ("\u2014 ...",
# "\u2015 ...", "\u258c...", "\u0f04 ..."): anything that is neither a letter nor a digit
_LEAD_MARK = re.compile(r"^[^\w\s]")
# the end of a sentence inside a paragraph: a stop, perhaps a closing quote mark, then space
_SENTENCE_END = re.compile(r"(?<=[.!?\u3002])[\"'\u201d\u2019\u00bb\u203a)]*\s+")


def _sentence_runs(s: str, most: int) -> List[str]:
    """The runs of one to ``most`` consecutive sentences of the paragraph ``s`` (``_plain``), fewer than all of
    them: the text a pull quote may repeat.

    Returns:
        A list of str."""
    sentences = [_plain(t) for t in _SENTENCE_END.split(s) if t.strip()]
    return [" ".join(sentences[a:b]) for a in range(len(sentences))
            for b in range(a + 1, min(a + most, len(sentences) - (a == 0)) + 1)]


def _echoed_pull_quotes(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Fourteenth round: a pull quote (``heading``) of five to 60 words and one or two sentences that repeats whole
    sentences of a paragraph (``_sentence_runs``), whatever mark leads it (a dash, a bar, a dingbat, quote marks or
    none): set right under the paragraph it quotes (no blank line between; a blank line, furniture or the text's end
    below it), or led by a mark and standing apart between the paragraphs (``_set_apart``) when it repeats a
    paragraph elsewhere. Who said it, after a closing quote mark, is left out (``_ATTRIBUTION``)."""
    for pos, i in enumerate(order[1:], start=1):
        s = lines[i]
        quote = _plain(_ATTRIBUTION.sub("", s))
        if i in kinds or not 5 <= len(quote.split()) <= 60 or _sentence_count(s) > 2:
            continue
        above, last = order[pos - 1], pos == len(order) - 1
        if above == i - 1 and above not in kinds and (last or order[pos + 1] > i + 1 or order[pos + 1] in kinds):
            sources = [above]
        elif _LEAD_MARK.match(s) and not last and _set_apart(order, pos, kinds):
            sources = [j for j in order if j != i and j not in kinds]
        else:
            continue
        if any(quote in _sentence_runs(lines[j], 2) for j in sources):
            kinds[i] = "heading"


# sixteenth round: the first character of a line that may lead a pull quote set anywhere between the paragraphs --
# a quote mark, an angle or a bar (">", "\u2503", "|", "\u00bb"), a dingbat -- but not a dash or a bracket (a line of
# dialogue, "(NCN) \u2014 ..."), nor the markup of emphasis, a heading or a list ("*", "_", "#", "\u2022")
_NOT_PULL_LEAD = "([{<*_#\u2022\u00b7-"


def _pull_led(line: str) -> bool:
    """``line`` (as typed, before ``_core`` strips its bullets) opens with a mark that may lead a pull quote
    (``_NOT_PULL_LEAD``, and no dash of any kind).

    Returns:
        A bool."""
    c = line[:1]
    return bool(_LEAD_MARK.match(line)) and c not in _NOT_PULL_LEAD and unicodedata.category(c) != "Pd"


def _echoes_sentence(quote: List[str], sentence: List[str], near: bool) -> bool:
    """The words ``quote`` (three or more) open the sentence ``sentence``: verbatim (the rest of the sentence cut
    off), or when ``near`` near-verbatim -- the same first word, and at least 80% of the words, in order, in its first
    words (half as many again as the quote has: a clause left out).

    Returns:
        A bool."""
    if len(quote) < 3 or not sentence or quote[0] != sentence[0]:
        return False
    if not near:
        return sentence[:len(quote)] == quote
    window = sentence[:len(quote) * 3 // 2 + 1]
    matcher = difflib.SequenceMatcher(None, quote, window, autojunk=False)
    return sum(b.size for b in matcher.get_matching_blocks()) >= 0.8 * len(quote)


def _echoes_paragraph(quote: List[List[str]], paragraph: str) -> bool:
    """Each sentence of ``quote`` (words of ``_plain`` sentences) opens consecutive sentences of ``paragraph``
    (``_echoes_sentence``): near-verbatim when the quote has eight words or more, else verbatim.

    Returns:
        A bool."""
    sentences = [_plain(t).split() for t in _SENTENCE_END.split(paragraph) if t.strip()]
    near = sum(map(len, quote)) >= 8
    return any(all(_echoes_sentence(q, sentences[t + k], near) for k, q in enumerate(quote))
               for t in range(len(sentences) - len(quote) + 1))


def _distant_pull_quotes(lines: List[str], order: List[int], kinds: Dict[int, str], led: List[int]) -> None:
    """Sixteenth round: a pull quote (``heading``) led by a mark (``led``: the lines ``_pull_led`` accepts as typed,
    a "> " or a bar included) or wholly in quote marks, of one or two sentences, five to 60 words, not a question,
    ending a block (a blank line, furniture or the text's end below it), whose sentences open consecutive sentences
    of any paragraph of prose of the page (``_echoes_paragraph``, near-verbatim from eight words: "> Nobody is being
    thrown off their land. The law asks a tenant to use it." for "... Nobody is being thrown off their land. The law
    asks a tenant to use it, to let someone else use it, or to step aside ..."), wherever that paragraph stands. Who
    said it, after a closing quote mark, is left out (``_ATTRIBUTION``). A quotation that repeats no sentence of the
    page stays body."""
    for pos, i in enumerate(order[1:], start=1):
        s = _ATTRIBUTION.sub("", lines[i]).rstrip(_CLOSERS + _CLOSE_QUOTE)
        below = order[pos + 1] if pos + 1 < len(order) else None
        if i in kinds or not (i in led or _wholly_quoted(lines[i])) or s.endswith("?") or \
                not (below is None or below > i + 1 or below in kinds):
            continue
        quote = [_plain(t).split() for t in _SENTENCE_END.split(s) if _plain(t)]
        sources = [j for j in order if j != i and j not in kinds and _prose(lines[j])]
        if 1 <= len(quote) <= 2 and 5 <= sum(map(len, quote)) <= 60 and \
                any(_echoes_paragraph(quote, lines[j]) for j in sources):
            kinds[i] = "heading"


def _repeated_paragraphs(lines: List[str], order: List[int], kinds: Dict[int, str], led: List[int]) -> None:
    """Seventeenth round: a pull quote (``heading``) led by any mark (``led``, "\u258dThe gate is not a car park.")
    or wholly in quote marks, standing apart between the paragraphs (``_set_apart``), of three to 60 words and not a
    question, that repeats word for word (``_plain``) a whole paragraph of the page, a short one included, wherever
    it stands (the sixteenth round's ``_distant_pull_quotes`` takes only paragraphs of prose as sources). Who said
    it, after a closing quote mark, is left out (``_ATTRIBUTION``)."""
    paragraphs = {_plain(lines[j]): j for j in order if j not in kinds}
    for pos, i in enumerate(order):
        s = _ATTRIBUTION.sub("", lines[i]).rstrip()
        if i in kinds or not (i in led or _wholly_quoted(lines[i])) or s.rstrip(_CLOSE_QUOTE).endswith("?") or \
                not _set_apart(order, pos, kinds):
            continue
        quote = _plain(s)
        if 3 <= len(quote.split()) <= 60 and paragraphs.get(quote, i) != i:
            kinds[i] = "heading"


# sixteenth round: the English words that a question in the language of an English body holds ("who", "is", "we",
# "what", ...); not those that other languages share ("a", "in", "no", "so", "to", "on", "do": "\u00bfA qui\u00e9n
# le importa?"), which the body's vocabulary tells apart instead
_ENGLISH_ASKS = _ENGLISH_MARKERS | {
    "what", "why", "how", "when", "where", "whom", "whose", "do", "does", "did", "can", "could", "should", "shall",
    "must", "may", "might", "we", "us", "you", "me", "my", "if", "then", "there", "these", "those", "about", "any",
    "anyone", "anything", "really", "else", "much", "many", "ever", "only", "just", "still", "all", "yes", "them",
    "him", "than", "but", "nor", "into", "over", "isn't", "aren't", "won't", "don't", "doesn't", "didn't", "can't",
    "too", "yet", "now", "new", "old", "own", "way", "one", "two", "out", "off", "up", "per", "via", "get", "got",
    "let", "say", "see", "set", "put", "use", "lot", "far", "few", "bad", "big", "more", "less", "most", "very",
    "enough", "again", "also", "even", "same", "other", "such", "here", "who's", "what's", "it's"}
# the question marks of several scripts: Latin, full-width, Arabic
_QUESTION_MARKS = "?\uff1f\u061f"
# the least share of English function words in the body's prose for it to count as English (about a quarter in
# English prose, none in Spanish or German)
_ENGLISH_BODY = 0.15


def _foreign_question(s: str, vocabulary: set) -> bool:
    """``s`` is a short question in a language other than the body's: three to ten words, a capital first (after an
    opening "\u00bf" or "\u00a1"), one question mark, at its end; no English word a question of the body would
    hold (``_ENGLISH_ASKS``, the pronoun "I"); at most half its words found in the body's prose (``vocabulary``, lower
    case; a name or the topic's word may be); and a short word of its own language after the first (one to three
    letters, not a capital, neither English nor found in the body: "en", "el", "ja", "ol") -- an English fragment
    ("Sheer political cowardice?") has none.

    Returns:
        A bool."""
    words = _words(s)
    if not 3 <= len(words) <= 10 or s[-1:] not in _QUESTION_MARKS or sum(s.count(q) for q in _QUESTION_MARKS) != 1 \
            or not _capital_first(s.lstrip("\u00bf\u00a1")):
        return False
    return _foreign_words(words, vocabulary)


def _foreign_words(words: List[str], vocabulary: set) -> bool:
    """``words`` are in a language other than the English body's (whose words are ``vocabulary``): no English word
    a sentence of the body would hold (``_ENGLISH_ASKS``, the pronoun "I"), at most half of them found in the body,
    and a short word of their own language after the first (``_foreign_question``).

    Returns:
        A bool."""
    low = [w.lower().replace("\u2019", "'") for w in words]
    own = [w for w, o in zip(words[1:], low[1:]) if len(w) <= 3 and w.isalpha() and not w[:1].isupper() and
           o not in vocabulary and o not in _ENGLISH_ASKS]
    return bool(own) and "I" not in words and not any(w in _ENGLISH_ASKS for w in low) and \
        2 * sum(w in vocabulary for w in low) <= len(low)


def _english_vocabulary(lines: List[str], order: List[int], kinds: Dict[int, str]) -> Optional[set]:
    """The words (lower case) of the body's paragraphs of prose when the body is English (``_ENGLISH_BODY``).

    Returns:
        A set of str, or None when the body is not English."""
    prose = [lines[i] for i in order if i not in kinds and _prose(lines[i])]
    if _english_share(" ".join(prose)) < _ENGLISH_BODY:
        return None
    return {w.lower().replace("\u2019", "'") for line in prose for w in _words(line)}


def _foreign_pull_quotes(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Seventeenth round: a pull quote translated into another language (``heading``): a line wholly in quote marks
    (``_wholly_quoted``; a closing mark may open it, "\u201dHooyaday waxay ...\u201d") opening with a mark that is
    not the English opening quote (the body's own quotations open with "\u201c" or a straight quote), standing
    apart between the paragraphs of an English body (``_set_apart``), of one sentence of four to 30 words, not a
    question, in another language (``_foreign_words``).

    Returns:
        None; ``kinds`` is updated."""
    if not any(lines[i][:1] not in "\"'\u201c" and _wholly_quoted(lines[i]) for i in order[1:-1]):
        return  # no line that could be one: the body's vocabulary is not needed (most texts)
    vocabulary = _english_vocabulary(lines, order, kinds)
    if vocabulary is None:
        return
    for pos in range(1, len(order) - 1):
        i = order[pos]
        s = lines[i].rstrip(" .")
        if i in kinds or lines[i][:1] in "\"'\u201c" or not _wholly_quoted(lines[i]) or \
                not _set_apart(order, pos, kinds):
            continue
        words = _words(s)
        if 4 <= len(words) <= 30 and not s.rstrip(_CLOSE_QUOTE).endswith(tuple(_QUESTION_MARKS)) and \
                _sentence_count(s.rstrip(_CLOSE_QUOTE + ".!")) == 0 and _foreign_words(words, vocabulary):
            kinds[i] = "heading"


def _foreign_question_headings(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Sixteenth round: a question subheading in one language that is not the body's (``heading``): a line standing
    alone between the paragraphs of an English body (``_ENGLISH_BODY``), not in quote marks (a question someone in
    the story asks), that is a short question in another language (``_foreign_question``: "Kas notiek, ja ledus
    iel\u016bst?", "\u00bfPor qu\u00e9 compostar en el mercado?"), with a paragraph of prose of the body above it
    (``_prose_above``: not past an advertisement marker) and a paragraph of two sentences or more right below it. A
    rhetorical question the writer sets as a paragraph of its own is in the body's language, so it stays body."""
    if not any(lines[i].rstrip(_CLOSERS)[-1:] in _QUESTION_MARKS for i in order[1:-1]):
        return  # no line that could be one: the body's vocabulary is not needed (most texts)
    vocabulary = _english_vocabulary(lines, order, kinds)
    if vocabulary is None:
        return
    for pos in range(1, len(order) - 1):
        i, below = order[pos], order[pos + 1]
        s = lines[i].rstrip(_CLOSERS)
        if i in kinds or below in kinds or not _alone(order, pos) or lines[i][:1] in _PULL_OPEN:
            continue
        if _foreign_question(s, vocabulary) and _prose(lines[below]) and _sentence_count(lines[below]) >= 2 and \
                _prose_above(lines, order, pos, kinds):
            kinds[i] = "heading"


def _caption_twins(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Fourteenth round: a caption without a credit set in one block with another caption or a credit (the same
    caption in the page's other language, or a caption right under its credit line; ``caption``): the line right
    above or below a ``caption`` or ``credit`` line (no blank line between), in a block (blank lines or the text's
    edges around it) whose other lines are all furniture, of one or two
    sentences and at most 30 words, without the words of an argument (``_NOT_SCENE``), that describes a scene
    (``_scene``, or any verb in the present tense with a place) or has no verb a clause needs (``_CLAUSE_WORD``: a
    noun phrase or a participle, "Burning offerings on <street> on the fifteenth day of the lunar month.")."""
    for block in _blocks(lines, order):
        if not any(kinds.get(j) in ("caption", "credit") for j in block):
            continue
        loose = [j for j in block if j not in kinds]
        if len(loose) != 1:
            continue
        i = loose[0]
        s = lines[i]
        if not any(kinds.get(j) in ("caption", "credit") for j in (i - 1, i + 1)) or len(_words(s)) > 30 or \
                _sentence_count(s.rstrip(".!?")) > 1 or _NOT_SCENE.search(s):
            continue
        if not _CLAUSE_WORD.search(s) or _scene(s) or _scene_any_verb(s, timed=False):
            kinds[i] = "caption"


def _prose(s: str) -> bool:
    """``s`` reads as a line of running prose: twelve words or more, ending like a sentence."""
    return len(_words(s)) >= 12 and _ends_sentence(s)


def _scene_captions(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """A photo caption set as a full sentence (``caption``): a line of at most 40 words, standing alone between
    blank lines (or last in the page head, right under furniture), that describes a scene -- a subject and a verb
    of what the picture shows in the present tense, and a named place after a preposition (``_SCENE``; some verbs
    only with the moment of the picture, ``_SCENE_TIMED``), or a noun
    phrase with a place in it and a "where" or "which" clause (``_SCENE_WHERE``), its subject or noun phrase free of
    verbs and clauses (``_CLAUSE_WORD``), or a line saying who or what is pictured (``_PICTURED``) -- without the
    words of an argument (``_NOT_SCENE``: I, we, you, should, because, not, quotes, questions). Not the first line
    of the text. Last in a block of furniture between paragraphs counts as alone (a caption right under the
    sponsored line it was pasted with). Right above its photo credit (a blank line above, the credit line below) or
    right under the byline or the date line in the page head, a caption may also open with a noun phrase and any
    verb in the present tense and name a place (``_scene_any_verb`` without the moment of the picture): "A new road
    cuts through the orchard near <Place>", "Apple trees bloom on a slope above <Place>. Scientists regard ..."."""
    for pos in range(1, len(order)):
        i = order[pos]
        s = lines[i]
        if i in kinds or len(_words(s)) > 40 or _NOT_SCENE.search(s):
            continue
        below_blank = pos == len(order) - 1 or order[pos + 1] > i + 1
        credited = not below_blank and _credit_line(lines, kinds, i + 1) and order[pos - 1] < i - 1
        head = all(j in kinds for j in order[:pos])
        if not (below_blank or credited) or \
                not (_alone(order, pos) or head or credited or _set_apart(order, pos, kinds)):
            continue
        above = order[pos - 1]
        under_byline = head and (kinds.get(above) in ("byline", "timestamp") or
                                 len(_words(lines[above])) <= 15 and bool(_DATE_RX.search(lines[above])))
        if _scene(s) or (credited or under_byline) and _scene_any_verb(s, timed=False):
            kinds[i] = "caption"


_DATE_RX = _rx(_DATE)


def _scene(s: str) -> bool:
    """``s`` describes what a photo shows (see ``_scene_captions``)."""
    return bool(_PICTURED.search(s)) or _scene_sentence(s) or _scene_participle(s) or _scene_phrase(s) or \
        _scene_any_verb(s) or _scene_passive(s)


# ... or a subject and a verb in the present passive: "Pirogues are pushed into the surf at dawn on the beach of
# Kayar.", "A crate is lifted onto the quay at Mopti shortly after six."
_SCENE_PASSIVE = re.compile(r"^(?P<subject>[A-Z][\w'\u2019-]*(?: [\w'\u2019-]+){0,5}?) (?P<verb>is|are) (?:being )?"
                            r"(?:[a-z]+ed|[a-z]+en|[a-z]+wn|sold|held|led|fed|set|laid|hung|spun|built|caught|brought)"
                            r" (?:[a-z]+ )?(?:into|onto|in|at|on|from|off|out|up|down|"
                            r"across|along|through|by|to|over)\b")


def _scene_passive(s: str) -> bool:
    """``s`` opens with a noun phrase (``_noun_subject``) and a verb in the present passive that agrees with it, and
    names a place and the moment of the picture (``_SCENE_MOMENT``): "Pirogues are pushed into the surf at dawn on
    the beach of Kayar." (the habit of a body sentence, "Pirogues are launched from Kayar every day", has no
    moment)."""
    m = _SCENE_PASSIVE.match(s)
    return bool(m and _noun_subject(m.group("subject")) and _agrees(m.group("subject").split(), m.group("verb")) and
                _SCENE_MOMENT.search(s) and _SCENE_PLACE.search(s))


def _scene_sentence(s: str) -> bool:
    """``s`` opens with a subject and a verb of what a picture shows that agree in number ("Porters load",
    "A crew replaces"), the subject a noun phrase (``_noun_subject``), and names a place; a verb an argument uses
    as often ("follow", "leave", "eat"; ``_SCENE_VERB_TIMED``) only with the moment the picture was taken
    ("shortly after ten", "on Tuesday morning"; ``_SCENE_TIME``)."""
    m = _SCENE.match(s) or (_SCENE_TIMED.match(s) if _SCENE_TIME.search(s) else None)
    if m is None or not _SCENE_PLACE.search(s) or not _noun_subject(m.group("subject")):
        return False
    return _agrees(m.group("subject").split(), m.group("verb").split()[0])


def _noun_subject(subject: str) -> bool:
    """``subject`` reads as a noun phrase: no pronoun first, no clause word, no lead ("Through ..."), no stop word
    last, no adverb and no word in -ing but a noun ("building")."""
    if _PRONOUN_START.match(subject) or _CLAUSE_WORD.search(subject):
        return False
    tokens = [t.lower() for t in subject.split()]
    return not (tokens[0] in _LEADS or tokens[-1] in _STOPWORDS or any(
        t in _ADVERBS or t.endswith("ing") and t not in _ING_NOUNS for t in tokens))


# ... or a subject and a participle in -ing, with no finite verb: "Volunteers sorting coats at a shelter in Uzhhorod
# on Monday.", "Trawlers unloading their catch at Mooloolaba."
_SCENE_ING = re.compile(r"^(?P<subject>[A-Z][\w'\u2019-]*(?: [\w'\u2019-]+){0,5}?) (?P<verb>[a-z]{2,}ing) "
                        r"(?P<rest>[^.!?;:]{3,200})\.?$")
# words in -ing that are not participles: "Addition of X during ..." has no participle
_ING_PREPOSITIONS = {"during", "including", "regarding", "concerning", "following", "according", "considering",
                     "excluding", "pending", "notwithstanding", "barring", "nothing", "something", "anything",
                     "everything"}
# a named place at the end of a line: "... at Mooloolaba.", "... in Khon Kaen province"
_PLACE_END = re.compile(r"\b(?:in|at|near|outside|on|along|off) (?:the )?[A-Z][\w'\u2019-]*(?:,? [A-Z][\w'\u2019-]*)"
                        r"{0,3}(?: (?:district|province|county|region|city|state))?\.?$")


def _scene_participle(s: str) -> bool:
    """``s`` is a noun phrase (``_noun_subject``) and a participle in -ing, with no clause word (``_CLAUSE_WORD``)
    anywhere, of at most 30 words, that names a place at its end or says when the picture was taken
    (``_SCENE_TIME``). A sentence of the body has a finite verb, so it is left to ``_scene_sentence``."""
    m = _SCENE_ING.match(s)
    if m is None or len(_words(s)) > 30 or m.group("verb") in _ING_NOUNS | _ING_PREPOSITIONS or \
            _CLAUSE_WORD.search(s):
        return False
    return _noun_subject(m.group("subject")) and bool(_SCENE_TIME.search(s) and _SCENE_PLACE.search(s) or
                                                       _PLACE_END.search(s))


# the moment of a picture, which neither a habit nor a date to come gives ("on Saturday nights", "shortly after
# every storm", "on March 3"):
# "shortly after eight", "on a Friday night", "at dusk", "on November 4, 2023", "in March 2025", "..., 2025."
_SCENE_MOMENT = _rx(r"\b(?:(?:shortly|just|soon) (?:after|before)\b(?! (?:every|each|any)\b)|"
                    r"on (?:a |an )?(?:\w+ )?(?:mon|tues|wednes|thurs|fri|satur|sun)day (?:morning|afternoon|evening|"
                    r"night)\b|at (?:dawn|dusk|nightfall|sunset|sunrise|"
                    rf"first light)\b|{_MONTH} \d{{1,2}}, \d{{4}}\b|in {_MONTH} \d{{4}}\b|{_SCENE_DAY})|"
                    r", (?:19|20)\d\d\.?$")
# words that are not a verb in the present tense after a subject: past forms, prepositions, determiners
_NOT_PRESENT = {"was", "were", "had", "did", "went", "came", "took", "gave", "got", "made", "stood", "sat", "ran",
                "held", "left", "drove", "rode", "ate", "fell", "found", "kept", "led", "lost", "met", "paid", "put",
                "said", "sent", "set", "spent", "told", "thought", "brought", "bought", "caught", "taught", "fought",
                "won", "wore", "wrote", "broke", "chose", "spoke", "woke", "began", "drank", "sang", "swam", "knew",
                "grew", "threw", "flew", "drew", "saw", "shook", "hung", "rose", "sold", "struck", "slept", "meant",
                "hit", "cut", "let", "shut", "outside", "inside", "near", "along", "across", "behind", "beside",
                "through", "towards", "toward", "after", "before", "during", "under", "above", "below", "past",
                "around", "this", "these", "those", "some", "every", "each", "all", "most", "many", "few", "more"}


def _scene_any_verb(s: str, timed: bool = True) -> bool:
    """``s`` opens with a noun phrase of one to five words (``_noun_subject``) and a verb in the present tense that
    agrees with it ("Parents drop off ...", "A worker adjusts ..."), names a place and the moment of the picture
    (``_SCENE_MOMENT``; not asked for when ``timed`` is false: a line set above its photo credit): a scene
    whatever its verb. A past form, an adverb or a preposition is no such verb."""
    tokens = s.split()
    if not ((_SCENE_MOMENT.search(s) or not timed) and _SCENE_PLACE.search(s)):
        return False
    for k in range(1, min(6, len(tokens) - 1)):
        verb = tokens[k]
        if not verb.isalpha() or not verb.islower() or verb in _NOT_PRESENT | _STOPWORDS | _ADVERBS or \
                verb.endswith(("ed", "ly", "ing")) or _CLAUSE_WORD.match(verb):
            continue
        if _noun_subject(" ".join(tokens[:k])) and _agrees(tokens[:k], verb):
            return True
    return False


def _agrees(subject: List[str], verb: str) -> bool:
    """A verb in the present tense agrees in number with the head of its subject ("Porters load", "A crew
    replaces"): the word before "of", "in", ... or the last word."""
    tokens = [t.lower().rstrip(",") for t in subject]
    head = next((tokens[k - 1] for k in range(1, len(tokens)) if tokens[k] in ("of", "in", "at", "from", "with",
                                                                                 "on", "near")), tokens[-1])
    if head.endswith(("'s", "\u2019s")):
        return False  # a possessive is no head: "The CIA's torture ..."
    plural = head in _PLURALS or head.endswith("men") or head.endswith("s") and not head.endswith(("ss", "us", "is"))
    return plural != verb.endswith("s")


def _scene_phrase(s: str) -> bool:
    """``s`` is a noun phrase naming a place, then a "where" or "which" clause ("A quiet corner of the depot in
    Leith, where ..."): no pronoun first, no clause word, and a word in -ed only as an adjective, right after an
    article or a preposition ("a shared service point", "a row of shuttered kiosks")."""
    m = _SCENE_WHERE.match(s) if s[:1].isupper() else None
    if m is None or _PRONOUN_START.match(s) or _POSSESSIVE_START.match(s) or _CLAUSE_WORD.search(m.group("subject")):
        return False
    tokens = m.group("subject").split()
    return bool(_SCENE_PLACE.search(m.group("subject"))) and all(
        k > 0 and tokens[k - 1].lower() in _ADJECTIVE_AFTER for k, t in enumerate(tokens) if t.lower().endswith("ed"))


# a sentence opening with one of these has no noun phrase for its subject: "Through a long process, ..."
_LEADS = {"through", "in", "at", "on", "after", "before", "during", "for", "with", "by", "from", "since", "when",
          "while", "if", "although", "as", "because", "despite", "under", "over", "without", "within", "across",
          "among",
          "between", "into", "to", "both", "either", "neither", "once", "until", "unless", "whether"}
_ADJECTIVE_AFTER = {"a", "an", "the", "of", "in", "at", "on", "with", "and", "near", "by", "from", "inside", "outside"}
_POSSESSIVE_START = _rx(r"^(?:their|his|her|its|our|my|your)\b")
_PRONOUN_START = _rx(r"^(?:he|she|it|they|this|that|these|those|there|here|who|what|which|some|many|most|all|each|"
                     r"every|one|people|everyone|everybody|someone)\b")
# a subject (or a noun phrase) with one of these has a verb or a clause of its own: not what a caption opens with
_CLAUSE_WORD = _rx(r"\b(?:is|are|was|were|be|been|being|has|have|had|will|shall|can|may|do|does|did|to|while|if|"
                   r"when|as|although|though|since|whether|that|who|which)\b")


# a headline in a list of other articles: an optional number or bullet ("3.", "4)", "(1)", "»", "◆", "–", an arrow,
# a dingbat, an emoji, a circled number), then a capital
_BULLETS = (r"[\u2023\u2043\u00bb\u203a\u2013\u2014\u25a0-\u25ff\u2190-\u21ff\u2700-\u27bf\u2460-\u2473\u2776-\u2793\u2605\u2606"
            r"\u2666\u2756\u2b50\u2b9e\U0001f300-\U0001faff]\ufe0f?")
# a list item's number or bullet: "1.", "(2)", "3" set off by a tab or two spaces, "•", "~", "◇", "✦", ...
_ITEM_NUMBER = re.compile(r"^(?:\(?\d{1,2}[.)]\s+|\d{1,2}(?:\t|\s{2,})|(?:[\u2022\u00b7\u25aa\u25b8\u25ba*+~-]|" +
                          _BULLETS + r")\s+)")
_ITEM_KINDS = (None, "related", "title", "heading", "section")  # kinds a headline of a list may have already
# ... and its header ("More", "Next"; or a short line the learned classifier took for another kind of furniture)
_HEADER_KINDS = _ITEM_KINDS + ("navigation", "newsletter", "advertisement", "share", "comment_prompt", "tags")
_ITEM_META = ("timestamp", "byline")  # lines that may follow each headline of a list


def _list_header(s: str, kind: Optional[str]) -> bool:
    """``s`` may head a list of links: one to six words and at most 48 characters, a capital first, no punctuation
    at its end but a colon ("More Opinions", "In Other News", "Talk:"), unflagged or flagged only as a related
    header, a section, a navigation word or by its shape; or two such headers, one per language, set apart by a
    slash or a bar ("Lire aussi / Read also"), one of them perhaps in a script without case ("ຂ່າວທີ່ກ່ຽວຂ້ອງ / In
    the same section")."""
    t = s.rstrip(":").rstrip()
    parts = _BILINGUAL.split(t) if len(_BILINGUAL.split(t)) == 2 else [t]  # "Nos lecteurs ont aimé / Readers liked"
    return kind in _HEADER_KINDS and ":" not in t and all(
        1 <= len(_words(p)) <= 6 and len(p) <= 48 and _capital_first(p) and _no_final_stop(p, allow_questions=False)
        for p in parts) and any(p[:1].isupper() for p in parts)


def _capital_first(s: str) -> bool:
    """``s`` opens with a capital or with a letter of a script without case (Lao, Khmer, Kannada, Tibetan, ...)."""
    c = s[:1]
    return c.isupper() or c.isalpha() and not c.islower()


# a header given in two languages: "Lire aussi / Read also", "Más leídas | Most read"
_BILINGUAL = re.compile(r"\s+[/|]\s+")


def _headline_item(s: str, kind: Optional[str]) -> bool:
    """``s`` reads as the headline of another article in a list: unflagged (or flagged as ``related`` or by its
    shape), three to 22 words and at most 180 characters after an optional number or bullet and quote marks, a
    capital first and no full stop, comma or colon at its end (a headline may ask a question)."""
    t = _ITEM_NUMBER.sub("", s).lstrip(_OPEN_QUOTE)
    return kind in _ITEM_KINDS and 3 <= len(_words(t)) <= 22 and len(t) <= 180 and t[:1].isupper() and \
        _no_final_stop(t, allow_questions=True)


def _headline_lists(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """A list of other articles under a short header whatever its words (``related``): a header line
    (``_list_header``) followed, with no blank line between, by two or more headlines (``_headline_item``), each
    the list's own line (a line of its time or author may follow each), below the body and outside it
    (``_list_placed``); or the same list set one line to a paragraph (``_spaced_lists``)."""
    blocks = _blocks(lines, order)
    for b, block in enumerate(blocks):
        for k, h in enumerate(block[:-2]):
            run = _headlines_under(lines, block[k + 1:], kinds) if _list_header(lines[h], kinds.get(h)) else []
            n_items = sum(1 for j in run if kinds.get(j) not in _ITEM_META)
            if n_items >= 2 and _list_placed(lines, blocks, b, k, len(run), kinds):
                _flag_list(kinds, [h] + run)
                break
    _spaced_lists(lines, order, kinds)


def _spaced_lists(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """The same list set one line to a paragraph (blank lines between, ``related``): a header line alone, then two
    or more headlines each alone (``_headlines_under``), below a paragraph of prose, not announced by a colon on
    the line above, and followed by furniture, a paragraph of prose or nothing (not by more lines of the kind a
    text typed without full stops is made of)."""
    for pos, h in enumerate(order):
        if pos == 0 or not _alone(order, pos) or not _list_header(lines[h], kinds.get(h)) or \
                lines[order[pos - 1]].rstrip(_CLOSERS).endswith(":") or \
                not any(i not in kinds and _prose(lines[i]) for i in order[:pos]):
            continue
        below = itertools.takewhile(lambda p: _alone(order, p), range(pos + 1, len(order)))
        run = _headlines_under(lines, [order[p] for p in below], kinds)
        after = order[pos + 1 + len(run)] if pos + 1 + len(run) < len(order) else None
        if sum(1 for j in run if kinds.get(j) not in _ITEM_META) >= 2 and (
                after is None or after in kinds or _prose(lines[after])):
            _flag_list(kinds, [h] + run)


def _foot_headline(s: str) -> bool:
    """``s`` reads as the headline of another article set as a sentence: after an optional number or bullet, three
    to 22 words and at most 180 characters, a capital first, one sentence that may end in a full stop or a question
    mark ("Church leaders say the new road was promised three times and built once.")."""
    t = _ITEM_NUMBER.sub("", s).lstrip(_OPEN_QUOTE)
    return 3 <= len(_words(t)) <= 22 and len(t) <= 180 and _capital_first(t) and \
        _sentence_count(t.rstrip(".?!\u3002\uff1f")) == 0 and not t.rstrip(_CLOSERS).endswith((",", ";", ":"))


def _foot_headlines(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """A list of other articles in the page foot whose headlines are sentences (``related``): under a header line
    that keywords made ``related`` ("More from ...", "Also of interest"; ``_list_header``), with no blank line
    between, one or more headlines that may end in a full stop (``_foot_headline``), below a paragraph of prose,
    with no unflagged prose in a later block (``_in_foot``), and followed in their block by furniture -- or, for
    two headlines or more, by nothing. A closing paragraph is longer than a headline or set apart by a blank line.
    A header in words no list knows ("NOTAS RELACIONADAS", "Lees verder") counts when it is framed by furniture
    (``_framed_list``)."""
    blocks = _blocks(lines, order)
    for b, block in enumerate(blocks):
        for k, h in enumerate(block[:-1]):
            known = kinds.get(h) == "related" and _list_header(lines[h], "related")
            if not (known or kinds.get(h) in (None, "heading") and _list_header(lines[h], kinds.get(h))) or \
                    not _in_foot(lines, blocks[b + 1:], kinds) or \
                    not any(i not in kinds and _prose(lines[i]) for blk in blocks[:b] for i in blk):
                continue
            run = list(itertools.takewhile(lambda j: kinds.get(j) in (None,) + STRUCTURAL_KINDS and
                                           _foot_headline(lines[j]), block[k + 1:]))
            rest = block[k + 1 + len(run):]
            if known and run and (rest[0] in kinds if rest else len(run) >= 2) or \
                    not known and _framed_list(lines, block, k, run, kinds):
                _flag_list(kinds, run if known else [h] + run)


def _framed_list(lines: List[str], block: List[int], k: int, run: List[int], kinds: Dict[int, str]) -> bool:
    """The header at ``block[k]`` and its headlines ``run`` stand inside a block of furniture: noise right above
    the header and right below the last headline, two headlines or more, none speaking to or for the reader (I, we,
    you) and not all of them demands (should, must: a closing list of the writer's demands)."""
    rest = block[k + 1 + len(run):]
    return k > 0 and block[k - 1] in kinds and len(run) >= 2 and bool(rest) and rest[0] in kinds and \
        not any(_LIST_PERSON.search(lines[j]) for j in run) and not all(_LIST_DEMAND.search(lines[j]) for j in run)


_LIST_PERSON = _rx(r"\b(?:(?-i:I)|we|us|our|you|your)\b")
_LIST_DEMAND = _rx(r"\b(?:should|must|ought|need to|has to|have to)\b")


def _flag_list(kinds: Dict[int, str], list_lines: List[int]) -> None:
    """The lines of a list of other articles become ``related``, but for those already flagged by a keyword."""
    for j in list_lines:
        kinds[j] = "related" if kinds.get(j) in STRUCTURAL_KINDS + (None,) else kinds[j]


def _list_placed(lines: List[str], blocks: List[List[int]], b: int, k: int, n_items: int,
                 kinds: Dict[int, str]) -> bool:
    """The list headed by line ``k`` of block ``b`` (``n_items`` lines under it) stands where pages put their
    lists: below a paragraph of prose of the body (a text without one is no page), not announced by a colon on the
    line above its header (a list of the body is: "The council can do three things:"), and either alone between
    blank lines (the block is the header and its headlines) or in the page foot (no unflagged prose in a later
    block; the block may go on below the list with a line that does not continue its last headline). A header
    inside its block stands right under furniture: a paragraph set against the list stays out of it."""
    block = blocks[b]
    rest = block[k + 1 + n_items:]
    above = block[k - 1] if k else blocks[b - 1][-1] if b else None
    if above is None or lines[above].rstrip(_CLOSERS).endswith(":") or k and above not in kinds or \
            not any(i not in kinds and _prose(lines[i]) for blk in blocks[:b + 1] for i in blk if i < block[k]):
        return False
    goes_on = bool(rest) and rest[0] not in kinds and not _starts_upper(lines[rest[0]])
    return k == 0 and not rest or _in_foot(lines, blocks[b + 1:], kinds) and not goes_on


def _headlines_under(lines: List[str], below: List[int], kinds: Dict[int, str]) -> List[int]:
    """The lines of ``below`` that read as headlines (``_headline_item``) or give a headline's time or author
    ("3 hours ago", "By Jane Doe"; ``_ITEM_META``), up to the first that does neither."""
    return list(itertools.takewhile(
        lambda j: kinds.get(j) in _ITEM_META or _headline_item(lines[j], kinds.get(j)), below))


def _in_foot(lines: List[str], later: List[List[int]], kinds: Dict[int, str]) -> bool:
    """No unflagged line of prose (``_prose``) in the blocks ``later``: they are the page foot."""
    return not any(i not in kinds and _prose(lines[i]) for block in later for i in block)


def _blocks(lines: List[str], order: List[int]) -> List[List[int]]:
    """The non-blank lines grouped into blocks: runs of consecutive lines with no blank line between them."""
    out: List[List[int]] = []
    for i in order:
        if out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _furniture_block(block: List[int], kinds: Dict[int, str]) -> bool:
    """A block of at least three lines, two or more of them noise and noise at least half of them."""
    flagged = sum(1 for i in block if i in kinds)
    return len(block) >= 3 and flagged >= 2 and 2 * flagged >= len(block)


def _furniture_runs(lines: List[str], order: List[int], kinds: Dict[int, str]) -> None:
    """Step 5 (after the learned classifier): the page head and foot as blocks of furniture.

    Copied pages set their furniture as runs of single lines (headline, standfirst, byline, timestamp; bio,
    disclaimer, tags, copyright) and their body as paragraphs between blank lines. In the blocks before the first
    and after the last block of body text, a block that is mostly noise already (``_furniture_block``) is all noise:
    its other lines of at most 60 words become ``title`` (head) or ``author_bio`` / ``disclaimer`` (foot) -- but a
    line that ends like a sentence only when noise lies beyond it, towards the body (below it in the head, above it
    in the foot), or when it describes a person at the foot (``_FOOT_PERSON``): an opening or a closing paragraph
    set without a blank line against the furniture stays body. A line mostly in another script than the Latin one in
    such a foot block of a page whose body is in the Latin script is furniture too (a bio or a notice again in the
    paper's other language). A text without blank lines is one block and is left alone."""
    blocks = _blocks(lines, order)
    furn = [_furniture_block(b, kinds) or all(i in kinds for i in b) for b in blocks]
    if all(furn):
        return
    first = furn.index(False)
    last = len(furn) - 1 - furn[::-1].index(False)
    latin = not _foreign_script(" ".join(lines[i] for b in blocks[first:last + 1] for i in b if i not in kinds))
    names = _byline_names(lines, order, kinds)
    for bi, block in enumerate(blocks):
        if not furn[bi] or first <= bi <= last:
            continue
        for k, i in enumerate(block):
            beyond = block[k + 1:] if bi < first else block[:k]
            if i not in kinds and len(_words(lines[i])) <= 60 and (
                    not _ends_sentence(lines[i]) or any(j in kinds for j in beyond) or
                    bi > last and (_FOOT_PERSON.search(lines[i]) or _foot_bio(lines[i]) or
                                   latin and _foreign_script(lines[i]))):
                kinds[i] = "title" if bi < first else _foot_kind(lines, i, kinds, names)
    _last_block_bios(lines, blocks[-1], kinds)
    _bio_wraps(lines, kinds)  # again: the lines below a bio this step found


def _last_block_bios(lines: List[str], block: List[int], kinds: Dict[int, str]) -> None:
    """The text's last block, when it is a run of three or more lines with two or more of them noise: its lines that
    describe a person (``_foot_bio``, ``_FOOT_PERSON``) are ``author_bio``, and so are the bio sentences on the
    lines right after them (``_BIO_MORE``)."""
    if len(block) < 3 or sum(1 for i in block if i in kinds) < 2:
        return
    bio = False
    for i in block:
        if i in kinds:
            bio = kinds[i] == "author_bio"
            continue
        s = lines[i]
        bio = len(_words(s)) <= 45 and bool(_FOOT_PERSON.search(s) or _foot_bio(s) or bio and _BIO_MORE.match(s))
        if bio:
            kinds[i] = "author_bio"


# an author described at the foot of a page: "Bronwyn Tate is a former ...", "Ron Hartwig of Clay Township is a
# retired paramedic", "I'm a dentist in ...", "I have taught water safety for fifteen years", "I live in Thionville
# and have worked in Luxembourg since 2014" (a place and a span of a working life, without the words of an argument)
_FOOT_PERSON = re.compile(
    r"^[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){1,3}(?: of [A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){0,3})?,? "
    r"(?:is|was|has been) (?:an?|the) |^I(?:['\u2019]m| am) an? |^I(?:['\u2019]ve| have) (?:worked|taught|lived|served|"
    r"written|covered|reported|practi[sc]ed|campaigned|volunteered)\b.{0,80}\bfor (?:\w+|\d+) years\b|"
    r"^I (?:live|work|grew up|was born|am based|farm|teach) (?:in|on|at|near|outside) (?:the )?[A-Z]"
    r"(?![^.!?]*\b(?:should|must|ought|because|but)\b)[^.!?]{0,80}\b(?:since (?:19|20)\d\d|for (?:\w+|\d+) years)\b")
_PERSON = _rx(r"^(?:i|i'm|i\u2019m|we|my|our)\b|\b(?:is|was|are) (?:an?|the) |\b(?:writes|teaches|works|lives)\b")


def _foot_kind(lines: List[str], i: int, kinds: Dict[int, str], names: List[List[str]]) -> str:
    """The kind of line ``i``, an unflagged line of the page foot: a headline right under a line of a related list
    (``_foot_headline``), a person described (an author bio: ``_PERSON``, ``_foot_bio`` or the author the byline
    names, ``_names_author``) or a notice."""
    s = lines[i]
    if kinds.get(i - 1) == "related" and _foot_headline(s):
        return "related"
    if _PERSON.search(s) or _foot_bio(s) or _names_author(s, names):
        return "author_bio"
    return _twin_of(lines, kinds, i) or "disclaimer"  # a bio or a disclaimer again in another language, or a notice


def noise_spans(text: str, *, learned=None, threshold: Optional[float] = None) -> List[Span]:
    """Character spans (Python ``str`` indices) of the lines of ``text`` judged to be page noise.

    ``learned`` and ``threshold`` as for ``noise_lines`` (by default the rules and the learned line classifier).

    Returns:
        A list of ``(start, end)`` character offsets (end exclusive), in text order."""
    return [(s, e) for s, e, _ in noise_lines(text, learned=learned, threshold=threshold)]
