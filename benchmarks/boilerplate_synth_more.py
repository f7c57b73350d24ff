"""More synthetic furniture for ``boilerplate_synth.make_page``: the kinds the first generator was thin on.

Written from general knowledge of news pages (not from any test page): author bios of one to three sentences in
many wordings (including a second sentence on a line of its own: "Before that, she ..."), photo captions without a
credit (scenes of things and places, present tense, with or without a full stop), publication and licence notes
(mission lines, "republish for free" notices), write-for-us and donation promos, newsletter lines that do not say
"newsletter", related-article headlines (with colons and questions), comment prompts for subscribers, and cookie
consent banners with their buttons. Each generator returns one line or a list of lines.
"""
from __future__ import annotations

import random
from typing import List

import boilerplate_synth as s

PRO = [("He", "his", "him"), ("She", "her", "her"), ("They", "their", "them")]
DESKS = ["economics", "politics", "foreign", "science", "climate", "culture", "data", "investigations", "opinion",
         "business", "health", "education", "city", "features", "sports", "technology", "legal affairs"]
BODIES = ["the city's planning commission", "the regional transport board", "a tenants' association",
          "the school board", "the national statistics office", "the central bank's advisory council",
          "the parents' council of a primary school", "a neighbourhood food bank", "the local chamber of commerce",
          "a patients' rights group", "the Friends of the Public Library", "a cycling advocacy group",
          "the state housing authority", "an environmental trust", "the national nurses' union",
          "the county health board", "a farmers' cooperative", "the harbour conservation society"]
JOBS = ["an urban planner", "a transport economist", "a retired nurse", "a secondary-school teacher",
        "a labour lawyer", "a data journalist", "a public-health researcher", "a former city councillor",
        "a small-business owner", "a paediatrician", "a housing campaigner", "a climate scientist",
        "a former diplomat", "a union organiser", "a freelance writer", "a civil engineer", "a social worker",
        "a former footballer", "a tax adviser", "an architect", "a historian of science", "a farmer",
        "a software developer", "a GP", "a librarian", "a sociologist", "an emergency physician"]


def _pro(rng: random.Random):
    return rng.choice(PRO)


def bio_first(rng: random.Random, n: str) -> str:
    """The first sentence of a bio, in many wordings beyond "<Name> is a <role> at <institution>"."""
    inst, city, outlet = rng.choice(s.INSTITUTIONS), s._city(rng)[0], rng.choice(s.OUTLETS)
    job, body, desk = rng.choice(JOBS), rng.choice(BODIES), rng.choice(s.FIELDS)
    return rng.choice([
        f"{n} is {job} and sat for {rng.randint(2, 12)} years on {body}.", f"{n} is {job} in {city}.",
        f"{n} leads {outlet}'s {rng.choice(DESKS)} coverage.", f"{n} chairs {body}.",
        f"{n} lives in {city} and chairs {body}.", f"{n} lives on the {rng.choice(['east', 'west', 'north', 'south'])}"
        f" side of {city} and volunteers with {body}.", f"{n} runs {body} in {city}.",
        f"{n} leads the {desk} programme at {inst}.", f"{n} directs the {desk} unit at {inst}.",
        f"{n} is {job} who has worked in {city} for {rng.randint(5, 30)} years.",
        f"{n} is {job} and a researcher at {inst}.", f"{n} is {job}. {rng.choice(['He', 'She'])} lives in {city}.",
        f"{n} coordinates {body}.", f"{n} works as {job} in {city}.", f"{n} edits the {desk} pages of {outlet}.",
        f"{n} is deputy editor of {outlet}.", f"{n} is {outlet}'s {rng.choice(DESKS)} correspondent in {city}.",
        f"{n} is {job} based in {city}, where {rng.choice(['he', 'she'])} sits on {body}.",
        f"{n} has taught {desk} at {inst} since {rng.randint(1995, 2021)}.",
        f"{n} served on {body} from {rng.randint(2001, 2012)} to {rng.randint(2013, 2024)}.",
        f"{n} is a member of {body} and writes a monthly column for {outlet}.",
        f"{n}, {job} from {city}, is a member of {body}.", f"{n} is {job} and the author of two books on {desk}.",
        f"{n} is a {rng.choice(['former', 'retired'])} {rng.choice(['teacher', 'judge', 'mayor', 'nurse', 'banker'])}"
        f" and sits on {body}.", f"{n} studies {desk} at {inst}.",
    ])


