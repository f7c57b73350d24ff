"""Op-ed web pages written for the tests (CC0: dedicated to the public domain), and a WARC builder.

Each article is a list of paragraphs (lists of sentences); ``render(article, template)`` wraps it in page
furniture: menus, cookie banners, captions, related links, comment sections, footers. ``FURNITURE`` lists
phrases that appear only in that furniture, so a test can check none of them reaches the mined text.
"""
from __future__ import annotations

import html as _html
import io
from pathlib import Path
from typing import List, Optional, Tuple

ARTICLES = [
    {"slug": "bike-lanes", "title": "Our city needs protected bike lanes now", "author": "Maria Lopez", "date": "2024-03-05",
     "paragraphs": [
         ["The council should build a network of protected bike lanes this year.",
          "Painted lines on the road do almost nothing to keep cars away from riders.",
          "Physical kerbs, by contrast, stop drivers from drifting into the lane."],
         ["Critics argue that new lanes would hurt local shops by removing parking.",
          "However, studies from several cities show that people on bikes visit shops more often and spend more over a month.",
          "A parking space serves one car, while the same space can park ten bicycles."],
         ["Safety is the strongest reason of all.",
          "Last year four riders were seriously injured on Main Street alone.",
          "Therefore, the council must fund protected lanes before another season of injuries begins."],
     ]},
    {"slug": "school-start", "title": "Later school start times would help teenagers", "author": "Sam Okafor", "date": "2023-11-20",
     "paragraphs": [
         ["Secondary schools ought to start their day at nine o'clock instead of eight.",
          "Teenagers fall asleep later than adults for biological reasons, not out of laziness."],
         ["When school begins too early, students lose sleep that they cannot make up during the week.",
          "Tired students remember less of what they are taught and are more likely to feel low.",
          "Some parents worry that a later start would clash with their working hours.",
          "Yet breakfast clubs could open at eight for families who need them."],
         ["The evidence is clear enough that the district should try the change for one full year."],
     ]},
    {"slug": "library-hours", "title": "Keep the libraries open on Sundays", "author": None, "date": "2022-06-14",
     "paragraphs": [
         ["Closing public libraries on Sundays would be a false economy for the town.",
          "Sunday is the only day many working people can visit with their children."],
         ["The savings are small, because the buildings are heated and cleaned anyway.",
          "Libraries also offer free internet access to residents who have none at home.",
          "Without that access, people cannot apply for jobs or benefits that are only offered online."],
         ["For these reasons the budget committee should drop the proposal and keep Sunday opening."],
     ]},
    {"slug": "four-day-week", "title": "A four-day week deserves a fair trial", "author": "Lee Chen", "date": "2021-09-01",
     "paragraphs": [
         ["Employers in our region should test a four-day working week on full pay.",
          "Trials abroad found that output stayed the same while sick days fell sharply."],
         ["Opponents claim that customers would suffer from shorter opening hours.",
          "This objection is weak, since staff can work staggered days and keep the doors open all week."],
         ["Rested workers make fewer mistakes, and fewer mistakes save money.",
          "So a careful trial costs little and could pay for itself within a year."],
     ]},
]

FURNITURE = ["Subscribe to our newsletter", "We use cookies", "Accept all cookies", "Most read this week",
             "Photo: Staff photographer", "Comments (3)", "Great piece, totally agree", "Terms of service",
             "Sports", "Weather", "Related articles", "Ten best parks in town", "Share on social media"]


def article_text(a: dict) -> str:
    return "\n\n".join(" ".join(p) for p in a["paragraphs"])


def sentences(a: dict) -> List[str]:
    return [s for p in a["paragraphs"] for s in p]


def _paras(a: dict, figure: bool) -> str:
    out = []
    for i, p in enumerate(a["paragraphs"]):
        out.append("<p>" + _html.escape(" ".join(p)) + "</p>")
        if figure and i == 0:
            out.append('<figure><img src="/img/1.jpg" alt=""><figcaption>Photo: Staff photographer, '
                       'a street in the morning.</figcaption></figure>')
    return "\n".join(out)


