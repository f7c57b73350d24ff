"""Hostile texts for the robustness tests (tests/test_miner_inputs.py, tests/test_lang.py): control characters,
lone surrogates, right-to-left marks, HTML, other languages, 200,000-character words and a 20,000-word article.
Invented text, no corpus."""
import random


SENTENCES = [
    "The city should build protected bike lanes on every major road.",
    "Painted lines do not stop a distracted driver, but a kerb does.",
    "Critics argue that bike lanes hurt local shops.",
    "However, people on bikes visit shops more often and spend more over a month.",
    "Safer streets bring more people onto bikes, which cuts traffic for everyone.",
    "Winter is no excuse, because colder cities than ours have more cyclists.",
    "Therefore, the council should adopt the full plan this year.",
    "It is true that construction will disrupt traffic for a few months.",
]


def article(n_words=20_000, per_paragraph=100, seed=3):
    """An op-ed-like article of about ``n_words`` words in paragraphs of about ``per_paragraph`` words."""
    rng = random.Random(seed)
    paras, total = [], 0
    while total < n_words:
        sents, k = [], 0
        while k < per_paragraph:
            s = rng.choice(SENTENCES)
            sents.append(s)
            k += len(s.split())
        paras.append(" ".join(sents))
        total += k
    return "Why the city needs bike lanes\n\n" + "\n\n".join(paras)


GERMAN = ("Die Stadt sollte geschützte Radwege bauen, weil aufgemalte Linien keine Autos aufhalten. Jedes Jahr werden "
          "tausende Radfahrer von Autofahrern verletzt, die in eine Spur geraten, die nur mit Farbe markiert ist. "
          "Kritiker sagen, dass Radwege den Geschäften schaden. Studien zeigen jedoch, dass Menschen auf Fahrrädern "
          "öfter einkaufen und im Monat mehr ausgeben. Deshalb sollte die Stadt jetzt handeln.")
FRENCH = ("La ville devrait construire des pistes cyclables protégées, car les lignes peintes n'arrêtent pas les "
          "voitures. Chaque année, des milliers de cyclistes sont blessés par des conducteurs qui dérivent dans une "
          "voie marquée seulement par de la peinture. Les critiques disent que les pistes nuisent aux commerces. "
          "Pourtant, les cyclistes visitent les magasins plus souvent. La ville doit donc agir maintenant.")
CHINESE = ("城市应该建设受保护的自行车道，因为画出来的线拦不住汽车。每年都有成千上万的骑车人被驶入只用油漆标记的车道的司机撞伤。"
           "批评者说自行车道会伤害商店。然而，研究表明，骑车的人更常光顾商店，每月花费也更多。因此，城市现在就应该行动。")
ARABIC = ("يجب على المدينة أن تبني مسارات محمية للدراجات لأن الخطوط المرسومة لا توقف السيارات. في كل عام يصاب آلاف "
          "راكبي الدراجات على يد سائقين ينحرفون إلى مسار لم يحدد إلا بالطلاء. يقول المنتقدون إن المسارات تضر بالمتاجر. "
          "لكن الدراسات تظهر أن راكبي الدراجات يزورون المتاجر أكثر وينفقون أكثر في الشهر.")
RUSSIAN = ("Город должен строить защищённые велодорожки, потому что нарисованные линии не останавливают машины. "
           "Каждый год тысячи велосипедистов получают травмы. Критики говорят, что дорожки вредят магазинам. "
           "Однако исследования показывают, что велосипедисты чаще заходят в магазины и тратят больше за месяц.")
HINDI = ("शहर को सुरक्षित साइकिल लेन बनानी चाहिए क्योंकि रंगी हुई रेखाएँ कारों को नहीं रोकतीं। हर साल हज़ारों साइकिल "
         "सवार घायल होते हैं। आलोचक कहते हैं कि लेन दुकानों को नुकसान पहुँचाती हैं। लेकिन अध्ययन दिखाते हैं कि "
         "साइकिल सवार दुकानों पर अधिक बार जाते हैं।")