def bio_more(rng: random.Random) -> str:
    """A later sentence of a bio (it starts with a pronoun or a time phrase, names no one)."""
    pro, pos, obj = _pro(rng)
    inst, outlet, city = rng.choice(s.INSTITUTIONS), rng.choice(s.OUTLETS), s._city(rng)[0]
    body, job = rng.choice(BODIES), rng.choice(JOBS)
    v = "were" if pro == "They" else "was"
    return rng.choice([
        f"Prior to {outlet}, {pro.lower()} spent {rng.randint(2, 15)} years at {inst}.",
        f"Until {rng.randint(2010, 2023)} {pro.lower()} {v} {job} at {inst}.",
        f"Before that, {pro.lower()} {v} {job} in {city}.", f"Previously, {pro.lower()} worked for {outlet}.",
        f"{pro} previously served on {body}.",
        f"{pro} {'have' if pro == 'They' else 'has'} reported from {city} and {s._city(rng)[0]}.",
        f"{pro} {'live' if pro == 'They' else 'lives'} in {city} with {pos} {rng.choice(['family', 'two children', 'partner', 'dog'])}.",
        f"{pos.capitalize()} latest book, {s._title_case(rng.choice(s.TOPICS))}, is out in {rng.choice(s.MONTHS)}.",
        f"{pro} {v} {rng.choice(['a fellow', 'a visiting scholar', 'a researcher'])} at {inst} from {rng.randint(2005, 2015)} to {rng.randint(2016, 2023)}.",
        f"{pro} {'write' if pro == 'They' else 'writes'} here in a personal capacity.",
        f"{pro} {'coordinate' if pro == 'They' else 'coordinates'} {body}.",
        f"Follow {obj} on {rng.choice(['X', 'Bluesky', 'Mastodon', 'Instagram'])}.",
        f"{pro} {'have' if pro == 'They' else 'has'} written for {outlet} since {rng.randint(2008, 2022)}.",
        f"Earlier in {pos} career {pro.lower()} {v} a {rng.choice(['reporter', 'teacher', 'civil servant', 'lawyer'])} in {city}.",
        f"{pro} also {'teach' if pro == 'They' else 'teaches'} at {inst}.",
    ])


def author_bio_lines(rng: random.Random) -> List[str]:
    """An author bio of one to three sentences: on one line, or its later sentences on lines of their own."""
    n = s._name(rng, initial=True)
    first = bio_first(rng, n) if rng.random() < 0.7 else s.author_bio(rng)
    more = [bio_more(rng) for _ in range(rng.choice([0, 1, 1, 2]))]
    if rng.random() < 0.15:
        first = rng.choice(["\u2014 ", "* ", "_", "About the author: ", ""]) + first
    if not more or rng.random() < 0.5:
        return [" ".join([first] + more)]
    return [first] + more


THINGS = ["Disposable cups", "Second-hand bicycles", "Rental scooters", "Electric buses", "Empty shelves",
          "Fresh vegetables", "Solar panels", "Cargo containers", "Queues of cars", "School uniforms",
          "Cheap flights", "Plastic bottles", "Unsold books", "Parked delivery vans", "Wind turbines",
          "Price tags", "Coal wagons", "Hospital beds", "Voting booths", "Food parcels", "Lottery tickets",
          "Betting slips", "Cash registers", "Vending machines", "Library shelves", "Shuttered shopfronts"]
SHOWN = ["on sale in a", "stacked outside a", "in the window of a", "at a", "lined up outside a", "piled up behind a",
         "left outside a", "on display at a", "waiting at a", "parked near a"]
SPOTS = ["corner shop", "supermarket", "market stall", "newsagent's", "pharmacy", "depot", "railway station",
         "school", "warehouse", "bus stop", "town hall", "harbour", "clinic", "petrol station", "shopping centre"]
SCENE_VERBS = ["crosses", "waits at", "walks past", "leaves", "queues outside", "cycles along", "sweeps",
               "stands in", "looks at", "sits outside", "repairs", "unloads boxes at", "works in"]
WHO = ["A commuter", "A pensioner", "A shopkeeper", "A nurse", "A cyclist", "A street cleaner", "A student",
       "A farmer", "A child", "A mechanic", "Two women", "A delivery rider", "A man", "A woman", "Passengers"]