def render(a: dict, template: int) -> str:
    """An HTML page holding article ``a`` in one of three page templates (0, 1, 2)."""
    t, author = _html.escape(a["title"]), a["author"]
    meta = (f'<meta name="author" content="{_html.escape(author)}">' if author else "") + \
           f'<meta property="article:published_time" content="{a["date"]}T08:00:00Z">'
    nav = ('<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/sports">Sports</a></li>'
           '<li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>')
    cookie = ('<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience on '
              'this site and to show you relevant offers.</p><button>Accept all cookies</button></div>')
    related = ('<aside class="related"><h3>Related articles</h3><ul><li><a href="/a1">Ten best parks in town</a></li>'
               '<li><a href="/a2">Most read this week: council budget explained</a></li></ul></aside>')
    comments = ('<section id="comments" class="comments"><h3>Comments (3)</h3>'
                '<div class="comment"><p>Great piece, totally agree with every word of it.</p></div>'
                '<div class="comment"><p>Nonsense from start to finish, as usual from this paper.</p></div></section>')
    footer = ('<footer><p>Subscribe to our newsletter for daily opinion.</p><a href="/tos">Terms of service</a>'
              '<p>Share on social media</p></footer>')
    head = f"<head><meta charset='utf-8'><title>{t} | The Town Herald</title>{meta}</head>"
    if template == 0:
        body = (f"{cookie}<header>{nav}</header><main><article><h1>{t}</h1>"
                f"<p class='byline'>By {_html.escape(author or 'Editorial board')}</p>{_paras(a, True)}</article>"
                f"{related}{comments}</main>{footer}")
    elif template == 1:
        body = (f"<div class='page'>{nav}<div class='content'><div class='story-body' itemprop='articleBody'>"
                f"<h1 class='headline'>{t}</h1>{_paras(a, False)}</div>{related}</div>{comments}{footer}{cookie}</div>")
    else:
        body = (f"<div id='wrapper'>{nav}<div id='main'><h2>{t}</h2><div class='entry-content post-content'>"
                f"{_paras(a, True)}</div><div class='sidebar'>{related}</div></div>{comments}{footer}</div>")
    return f"<!DOCTYPE html><html lang='en'>{head}<body>{body}</body></html>"


INDEX_PAGE = ("<!DOCTYPE html><html><head><title>Opinion | The Town Herald</title></head><body><nav><ul>"
              "<li><a href='/'>Home</a></li><li><a href='/sports'>Sports</a></li></ul></nav><ul>"
              "<li><a href='/a1'>Bike lanes</a></li><li><a href='/a2'>School times</a></li></ul></body></html>")


def write_warc(path: Path, *, gzip: bool = True) -> List[Tuple[str, Optional[dict]]]:
    """Write a WARC with every article (cycling the templates) and some records that are no article.

    Returns ``[(url, article or None), ...]`` for the response/resource records, in file order.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages: List[Tuple[str, Optional[dict]]] = []
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gzip)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "argmine tests"}))

        def response(url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8",
                     article: Optional[dict] = None) -> None:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            req = w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            w.write_record(req)
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
            pages.append((url, article))

        for i, a in enumerate(ARTICLES):
            url = f"https://herald.example/opinion/{a['slug']}"
            response(url, render(a, i % 3).encode("utf-8"), article=a)
            if i == 1:
                response("https://herald.example/img/1.jpg", b"\x89PNG\r\n\x1a\n" + bytes(200), ctype="image/png")
                response("https://herald.example/gone", b"<html><body>Not found</body></html>", status="404 Not Found")
                response("https://herald.example/opinion/", INDEX_PAGE.encode("utf-8"))
                response("https://herald.example/broken", b"<html><body><p>\x00\xff\xfe</p>" + b"<div>" * 3 + b"</html>")
    return pages