HTML = """<!DOCTYPE html><html><head><title>Bike lanes &amp; shops</title>
<style>body { font: 12px/1.4 sans-serif } p:after { content: "\\201C" }</style>
<script>var x = "</p>"; if (a < b && c > d) { document.write('<p>' + x) }</script></head>
<body><!-- a comment with -- dashes --><nav><a href="/">Home</a> | <a href="/news?id=1&amp;x=2">News</a></nav>
<h1 class="t" data-x='1'>Why we need bike lanes</h1>
<p>The city <b>should</b> build protected lanes, because <i>paint</i> does not stop cars.&nbsp;Kerbs do.</p>
<p>Critics say lanes hurt shops&hellip; However, cyclists shop more often &#8212; studies show it.</p>
<img src="x.png" alt="a &quot;bike&quot;" onerror="alert(1)"/><br/><![CDATA[ raw <data> ]]>
</body></html>"""
# a fragment of a page (what the miner takes: a whole page, HTML above, is refused with what to do instead)
HTML_FRAGMENT = HTML[HTML.index("<body>") + len("<body>"):HTML.index("</body>")]

SHORT_HOSTILE = {
    "empty": "",
    "blank": " \t \n\n \r\n\u00a0\u2028\u3000\u2029 \x0b\x0c ",
    "nul_bytes": "\x00Kerbs save lives\x00.\x00\x00 Paint does not\x00stop cars.\x00\n\n\x00\x00\x00",
    "only_nul": "\x00" * 50,
    "c0_c1_controls": "".join(chr(c) for c in range(0, 32)) + " Kerbs save lives " + "".join(chr(c) for c in range(127, 160))
                      + " because paint \x1b[1;31mdoes not\x1b[0m stop cars\x07.",
    "lone_surrogates": "\ud800Kerbs save \udfff lives.\n\n\udc00\ud800 Paint \ud83d does not stop cars \udbff",
    "surrogate_only": "\ud800\udc00\udfff",  # a reversed pair is still two lone surrogates
    "emoji": ("\U0001F6B2\u200d\u2640\ufe0f Kerbs save lives \U0001F44D\U0001F3FD\U0001F1E9\U0001F1EA because "
              "\U0001F468\u200d\U0001F469\u200d\U0001F467 paint \u2764\ufe0f does not stop cars \U0001F697\U0001F4A8."),
    "rtl": ("\u202eKerbs save lives.\u202c \u200fהמדינה צריכה לבנות נתיבים\u200f. "
            "\u2067يجب بناء المسارات\u2069 because paint does not stop cars \u061f \u202bמוגן\u202c."),
    "combining": ("Cafe\u0301s gain customers. " + "Z" + "\u0300\u0301\u0302\u0303\u0308\u0336" * 40
                  + "algo text because cycli\u0308sts stop more often. \u0301\u0302 leading marks."),
    "crlf": "Why kerbs\r\n\r\nKerbs save lives.\r\nPaint does not stop cars.\r\n\r\n\r\nSo build kerbs.\r\n",
    "cr_only": "Why kerbs\r\rKerbs save lives.\rPaint does not stop cars.\r\rSo build kerbs.\r",
    "unicode_line_breaks": ("Kerbs save lives.\u2028Paint does not stop cars.\u2029So build kerbs.\x85"
                            "Shops gain.\x0bCars slow down.\x0cRiders are safe.\x1cA\x1dB\x1eC"),
    "zero_width_and_bom": "\ufeffKerbs\u200b save\u200d lives\u2060 because\u00ad paint\ufeff does not stop cars.",
    "html": HTML_FRAGMENT,
    "only_punctuation": "!!! ??? ... --- ,,, \u2026 \u00bf\u00a1 \u3002\u3001 " * 3,
    "private_use_and_unassigned": "Kerbs \ue000\uf8ff save \U000f0000 lives \u0378\U000e01ef because paint \uffff\ufffe.",
    "fullwidth_and_math": "\uff2b\uff45\uff52\uff42\uff53 save lives \U0001d400\U0001d401 because \u00bd paint \u2460.",
    "german": GERMAN,
    "french": FRENCH,
    "chinese": CHINESE,
    "arabic": ARABIC,
    "russian": RUSSIAN,
    "hindi": HINDI,
}

N = 200_000
LONG_HOSTILE = {
    "no_space_one_word": "x" * N,
    "no_space_dotted_word": ("kerbs.save-lives'" * (N // 17 + 1))[:N],
    "no_space_cjk": (CHINESE.replace("，", "") * (N // len(CHINESE) + 1))[:N],
    "no_space_base64": ("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkrLw==" * (N // 48 + 1))[:N],
    "article_20000_words": article(20_000),
}