def caption_plain(rng: random.Random) -> str:
    """A photo caption without any credit: a scene of things or people and a place, often without a full stop."""
    city, country = s._city(rng)
    where = rng.choice([f"in {city}", f"in {city}, {country}", f"in central {city}", f"on the edge of {city}",
                        "", f"in {city} last {rng.choice(s.DAYS)}", f"in {city} in {rng.choice(s.MONTHS)}"])
    r = rng.random()
    if r < 0.4:
        line = f"{rng.choice(THINGS)} {rng.choice(SHOWN)} {rng.choice(SPOTS)} {where}"
    elif r < 0.7:
        line = f"{rng.choice(WHO)} {rng.choice(SCENE_VERBS)} a {rng.choice(SPOTS)} {where}"
    elif r < 0.85:
        line = f"{rng.choice(s.SCENES)} {where}"
    else:
        line = f"The {rng.choice(SPOTS)} {rng.choice(['at', 'in', 'on'])} {rng.choice(['the centre of', 'the outskirts of', ''])} {city}"
    line = " ".join(line.split())
    if rng.random() < 0.35:
        line += "."
    if rng.random() < 0.15:
        line = rng.choice(["Photo: ", "Above: ", "Pictured: ", "\u25b2 ", "Image: "]) + line
    return line


def publication_note_more(rng: random.Random) -> List[str]:
    """Mission lines and republishing or licence notices (one line or a short block)."""
    o = rng.choice(s.OUTLETS)
    lic = rng.choice(["a Creative Commons licence", "a Creative Commons Attribution-NoDerivatives 4.0 licence",
                      "CC BY-ND 4.0", "a CC BY-NC-ND licence", "Creative Commons"])
    lines = [
        rng.choice(["Republish this article", "Free to republish", "Republish", "Reuse this story",
                    "How to republish", f"Republishing guidelines"]),
        f"You can republish this article for free, online or in print, under {lic}.",
        f"Free to republish under {lic}: credit the author and link back to us.",
        f"This article is republished from {o} under {lic}.",
        f"This work is licensed under {lic}.", f"Please credit {o} and link back to the original article.",
        rng.choice(["Our mission: open access to knowledge.", "No paywall, no billionaire owner, no spin.",
                    "Everyone deserves access to reliable news.", "Independent journalism, free for everyone",
                    f"{o} is an independent, nonprofit newsroom.", "Our journalism is free to read and to share.",
                    "We believe good information should be free.", f"{o}: independent news since {rng.randint(1990, 2020)}",
                    "We're a nonprofit newsroom funded by readers like you.", "News you can trust, free for all"]),
        f"This story was produced in partnership with {rng.choice(s.OUTLETS)}.",
        f"This article first appeared in {rng.choice(s.LANGS_EN)} in {rng.choice(s.OUTLETS)}.",
        f"Translated by {s._name(rng)}.", f"This column was {rng.choice(['updated', 'corrected'])} on {s._date(rng)}.",
    ]
    return rng.sample(lines, rng.choice([1, 1, 2, 3]))


def promo(rng: random.Random) -> str:
    """A write-for-us, donation or membership promo (``advertisement``)."""
    n, o = rng.randint(2, 250) * 1000, rng.choice(s.OUTLETS)
    return rng.choice([
        "Write for us", "Become an author", f"Academics: pitch us your research and reach {n:,} readers.",
        f"Are you an expert? Pitch us an idea and reach {n:,} readers.", "Want to write? Send us your pitch.",
        f"Join {n:,} academics and researchers who write for {o}.", "Support our work: donate today",
        f"Give ${rng.choice([5, 10, 25, 50])} to keep {o} free for everyone.", "Donate to our newsroom",
        f"{o} depends on readers like you. Make a gift today.", "Become a member", "Our supporters make this possible.",
        "Make a tax-deductible donation", "Try our app", "Download the app", "Get the app for iOS and Android",
        f"Listen to the {o} podcast", "Upgrade to premium", f"Gift a subscription to {o}",
    ])


def newsletter_more(rng: random.Random) -> str:
    """Newsletter and briefing lines in many wordings, some without the word "newsletter"."""
    day, o = rng.choice(s.DAYS), rng.choice(s.OUTLETS)
    lang = rng.choice(["English", "Spanish", "French", "German", "Portuguese", "Arabic", "plain English"])
    return rng.choice([
        f"A selection of our columns in {lang}, each {day} morning", f"The week's best opinion, in your inbox every {day}",
        f"The day's top stories, every morning at {rng.randint(5, 8)} a.m.", f"Free, every {day}. Sign up",
        "Get our morning briefing", f"Our {rng.choice(['weekly', 'daily', 'Sunday'])} digest, straight to you",
        f"Get {o} in your inbox", "Don't miss a story: get our free weekly email", "Receive our best opinion pieces",
        f"{rng.choice(['Opinion', 'Ideas', 'The Debate', 'Morning Brief'])} \u2014 every {day} in your inbox",
        "Enter your email to subscribe", "I agree to receive emails", "Subscribe to our weekly roundup",
        f"Stay informed with {o}", "Your weekly dose of ideas", "Get the best of our opinion section",
        "Email address", "Sign me up", "You're on the list!", f"{rng.randint(10, 900)},000 readers get it every week",
    ])


def comment_more(rng: random.Random) -> str:
    """Comment prompts and policies, including subscriber-only commenting."""
    n = rng.randint(1, 400)
    return rng.choice([
        "Comments on this piece are open to subscribers.", "Subscribers can comment: log in to take part.",
        "Comments are reserved for subscribers.", "Log in or subscribe to join the debate.",
        f"Join the debate ({n} comments)", f"Show {n} replies", "Our comment section is moderated.",
        "Read our community rules before commenting.", "Comments are open for 48 hours after publication.",
        f"{n} reader comments", "Sort by: Newest | Oldest | Most liked", "Start the conversation",
        "Please be respectful in the comments.", "Commenting is closed for this article.", "Write your comment",
        "Comments are moderated and may take a few minutes to appear.", "Reply \u00b7 Report \u00b7 Like",
        "Members can comment on this article.", "What do you think? Join the discussion below.",
    ])


def consent(rng: random.Random) -> List[str]:
    """A cookie consent banner: a notice and its buttons (``disclaimer``)."""
    btn = rng.choice(["Agree", "Accept", "OK", "Accept all", "I agree", "Allow all"])
    notice = rng.choice([
        f"Select \u201c{btn}\u201d to allow cookies for advertising and audience measurement.",
        f"By clicking \"{btn}\", you agree to the storing of cookies on your device to enhance site navigation.",
        "We and our partners use cookies and similar technologies to personalise content and ads.",
        "We use cookies to give you the best experience. You can change your settings at any time.",
        "This site uses cookies for analytics and personalised advertising. You can withdraw consent at any time.",
        f"Click {btn} to accept cookies, or Settings to choose which cookies we may use.",
        "With your consent, we and our partners store and access information on your device.",
        "You can change your choice at any time under Privacy settings at the bottom of the page.",
        "Your privacy matters to us. We use cookies to measure audiences and show relevant adverts.",
        "To read without personalised advertising, subscribe to our ad-free plan.",
    ])
    buttons = rng.choice([f"{btn} | Settings", f"{btn} and close", "Reject all", "Manage preferences",
                          f"{btn}   Reject   Customise", "Accept and close", "Privacy settings", "Learn more"])
    return [notice] if rng.random() < 0.5 else [notice, buttons]


HEADLINE_PATTERNS = ["{X}: who gains, who loses?", "{X}: what it means for {g}", "Why {g} are worried about {x}",
                     "{X} explained in five charts", "How {x} is changing {g}'s lives", "{X}: the winners and losers",
                     "Explainer: {x}", "Inside the fight over {x}", "{X}, one year on", "Is {x} working?",
                     "The hidden cost of {x}", "What {g} get wrong about {x}", "Analysis: {x} and the vote",
                     "{X}? Not so fast", "Q&A: {x}", "Five things to know about {x}"]
GROUPS = ["savers", "renters", "families", "pensioners", "students", "small firms", "farmers", "commuters",
          "patients", "drivers", "young voters", "teachers"]


LANG_MORE = ["Versi\u00f3n en espa\u00f1ol", "Version fran\u00e7aise", "Deutsche Fassung", "Vers\u00e3o em portugu\u00eas",
             "EN | ES | FR", "English \u00b7 Espa\u00f1ol \u00b7 Fran\u00e7ais", "Available in: English, Deutsch",
             "This article in {L}", "Also in {L}", "\u2192 {L}", "{L} \u2197", "Switch to {L}", "Read it in {L} \u00bb",
             "Cet article en {L}", "Este art\u00edculo en {L}", "Dieser Artikel auf {L}", "Read the {L} original",
             "Tambi\u00e9n en {L}", "Aussi en {L}", "\U0001f310 {L}", "[{L}]", "Language: English | {L}"]


def lang_more(rng: random.Random) -> str:
    """A link to the article in another language, in styles beyond "Read this in <language>"."""
    return rng.choice(LANG_MORE).format(L=rng.choice(s.LANGS_EN + s.LANGS_NATIVE))


def related_more(rng: random.Random, sentences) -> List[str]:
    """A related block whose headlines carry colons and question marks, or a lone headline between paragraphs."""
    items = []
    for _ in range(rng.randint(1, 4)):
        x = rng.choice(s.TOPICS)
        h = rng.choice(HEADLINE_PATTERNS).format(x=x, X=x[:1].upper() + x[1:], g=rng.choice(GROUPS))
        items.append(h if rng.random() < 0.7 else s.headline(rng, sentences))
    head = rng.choice(["", "", "Related", "Read more", "More on this topic", "Also on our site", "Recommended",
                       "In this series", "Background", "More from the economics desk", "Further reading"])
    return ([head] if head else []) + items
