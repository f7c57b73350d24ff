"""Synthetic news pages for training argmine's learned furniture-line classifier (``argmine.boilerplate``).

``make_page(paragraphs, rng) -> list[(line, kind_or_None)]`` wraps real argumentative paragraphs (``None`` = body)
in page furniture generated from templates in many styles: headlines and standfirsts, section labels, bylines with
dates, timestamps, photo captions (agency credits, "(left)/(right)", "<Month Year>, in <City>"), credits, "read this
in <language>" lines and language lists, subheadings, related / most-read lists, share bars, newsletter and comment
prompts, author bios, disclaimers, publication notes, tags, copyright lines, cookie banners and footer links.
Names, cities, outlets and agencies are drawn from large pools so the model learns the shapes, not the strings.

More kinds (bios of several sentences, captions without credits, licence notes, consent banners, ...) come from
``boilerplate_synth_more``. Nothing here is read from data/examples/news_pages (a dev set) or any held-out page.
"""
from __future__ import annotations

import random
import re
from typing import List, Optional, Sequence, Tuple

FIRST = """James Mary Robert Patricia Michael Jennifer David Linda William Elizabeth Richard Susan Joseph Jessica Thomas
Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark Sandra Paul Ashley Steven Kimberly Andrew Emily
Joshua Donna Kenneth Michelle Kevin Carol Brian Amanda Timothy Melissa Ronald Deborah Jason Stephanie George Rebecca
Edward Laura Jacob Helen Ryan Sharon Gary Cynthia Nicholas Kathleen Eric Amy Jonathan Angela Larry Anna Justin Ruth
Scott Brenda Brandon Pamela Frank Nicole Gregory Katherine Samuel Samantha Raymond Christine Patrick Catherine
Alexander Virginia Jack Debra Dennis Rachel Jerry Janet Tyler Emma Aaron Carolyn Jose Maria Adam Heather Nathan Diane
Henry Julie Zachary Joyce Douglas Victoria Peter Kelly Kyle Christina Noah Joan Ethan Evelyn Jeremy Lauren Walter
Judith Christian Olivia Keith Martha Roger Cheryl Terry Megan Austin Andrea Sean Hannah Gerald Jacqueline Carl Ann
Harold Jean Dylan Alice Arthur Kathryn Lawrence Gloria Jordan Teresa Jesse Doris Bryan Sara Billy Janice Bruce Julia
Gabriel Marie Joe Madison Logan Grace Alan Judy Juan Theresa Albert Beverly Willie Denise Elijah Marilyn Wayne Amber
Randy Danielle Vincent Abigail Mason Brittany Roy Rose Ralph Diana Bobby Natalie Russell Sophia Bradley Alexis Philip
Lori Eugene Kayla Amina Chidi Ngozi Kwame Abena Tendai Thandiwe Sipho Wanjiru Kofi Oluwaseun Fatima Aisha Omar Yusuf
Layla Karim Nour Hassan Leila Mehmet Elif Emre Zeynep Ahmad Reza Shirin Dariush Priya Arjun Ananya Rahul Sanjay Deepa
Vikram Lakshmi Ravi Meera Wei Li Jing Hao Xiaoming Mei Yuki Haruto Sakura Kenji Aiko Hiroshi Minjun Jiwoo Seoyeon
Thanh Linh Minh Siti Budi Dewi Rizal Maya Carlos Sofia Mateo Valentina Santiago Camila Diego Lucia Javier Isabel
Pablo Carmen Alejandro Paula Miguel Elena Andres Ana Luis Gabriela Joao Beatriz Tiago Ines Rui Mariana Francois
Camille Pierre Chloe Antoine Manon Louis Margaux Hugo Lea Klaus Anja Jurgen Katrin Lukas Lena Felix Greta Matteo
Giulia Lorenzo Chiara Alessandro Francesca Lars Ingrid Sven Astrid Mikkel Freja Jan Agnieszka Piotr Katarzyna Olga
Dmitri Irina Sergei Anastasia Oksana Taras Yaroslav Nikos Eleni Giorgos Sinead Siobhan Ciaran Aoife Niamh Eoin""".split()
LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker
Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
Roberts Okafor Adeyemi Mensah Owusu Diallo Traore Kamau Otieno Mwangi Banda Dlamini Nkosi Haddad Khalil Mansour
Farouk Nasser Yilmaz Kaya Demir Celik Hosseini Karimi Tehrani Sharma Patel Gupta Iyer Reddy Chatterjee Banerjee
Krishnan Wang Zhang Liu Chen Yang Huang Zhao Tanaka Suzuki Watanabe Sato Nakamura Kim Park Choi Jung Tran Pham Le
Santoso Wijaya Halim Fernandez Morales Ortiz Castillo Romero Herrera Medina Vargas Castro Silva Santos Oliveira
Pereira Costa Almeida Dubois Lefebvre Moreau Laurent Girard Bonnet Mercier Muller Schmidt Schneider Fischer Weber
Becker Hoffmann Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Johansson Andersson Lindqvist Nilsson
Hansen Jensen Nielsen Larsen Kowalski Nowak Wisniewski Ivanov Petrov Smirnova Kovalenko Shevchenko Papadopoulos
Georgiou O'Brien O'Connor Murphy Kelly Byrne McCarthy Gallagher Doherty MacLeod Fraser Campbell Stewart Whitfield
Ashworth Pemberton Oyelaran Achebe Mbeki Abiola Bello Eze Nwosu Cohen Levi Friedman Katz Goldberg Rosen""".split()
CITIES = [("Lagos", "Nigeria"), ("Nairobi", "Kenya"), ("Accra", "Ghana"), ("Dakar", "Senegal"), ("Cairo", "Egypt"),
          ("Johannesburg", "South Africa"), ("Kampala", "Uganda"), ("Addis Ababa", "Ethiopia"), ("Beirut", "Lebanon"),
          ("Amman", "Jordan"), ("Istanbul", "Turkey"), ("Tehran", "Iran"), ("Dubai", "United Arab Emirates"),
          ("Karachi", "Pakistan"), ("Mumbai", "India"), ("New Delhi", "India"), ("Dhaka", "Bangladesh"),
          ("Colombo", "Sri Lanka"), ("Kathmandu", "Nepal"), ("Beijing", "China"), ("Shanghai", "China"),
          ("Hong Kong", "China"), ("Taipei", "Taiwan"), ("Tokyo", "Japan"), ("Osaka", "Japan"), ("Seoul", "South Korea"),
          ("Manila", "Philippines"), ("Jakarta", "Indonesia"), ("Hanoi", "Vietnam"), ("Bangkok", "Thailand"),
          ("Sydney", "Australia"), ("Melbourne", "Australia"), ("Auckland", "New Zealand"), ("Moscow", "Russia"),
          ("Kyiv", "Ukraine"), ("Kharkiv", "Ukraine"), ("Warsaw", "Poland"), ("Berlin", "Germany"),
          ("Munich", "Germany"), ("Paris", "France"), ("Marseille", "France"), ("Madrid", "Spain"),
          ("Barcelona", "Spain"), ("Valencia", "Spain"), ("Lisbon", "Portugal"), ("Rome", "Italy"), ("Milan", "Italy"),
          ("Athens", "Greece"), ("Vienna", "Austria"), ("Brussels", "Belgium"), ("Amsterdam", "Netherlands"),
          ("Stockholm", "Sweden"), ("Oslo", "Norway"), ("Copenhagen", "Denmark"), ("Helsinki", "Finland"),
          ("Dublin", "Ireland"), ("London", "Britain"), ("Manchester", "England"), ("Glasgow", "Scotland"),
          ("Cardiff", "Wales"), ("Toronto", "Canada"), ("Montreal", "Canada"), ("Vancouver", "Canada"),
          ("New York", "United States"), ("Chicago", "Illinois"), ("Houston", "Texas"), ("Phoenix", "Arizona"),
          ("Atlanta", "Georgia"), ("Denver", "Colorado"), ("Seattle", "Washington"), ("Boston", "Massachusetts"),
          ("Miami", "Florida"), ("Detroit", "Michigan"), ("Mexico City", "Mexico"), ("Guadalajara", "Mexico"),
          ("Bogota", "Colombia"), ("Lima", "Peru"), ("Santiago", "Chile"), ("Buenos Aires", "Argentina"),
          ("Sao Paulo", "Brazil"), ("Rio de Janeiro", "Brazil"), ("Caracas", "Venezuela"), ("Havana", "Cuba"),
          ("Kigali", "Rwanda"), ("Harare", "Zimbabwe"), ("Lusaka", "Zambia"), ("Tunis", "Tunisia"),
          ("Casablanca", "Morocco"), ("Baghdad", "Iraq"), ("Kabul", "Afghanistan"), ("Tbilisi", "Georgia"),
          ("Yerevan", "Armenia"), ("Almaty", "Kazakhstan"), ("Ulaanbaatar", "Mongolia"), ("Port-au-Prince", "Haiti")]
AGENCIES = ["AP", "AFP", "Reuters", "Getty Images", "EPA", "EPA-EFE", "Shutterstock", "Alamy", "PA", "PA Wire",
            "Bloomberg", "Xinhua", "Anadolu Agency", "NurPhoto", "SOPA Images", "iStock", "Corbis", "Rex Features",
            "dpa", "ANP", "Unsplash", "Pexels", "Wikimedia Commons", "ZUMA Press", "Sipa USA", "Imago", "EFE",
            "Europa Press", "Kyodo", "Yonhap", "AAP", "Canadian Press", "Bloomberg via Getty Images",
            "AFP via Getty Images", "The Associated Press", "Associated Press", "LightRocket", "Redux", "Polaris",
            "Magnum Photos", "Panos Pictures", "Majority World", "Picture Alliance", "Keystone", "TT News Agency",
            "Ritzau Scanpix", "ANSA", "Lusa", "Agencia Brasil", "Press Association", "Stringer", "Pool"]
OUTLETS = ["The Daily Ledger", "The Riverside Courier", "The Meridian", "Harbour Post", "The Northern Star",
           "Global Times Review", "The Evening Standard-Bearer", "Metro Tribune", "The Civic Herald",
           "El Mirador", "Le Quotidien", "Die Rundschau", "The Atlantic Review", "The Coastal Gazette",
           "The Capital Journal", "Sunday Observer", "Policy Weekly", "The Conversation", "World Affairs Daily",
           "The Prairie Record", "Pacific Monitor", "Lakeside News", "The Insight", "Valley Voice", "Open Democracy Now"]
INSTITUTIONS = ["the University of Valdeluz", "Lakeshore University", "the Brookfield Institution",
                "the Center for Urban Policy", "the London School of Economics", "Harvard Kennedy School",
                "the Council on Global Relations", "the Institute for Fiscal Studies", "Stanford University",
                "the University of Nairobi", "Sciences Po", "the Heritage Forum", "the Cato Foundation",
                "Chatham House", "the Brennan Center", "the Urban Institute", "Georgetown Law",
                "the University of Cape Town", "King's College London", "the Max Planck Institute",
                "the Peterson Institute for International Economics", "the American Enterprise Institute",
                "the Carnegie Endowment for International Peace", "Columbia Journalism School",
                "the National University of Singapore", "McGill University", "the University of Sao Paulo",
                "the Ateneo de Manila University", "a public high school", "a community college", "a rural clinic",
                "the European Council on Foreign Relations", "the Resolution Foundation", "Human Rights Watch"]
FIELDS = ["history", "economics", "public health", "political science", "law", "sociology", "philosophy",
          "journalism", "environmental studies", "international relations", "computer science", "medicine",
          "English", "mathematics", "urban planning", "education", "climate science", "African studies",
          "Middle East studies", "Asian studies", "constitutional law", "labour economics", "biology", "music"]
ROLES = ["senior fellow", "research fellow", "visiting fellow", "professor", "associate professor",
         "assistant professor", "lecturer", "columnist", "contributing writer", "contributing editor", "senior editor",
         "staff writer", "correspondent", "former ambassador", "director", "executive director", "co-founder",
         "policy analyst", "economist", "historian", "novelist", "freelance journalist", "lawyer", "physician",
         "nurse", "teacher", "PhD candidate", "doctoral student", "retired judge", "former minister", "mayor"]
LANGS_EN = ["English", "Spanish", "French", "German", "Portuguese", "Italian", "Arabic", "Chinese", "Japanese",
            "Korean", "Russian", "Hindi", "Urdu", "Turkish", "Dutch", "Polish", "Swahili", "Persian", "Indonesian",
            "Vietnamese", "Ukrainian", "Greek", "Catalan", "Hebrew", "Simplified Chinese", "Traditional Chinese"]
LANGS_NATIVE = ["Español", "Français", "Deutsch", "Português", "Italiano", "العربية", "中文", "简体中文", "繁體中文",
                "日本語", "한국어", "Русский", "हिन्दी", "اردو", "Türkçe", "Nederlands", "Polski", "Kiswahili", "فارسی",
                "Bahasa Indonesia", "Tiếng Việt", "Українська", "Ελληνικά", "Català", "עברית", "English"]
READ_IN = ["Read this in {L}", "Read this article in {L}", "Read in {L}", "(Read the analysis in {L}.)",
           "(Read this article in {L}.)", "Read the {L} version", "This article is also available in {L}.",
           "Also available in {L}", "Read it in {L}.", "Leer en español", "Lire en français", "Auf Deutsch lesen",
           "Ler em português", "Leggi in italiano", "Read in another language", "Available in other languages",
           "{L} version", "In {L}", "(In {L})", "(Esta columna se publicó en {L}.)", "(Lire la version en {L}.)",
           "Read the original in {L}", "Translated from the {L} by {N}", "This piece was translated from {L}.",
           "Cet article est disponible en {L}.", "Este artículo está disponible en {L}.", "Read more in {L}"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON3 = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SECTIONS = ["Opinion", "OPINION", "Comment", "Commentary", "Analysis", "Op-Ed", "Editorial", "Guest Essay", "Ideas",
            "Voices", "Perspective", "Columnists", "Letters", "World", "Politics", "Climate", "Business", "Culture",
            "Science", "Health", "Education", "Technology", "Economy", "Europe", "Africa", "Asia", "Middle East",
            "Americas", "Environment", "Society", "Viewpoint", "The Big Read", "Long Read", "Debate", "Features"]
PEOPLE_ROLES = ["President", "Prime Minister", "Chancellor", "Senator", "Governor", "Mayor", "Minister",
                "Foreign Minister", "Finance Minister", "Secretary of State", "opposition leader", "activist",
                "Supreme Court Justice", "Representative", "former President", "Nobel laureate", "coach", "striker",
                "chief executive", "union leader", "protester", "farmer", "student", "nurse", "teacher", "resident"]
DOGS = ["Max", "Bella", "Buddy", "Luna", "Rocky", "Daisy", "Charlie", "Lucy", "Bailey", "Molly", "Cooper", "Rex",
        "Biscuit", "Pepper", "Scout", "Milo", "Nala", "Toby", "Ziggy", "Boomer"]
ANIMALS = ["dog", "puppy", "cat", "horse", "therapy dog", "rescue dog", "goat", "Labrador", "German shepherd",
           "beagle", "service dog"]
CAPTION_ACTIONS = [
    "speaks to reporters", "speaks during a news conference", "addresses supporters at a rally",
    "waves to supporters", "arrives for a summit", "leaves a polling station", "casts a ballot",
    "attends a memorial service", "visits a refugee camp", "tours a factory", "greets voters",
    "testifies before a parliamentary committee", "shakes hands with {P}", "meets {P}",
    "walks with {P}", "listens to {P}", "gestures as she speaks", "gestures as he speaks",
    "holds a placard", "signs an executive order", "lays a wreath", "inspects damage", "poses for a portrait",
    "celebrates a goal", "pets {D}, a {A}", "pets the {A} {D}", "feeds {D}, a {A}", "holds {D}, a {A}",
    "plays with {D}", "campaigns door to door", "reads to children at a school", "speaks at a climate summit",
    "delivers a speech", "looks on", "sits in the chamber", "takes questions from journalists"]
SCENES = [
    "Protesters gather outside parliament", "Residents wade through a flooded street", "Firefighters battle a blaze",
    "Commuters wait for a delayed train", "Voters queue outside a polling station", "Workers build a sea wall",
    "Students march through the city centre", "Children play in a schoolyard", "Shoppers walk past closed stores",
    "Farmers inspect a failed harvest", "Migrants disembark from a rescue ship", "Police officers stand guard",
    "Supporters cheer", "Traffic crawls along a motorway", "Smoke rises over the city", "A nurse tends to a patient",
    "A man walks past a mural", "A woman carries water", "Solar panels cover a roof", "Wind turbines stand",
    "Cranes tower over a construction site", "A boy rides a bicycle", "Activists hold banners",
    "Demonstrators clash with police", "Mourners light candles", "Delegates listen to a speech",
    "A cargo ship docks", "An aerial view shows", "Buildings lie in ruins", "Tents line a camp",
    "A general view of the chamber", "People shelter in a metro station", "Fishing boats sit in harbour"]
PLACES = ["in {C}", "in {C}, {K}", "on the outskirts of {C}", "near {C}", "outside the parliament building in {C}",
          "at the White House", "at the United Nations in New York", "in central {C}", "in the port of {C}",
          "at a campaign event in {C}", "during a visit to {C}", "at a hospital in {C}", "at a school in {C}"]
HEAD_PATTERNS = ["Why {x}", "The case for {x}", "The case against {x}", "{X}: {y}", "How {x}", "What {x}",
                 "In defence of {x}", "Stop {x}", "It's time to {x}", "{X}", "{X}? {Y}", "We need to talk about {x}",
                 "The truth about {x}", "{X} is not the answer", "Opinion | {X}", "{X} | {Y}", "Yes, {x}",
                 "No, {x}", "Don't {x}", "{X} — and why it matters", "The real reason {x}", "{X}, explained"]
TOPICS = ["climate policy", "the minimum wage", "rent control", "school choice", "nuclear power", "tariffs",
          "free speech on campus", "the housing crisis", "artificial intelligence", "social media", "immigration",
          "the euro", "universal basic income", "the death penalty", "gun control", "electric cars", "public transit",
          "the pension system", "tax reform", "the health service", "foreign aid", "drug policy", "the monarchy",
          "the World Cup", "the Olympics", "remote work", "four-day weeks", "sugar taxes", "plastic bags",
          "the central bank", "press freedom", "election reform", "the Supreme Court", "NATO", "the ceasefire"]


def _name(rng: random.Random, initial: bool = False) -> str:
    first = rng.choice(FIRST)
    last = rng.choice(LAST)
    r = rng.random()
    if initial and r < 0.2:
        return f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
    if r < 0.05:
        return f"{first} {rng.choice(LAST)}-{last}"
    if r < 0.08:
        return f"{first} de la {last}" if rng.random() < 0.5 else f"{first} van der {last}"
    return f"{first} {last}"


def _a(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _city(rng: random.Random) -> Tuple[str, str]:
    return rng.choice(CITIES)


def _date(rng: random.Random) -> str:
    y = rng.randint(2009, 2026)
    m = rng.randrange(12)
    d = rng.randint(1, 28)
    style = rng.randrange(11)
    if style == 0:
        return f"{MONTHS[m]} {d}, {y}"
    if style == 1:
        return f"{d} {MONTHS[m]} {y}"
    if style == 2:
        return f"{MON3[m]} {d}, {y}"
    if style == 3:
        return f"{y}-{m + 1:02d}-{d:02d}"
    if style == 4:
        return f"{d:02d}/{m + 1:02d}/{y}"
    if style == 5:
        return f"{DAYS[rng.randrange(7)]} {d} {MONTHS[m]} {y}"
    if style == 6:
        return f"{DAYS[rng.randrange(7)]}, {MONTHS[m]} {d}, {y}"
    if style == 7:
        return f"{MONTHS[m][:3].upper()} {d}, {y}"
    if style == 8:
        return f"{MONTHS[m]} {y}"
    if style == 9:
        return f"{d}.{m + 1}.{y}"
    return f"{MON3[m]} {d}"


def _time(rng: random.Random) -> str:
    h, mi = rng.randint(1, 12), rng.choice([0, 5, 12, 17, 30, 41, 45, 58])
    tz = rng.choice(["ET", "EST", "EDT", "GMT", "BST", "CET", "UTC", "PT", "IST", "AEST", ""])
    style = rng.randrange(3)
    if style == 0:
        return f"{h}:{mi:02d} {rng.choice(['a.m.', 'p.m.', 'AM', 'PM', 'am', 'pm'])} {tz}".strip()
    if style == 1:
        return f"{rng.randint(0, 23):02d}:{mi:02d} {tz}".strip()
    return f"{h}{rng.choice(['am', 'pm', ' AM', ' PM'])} {tz}".strip()


def _agency_credit(rng: random.Random) -> str:
    ag = rng.choice(AGENCIES)
    n = _name(rng)
    style = rng.randrange(14)
    return [f"{n}/{ag}", f"{ag}", f"Photo: {n}/{ag}", f"{ag} Photo/{n}", f"({n}/{ag})", f"({ag} Photo/{n})",
            f"Photograph: {n}/{ag}", f"{n} / {ag}", f"Credit: {n} for {rng.choice(OUTLETS)}", f"{n.upper()} ({ag})",
            f"Image: {ag}", f"{n} | {ag}", f"Photo by {n} on {rng.choice(['Unsplash', 'Pexels'])}",
            f"{ag} via {rng.choice(['Getty Images', 'Reuters', 'AP'])}"][style]


def _fragment(rng: random.Random, sentences: Sequence[str], lo: int, hi: int) -> str:
    """A headline-like run of words cut from a real sentence (no final punctuation)."""
    for _ in range(5):
        s = rng.choice(sentences)
        words = s.split()
        if len(words) >= lo:
            k = rng.randint(lo, min(hi, len(words)))
            start = rng.randint(0, max(0, min(3, len(words) - k)))
            frag = " ".join(words[start:start + k]).strip(" ,;:.-\"'\u201c\u201d()")
            if frag:
                return frag[0].upper() + frag[1:]
    return rng.choice(TOPICS).capitalize()


def _title_case(s: str) -> str:
    small = {"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "but", "at", "by", "with", "is"}
    out = []
    for i, w in enumerate(s.split()):
        out.append(w if (i and w.lower() in small) else (w[:1].upper() + w[1:]))
    return " ".join(out)


def headline(rng: random.Random, sentences: Sequence[str]) -> str:
    """A headline: a pattern over a topic, or a cut real sentence, in title or sentence case."""
    if rng.random() < 0.5:
        h = _fragment(rng, sentences, 4, 12)
    else:
        pat = rng.choice(HEAD_PATTERNS)
        x, y = rng.choice(TOPICS), _fragment(rng, sentences, 3, 8)
        h = pat.format(x=x, X=x[:1].upper() + x[1:], y=y[:1].lower() + y[1:], Y=y)
    if rng.random() < 0.45:
        h = _title_case(h)
    if rng.random() < 0.08:
        h = h.upper()
    if rng.random() < 0.08:
        h += "?"
    return h


def standfirst(rng: random.Random, sentences: Sequence[str]) -> str:
    """A standfirst: a longer summary line, usually without a final full stop."""
    a = _fragment(rng, sentences, 8, 22)
    if rng.random() < 0.4:
        a += rng.choice([". ", " — ", ", and "]) + _fragment(rng, sentences, 5, 14).lower()
    return a + ("." if rng.random() < 0.2 else "")


def subheading(rng: random.Random, sentences: Sequence[str]) -> str:
    """A subheading inside the article: two to seven words, no full stop."""
    r = rng.random()
    if r < 0.15:
        return rng.choice(["What comes next", "The bottom line", "A better way", "Why it matters", "The cost",
                           "What the data show", "The road ahead", "Lessons from abroad", "Where we go from here",
                           "A false choice", "Follow the money", "The human cost", "What needs to change",
                           "The politics", "The evidence", "Conclusion", "Background", "Key points",
                           "What can be done?", "Who pays?", "Why now?", "What went wrong?", "The verdict"])
    h = _fragment(rng, sentences, 2, 7)
    if rng.random() < 0.5:
        h = _title_case(h)
    if rng.random() < 0.1:
        h = h.upper()
    return h


def caption(rng: random.Random) -> str:
    """A photo caption in one of many styles."""
    n1, n2 = _name(rng), _name(rng)
    city, country = _city(rng)
    month, year = rng.choice(MONTHS), rng.randint(2005, 2026)
    role = rng.choice(PEOPLE_ROLES)
    action = rng.choice(CAPTION_ACTIONS).format(P=rng.choice([n2, f"{rng.choice(PEOPLE_ROLES)} {n2}"]),
                                                D=rng.choice(DOGS), A=rng.choice(ANIMALS))
    place = rng.choice(PLACES).format(C=city, K=country)
    subj = rng.choice([n1, f"{role} {n1}", f"{role.capitalize()} {n1}", f"{n1}, the {role},", f"{n1} (left)",
                       f"{n1}, centre,", f"{n1.split()[0]} {n1.split()[-1]}"])
    when = rng.choice([f"{month} {year}", f"on {_date(rng)}", f"in {month} {year}", f"{_date(rng)}",
                       f"last {rng.choice(DAYS)}", f"in {year}", ""])
    side = rng.choice(["(right)", "(left)", "(centre)", "(center)", "(second left)", "(R)", "(L)", ""])
    style = rng.randrange(16)
    if style == 0:  # the example shape
        s = f"{subj} {action}, alongside {n2} {side or '(right)'}. {month} {year}, in {city}, {country}."
    elif style == 1:
        s = f"{subj} {action} {place} {when}.".replace("  ", " ")
    elif style == 2:
        s = f"{subj} {action} {place} {when}. {_agency_credit(rng)}".replace("  ", " ")
    elif style == 3:
        s = f"{rng.choice(SCENES)} {place} {when}. Photograph: {_name(rng)}/{rng.choice(AGENCIES)}"
    elif style == 4:
        s = f"{rng.choice(SCENES)} {place}, {when}. ({_agency_credit(rng).strip('()')})"
    elif style == 5:
        s = f"{rng.choice(SCENES)} {place} {when}".strip()
    elif style == 6:
        s = f"{rng.choice(['Photo', 'Image', 'Pictured', 'Above', 'Top', 'Main image'])}: {subj} {action} {place}."
    elif style == 7:
        s = f"{rng.choice(['Image caption', 'Media caption', 'Caption', 'Image caption,', 'Photo caption'])} " \
            f"{rng.choice(SCENES)} {place}"
    elif style == 8:
        s = f"{n1} {side or '(left)'} and {n2} {rng.choice(['(right)', '(R)'])} {action.split(' {')[0]} {place} {when}."
    elif style == 9:
        s = f"{subj} {action} {place}. ({n2.split()[-1]}/{rng.choice(AGENCIES)})"
    elif style == 10:
        s = f"{rng.choice(SCENES)} {place} on {_date(rng)}. {rng.choice(AGENCIES).upper()}"
    elif style == 11:
        s = f"{subj} {action} {place} {when}. | {rng.choice(AGENCIES)}"
    elif style == 12:
        s = f"{rng.choice(SCENES)} {place} {when}. (Credit: {_name(rng)})"
    elif style == 13:
        s = f"FILE - {subj} {action} {place}, {_date(rng)}. (AP Photo/{_name(rng)}, File)"
    elif style == 14:
        s = f"{n1}, {rng.randint(19, 88)}, {rng.choice(['a', 'the'])} {rng.choice(PEOPLE_ROLES)} from {city}, " \
            f"{action} {when}."
    else:
        s = f"{rng.choice(SCENES)} {place} {when}. {rng.choice(['Photo', 'Picture', 'Image'])}: " \
            f"{rng.choice([_name(rng), rng.choice(AGENCIES), rng.choice(OUTLETS)])}"
    s = re.sub(r"\s+", " ", s).replace(" .", ".").replace(" ,", ",")
    return s


def credit(rng: random.Random) -> str:
    """A photo or illustration credit on a line of its own."""
    n = _name(rng)
    ag = rng.choice(AGENCIES)
    return rng.choice([
        ag, f"{n}/{ag}", f"Photo: {n}", f"Photo: {ag}", f"Photograph: {n}/{ag}", f"Illustration by {n}",
        f"Illustration: {n}", f"Photo illustration by {n}", f"Photo credit: {n}", f"Image credit: {ag}",
        f"Credit: {n} for {rng.choice(OUTLETS)}", f"Credit...{n} for {rng.choice(OUTLETS)}",
        f"Image source, {ag}", f"Image copyright {ag}", f"Courtesy of {n}", f"Courtesy {rng.choice(INSTITUTIONS)}",
        f"{n.upper()} ({ag})", f"({ag} Photo/{n})", f"Photos by {n}", f"Photography by {n}", f"{ag} / {n}",
        f"Source: {ag}", f"© {n}", f"{n} / {rng.choice(OUTLETS)}", f"Artwork: {n}", f"Video: {ag}",
        f"Graphic: {rng.choice(OUTLETS)}", f"Handout via {ag}", f"File photo: {ag}", f"Pool photo via {ag}"])


def byline(rng: random.Random) -> str:
    """A byline, often with a role, an outlet or a date."""
    n = _name(rng, initial=True)
    n2 = _name(rng)
    style = rng.randrange(16)
    return [f"By {n}", f"By {n.upper()}", f"By {n} and {n2}", f"{n}", f"{n.upper()}",
            f"By {n} | {rng.choice(['Special to', 'Contributor,', 'For'])} {rng.choice(OUTLETS)}",
            f"{n}, {rng.choice(ROLES)}", f"Opinion by {n}", f"{n} | {_date(rng)}", f"By {n}, {_date(rng)}",
            f"Written by {n}", f"By {n} — {rng.choice(ROLES).capitalize()}", f"Author: {n}",
            f"{n} in {_city(rng)[0]}", f"By {n} · {rng.randint(2, 15)} min read",
            f"Por {n}" if rng.random() < 0.5 else f"Par {n}"][style]


def timestamp(rng: random.Random) -> str:
    """A date or time line."""
    d, t = _date(rng), _time(rng)
    return rng.choice([
        d, f"{d} {t}", f"{d}, {t}", f"Published {d}", f"Published: {d} at {t}", f"Updated {d}",
        f"Last updated: {t}, {d}", f"First published on {d}", f"Posted {d}", f"Published {rng.randint(2, 23)} hours ago",
        f"{rng.randint(2, 59)} minutes ago", f"{rng.randint(3, 25)} min read", f"{rng.randint(3, 25)} minute read",
        f"Reading time: {rng.randint(3, 15)} minutes", f"{d} | {rng.randint(3, 12)} min read", f"{t} {d}",
        f"{d} • {t}", f"Listen · {rng.randint(3, 14)} min", f"{d} (Updated {t})", f"Mis à jour le {d}",
        f"Actualizado {d}", f"{DAYS[rng.randrange(7)]} {d}"])


def author_bio(rng: random.Random) -> str:
    """An author's bio line."""
    n = _name(rng, initial=True)
    pro = rng.choice(["He", "She"])
    city = _city(rng)[0]
    inst = rng.choice(INSTITUTIONS)
    field = rng.choice(FIELDS)
    role = rng.choice(ROLES)
    outlet = rng.choice(OUTLETS)
    first = rng.choice([
        f"{n} teaches {field} at {rng.choice(['a public high school', 'a secondary school', 'a community college', inst])} in {city}.",
        f"{n} is {_a(role)} {role} at {inst}.", f"{n} is the {role} of {inst}.",
        f"{n} is {_a(role)} {role} for {outlet}.", f"{n} is a professor of {field} at {inst}.",
        f"{n} is a senior fellow at {inst} and the author of \u201c{_title_case(rng.choice(TOPICS))}.\u201d",
        f"{n} is {_a(role)} {role} based in {city}.", f"{n} writes about {field} and {rng.choice(TOPICS)}.",
        f"{n}, {_a(role)} {role} at {inst}, is the author of {_title_case(rng.choice(TOPICS))}: A History.",
        f"{n} was {rng.choice(['a', 'the'])} {role} {rng.choice(['at', 'of'])} {inst} from {rng.randint(1990, 2015)} to {rng.randint(2016, 2024)}.",
        f"{n} is a {rng.choice(['nurse', 'doctor', 'farmer', 'teacher', 'lawyer', 'pastor', 'firefighter'])} in {city}.",
        f"{n} has covered {field} for {outlet} since {rng.randint(1995, 2020)}.",
        f"{n} is a {rng.choice(['retired', 'former'])} {rng.choice(PEOPLE_ROLES).lower()} who lives in {city}.",
        f"{n} is {rng.choice(['a doctoral candidate', 'a PhD student', 'a postdoctoral researcher'])} in {field} at {inst}.",
        f"About the author: {n} is {_a(role)} {role} at {inst}.",
        f"{n} ({'@' + n.split()[0].lower() + n.split()[-1].lower()}) is {_a(role)} {role} at {outlet}.",
    ])
    extra = rng.choice(["", "", f" {pro} lives in {city}.", f" Follow {rng.choice(['him', 'her', 'them'])} on X @{n.split()[-1].lower()}.",
                        f" {pro} is the author of \u201c{_title_case(rng.choice(TOPICS))}.\u201d",
                        f" {pro} has written for {rng.choice(OUTLETS)} and {rng.choice(OUTLETS)}.",
                        f" {pro} previously worked at {rng.choice(INSTITUTIONS)}."])
    return first + extra


def related(rng: random.Random, sentences: Sequence[str]) -> List[str]:
    """A related-articles block: a header and headline items, or one "Read more: ..." line."""
    r = rng.random()
    if r < 0.4:
        return [rng.choice(["Read more", "Read more:", "Related:", "Related", "See also:", "Read next:", "Also read:",
                            "RELATED:", "More from Opinion:", "Recommended:", "READ MORE:", "Lire aussi :",
                            "Read also:", "Don't miss:", "MORE:", "Related coverage:"]) + " " + headline(rng, sentences)]
    head = rng.choice(["Most read", "Most Read", "MOST POPULAR", "Most viewed", "Related", "Related articles",
                       "Related stories", "Recommended", "Recommended for you", "More from Opinion", "Top stories",
                       "Trending", "Read next", "You may also like", "More on this story", "Editor's picks",
                       "More in Opinion", "Popular now", "What to read next", "In other news", "Latest"])
    items = []
    for i in range(rng.randint(2, 6)):
        h = headline(rng, sentences)
        style = rng.randrange(6)
        if style == 1:
            h = f"{i + 1}. {h}" if rng.random() < 0.5 else f"{i + 1} {h}"
        elif style == 2:
            h = f"{h} — {rng.randint(2, 23)} hours ago"
        elif style == 3:
            h = f"{h} | {_name(rng)}"
        elif style == 4:
            h = f"Opinion: {h}"
        items.append(h)
    return [head] + items


def share(rng: random.Random) -> str:
    """A share / save / print button line."""
    return rng.choice(["Share", "Share this article", "Share on Facebook", "Share on X", "Share via Email",
                       "Facebook Twitter LinkedIn Email", "Tweet", "Email", "Print", "Copy link", "Link copied",
                       "Save", "Save article", "Gift this article", "Share full article", "Share this:",
                       "Click to share on WhatsApp (Opens in new window)", "Share | Tweet | Email",
                       "Facebook · X · WhatsApp · Copy link", "Share on LinkedIn", "Bookmark", "Listen to this article",
                       "Give this article", "Follow us on Instagram", f"Follow {_name(rng)} on X",
                       f"Follow @{rng.choice(LAST).lower()}", "Share this story", "SHARE", "Print this page",
                       f"{rng.randint(2, 900)} Shares", "Share with friends", "Send to a friend"])


def comment_prompt(rng: random.Random) -> str:
    """A comment prompt."""
    return rng.choice(["Leave a Reply", "Leave a reply", "Leave a comment", "Comments", "COMMENTS", "Comment",
                       f"Comments ({rng.randint(1, 900)})", f"{rng.randint(1, 900)} comments", "Join the conversation",
                       "Cancel reply", "Your email address will not be published. Required fields are marked *",
                       "Post a comment", "Add your comment", "Be the first to comment", "Show comments",
                       "View comments", "Comments are closed.", "Comments on this article are closed.",
                       "Log in to comment", "Sign in to join the conversation", "Have your say",
                       "What do you think? Tell us in the comments.", "Discussion", "Reply", "Report",
                       "Community guidelines", f"{rng.randint(1, 9)} thoughts on \u201c{rng.choice(TOPICS).title()}\u201d",
                       "Notify me of new comments via email.", "Save my name, email, and website in this browser.",
                       "We welcome your comments.", "Conversation", "Load more comments", "Commenting is disabled"])


def newsletter(rng: random.Random) -> str:
    """A newsletter / subscription prompt."""
    o = rng.choice(OUTLETS)
    return rng.choice([f"Sign up for {o}'s daily newsletter", "Sign up", "Subscribe", "Subscribe now",
                       "Enter your email address", "Enter your email", f"Get the {o} newsletter in your inbox",
                       "Sign up for our free Opinion newsletter", "Already a subscriber? Log in",
                       f"Subscribe to {o} for unlimited access", "Support independent journalism",
                       "Become a member today", "Thanks for reading. Subscribe for more.", "Get our newsletter",
                       f"The Week in Opinion: the best of {o}, every Friday", "Start your free trial",
                       "By signing up, you agree to our Terms of Use and Privacy Policy.",
                       "Want more? Get the best of Opinion delivered to your inbox.", "Unlock unlimited access",
                       f"Subscribe for ${rng.randint(1, 9)} a month", "Donate now", "Newsletter",
                       "Create a free account to keep reading", "Get alerts", "Receive our weekly digest"])


def navigation(rng: random.Random) -> str:
    """Menus, footers, cookie banners and language switchers."""
    return rng.choice([
        "Skip to content", "Skip to main content", "Menu", "Search", "Home", "Sign in", "Log in", "My account",
        "Back to top", "Next article", "Previous article", "Show more", "Load more", "Accessibility help",
        "Privacy Policy | Terms of Use | Contact Us | Advertise", "About us · Careers · Help · Sitemap",
        "Terms & Conditions | Cookie Policy | Accessibility", "We use cookies to improve your experience on our site.",
        "Accept all cookies", "Manage cookies", "Cookie settings", "This website uses cookies.",
        "Please enable JavaScript to view this content.", "Your browser does not support the video tag.",
        "English Edition", "International edition", "US edition", "UK edition", "Edición América",
        "Read in another language", "Other languages", rng.choice(LANGS_NATIVE), rng.choice(LANGS_NATIVE),
        f"{rng.choice(OUTLETS).upper()}", "Page 1 of 2", "Continue", "Close", "Open menu", "Watch live",
        "Advertise with us", "Contact the newsroom", "Corrections policy", "RSS", "Archive"])


def lang_line(rng: random.Random) -> str:
    """A "read this in another language" line."""
    return rng.choice(READ_IN).format(L=rng.choice(LANGS_EN + LANGS_NATIVE[:6]), N=_name(rng))


def section(rng: random.Random) -> str:
    """A section label."""
    a, b = rng.choice(SECTIONS), rng.choice(SECTIONS)
    return rng.choice([a, f"{a} | {b}", f"{a} > {b}", f"{a} / {b}", f"{a.upper()}", f"{a} · {b}", f"{a}: {b}"])


def tags(rng: random.Random) -> str:
    """A topic tags line."""
    items = [rng.choice(TOPICS).title() for _ in range(rng.randint(2, 6))]
    sep = rng.choice([" · ", " | ", ", ", " • ", " / "])
    return rng.choice(["Topics: ", "Tags: ", "Filed under: ", "More about: ", "", "Topics ", "Keywords: "]) + sep.join(items)


def copyright_line(rng: random.Random) -> str:
    """A copyright line."""
    o, y = rng.choice(OUTLETS), rng.randint(2005, 2026)
    return rng.choice([f"© {y} {o}. All rights reserved.", f"Copyright © {y} {o}", f"© {o} {y}",
                       f"(c) {y} {o}", f"Copyright {y} {o}. All Rights Reserved.",
                       f"© {y} {rng.choice(AGENCIES)}. All rights reserved. This material may not be published, "
                       f"broadcast, rewritten or redistributed.", f"© {o.upper()}, S.L.", f"Copyright {o} {y}"])


def disclaimer(rng: random.Random) -> str:
    """A views-are-the-author's-own line."""
    o = rng.choice(OUTLETS)
    return rng.choice([
        f"The views expressed in this article are the author's own and do not necessarily reflect {o}'s editorial stance.",
        "The views expressed are the author's own.", f"Opinions expressed by {o} contributors are their own.",
        "This article does not necessarily reflect the opinion of the editorial board.",
        "Disclaimer: The opinions expressed here are solely those of the author.",
        f"Disclosure: the author has received funding from {rng.choice(INSTITUTIONS)}.",
        "The author declares no competing interests."])


def publication_note(rng: random.Random) -> str:
    """A note about where or how the piece was published."""
    o = rng.choice(OUTLETS)
    return rng.choice([
        f"This article was originally published on {o}.", f"A version of this article appeared in print on {_date(rng)}.",
        f"This article appears in the {rng.choice(MONTHS)} {rng.randint(2010, 2026)} print edition.",
        f"Editor's note: This article was updated on {_date(rng)}.", f"Correction: An earlier version of this article misstated {rng.choice(TOPICS)}.",
        f"Additional reporting by {_name(rng)}", f"Editing by {_name(rng)}", f"This piece is part of our series on {rng.choice(TOPICS)}.",
        f"Republished with permission from {o}.", f"Adapted from {_title_case(rng.choice(TOPICS))} by {_name(rng)}.",
        f"Distributed by {rng.choice(['Tribune Content Agency', 'Project Syndicate', 'Agence Global'])}.",
        f"Translated from the {rng.choice(LANGS_EN)} by {_name(rng)}.",
        "This article is also available in Spanish, French and Portuguese."])


def contact(rng: random.Random) -> str:
    """A contact / submission line."""
    n = _name(rng)
    handle = n.split()[-1].lower()
    return rng.choice([f"Email: {handle}@example.com", f"Contact {n} at {handle}@{rng.choice(['news', 'paper', 'mail'])}.com",
                       f"Twitter: @{handle}", f"Send us a letter: letters@{rng.choice(['courier', 'ledger', 'post'])}.com",
                       "Have an opinion on this story? Send us a letter of up to 200 words.", f"Write to {n} at {handle}@mail.com.",
                       "To submit an op-ed, email opinion@example.com", f"{handle}@example.org"])


def advertisement(rng: random.Random) -> str:
    """An advertisement marker."""
    return rng.choice(["Advertisement", "ADVERTISEMENT", "Sponsored", "Sponsored content", "Story continues below advertisement",
                       "Article continues after advertisement", "Skip advertisement", "Ad", "Paid content",
                       "Promoted stories", "Anzeige", "Publicité"])


def _sentences(paragraph: str) -> List[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])[\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z])", paragraph)
            if s.strip()]


Line = Tuple[str, Optional[str]]


def _more_mid(rng: random.Random, sentences: Sequence[str]) -> List[Line]:
    """Furniture between two body paragraphs from ``boilerplate_synth_more`` (nothing in most gaps)."""
    r = rng.random()
    if r < 0.05:
        return [(more.caption_plain(rng), "caption")]
    if r < 0.07:
        return [(x, "related") for x in more.related_more(rng, sentences)]
    if r < 0.08:
        return [(more.promo(rng), "advertisement")]
    if r < 0.09:
        return [(more.newsletter_more(rng), "newsletter")]
    if r < 0.10:
        return [(more.lang_more(rng), "navigation")]
    return []


def _more_foot(rng: random.Random, sentences: Sequence[str]):
    """Generators of page-foot furniture from ``boilerplate_synth_more``: ``[(probability, make)]``."""
    return [(0.15, lambda: [(x, "publication_note") for x in more.publication_note_more(rng)]),
            (0.12, lambda: [(more.promo(rng), "advertisement") for _ in range(rng.randint(1, 2))]),
            (0.15, lambda: [(more.newsletter_more(rng), "newsletter") for _ in range(rng.randint(1, 2))]),
            (0.2, lambda: [(more.comment_more(rng), "comment_prompt") for _ in range(rng.randint(1, 2))]),
            (0.12, lambda: [(x, "disclaimer") for x in more.consent(rng)]),
            (0.15, lambda: [(x, "related") for x in more.related_more(rng, sentences)]),
            (0.05, lambda: [(more.lang_more(rng), "navigation")])]


def _page_body(paragraphs: Sequence[str], sentences: List[str], rng: random.Random) -> List[str]:
    """The body lines: the paragraphs, one sentence per line, or a short text of one to three sentences."""
    body: List[str] = list(paragraphs)
    r = rng.random()
    if r < 0.15:  # one sentence per line
        body = sentences
    elif r < 0.25:  # a short text: one to three sentences
        k = rng.randint(1, 3)
        i = rng.randrange(max(1, len(sentences) - k + 1))
        body = [" ".join(sentences[i:i + k])] if rng.random() < 0.5 else sentences[i:i + k]
    return body


def _page_head(rng: random.Random, sentences: Sequence[str]) -> List[Line]:
    """Furniture above the body: menus, consent, section, headline and standfirst, then bylines, captions, ..."""
    head: List[Line] = []
    if rng.random() < 0.3:
        head += [(navigation(rng), "navigation") for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.06:
        head += [(x, "disclaimer") for x in more.consent(rng)]
    if rng.random() < 0.5:
        head.append((section(rng), "section"))
    if rng.random() < 0.8:
        head.append((headline(rng, sentences), "title"))
        if rng.random() < 0.5:
            head.append((standfirst(rng, sentences), "title"))
    order = []
    if rng.random() < 0.8:
        order.append((byline(rng), "byline"))
    if rng.random() < 0.6:
        order.append((timestamp(rng), "timestamp"))
    if rng.random() < 0.3:
        order += [(share(rng), "share") for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3:
        if rng.random() < 0.5:
            order.append((lang_line(rng) if rng.random() < 0.6 else more.lang_more(rng), "navigation"))
        else:
            order.append((rng.choice(["Read in another language", "Read this in other languages", "Other languages",
                                      "Available in"]), "navigation"))
            order += [(rng.choice(LANGS_NATIVE + LANGS_EN), "navigation") for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.45:
        if rng.random() < 0.5:
            order.append((credit(rng), "credit"))
        order.append((caption(rng) if rng.random() < 0.7 else more.caption_plain(rng), "caption"))
        if rng.random() < 0.4:
            order.append((credit(rng), "credit"))
    rng.shuffle(order)
    return head + order


def _page_mid(rng: random.Random, sentences: Sequence[str], n_body: int) -> List[List[Line]]:
    """Furniture before each body line (a subheading, a caption, a related block, an ad, ...; mostly nothing)."""
    mid: List[List[Line]] = [[] for _ in range(n_body)]
    for i in range(n_body):
        if i == 0 and rng.random() < 0.7:
            continue
        r = rng.random()
        if r < 0.07:
            mid[i].append((subheading(rng, sentences), "heading"))
        elif r < 0.12:
            mid[i].append((caption(rng), "caption"))
            if rng.random() < 0.5:
                mid[i].append((credit(rng), "credit"))
        elif r < 0.15:
            mid[i] += [(x, "related") for x in related(rng, sentences)[: rng.choice([1, 4])]]
        elif r < 0.17:
            mid[i].append((advertisement(rng), "advertisement"))
        elif r < 0.19:
            mid[i].append((newsletter(rng), "newsletter"))
        elif r < 0.21:
            mid[i].append((lang_line(rng), "navigation"))
        else:
            mid[i] += _more_mid(rng, sentences)
    return mid


def _bio(rng: random.Random) -> List[Line]:
    if rng.random() < 0.6:
        return [(x, "author_bio") for x in more.author_bio_lines(rng)]
    return [(author_bio(rng), "author_bio")]


def _page_foot(rng: random.Random, sentences: Sequence[str]) -> List[Line]:
    """Furniture after the body, in blocks (a bio of several lines stays together); the bio usually first."""
    gens = [(0.5, lambda: _bio(rng)), (0.15, lambda: [(disclaimer(rng), "disclaimer")]),
            (0.15, lambda: [(publication_note(rng), "publication_note")]), (0.2, lambda: [(tags(rng), "tags")]),
            (0.25, lambda: [(share(rng), "share") for _ in range(rng.randint(1, 3))]),
            (0.35, lambda: [(comment_prompt(rng), "comment_prompt") for _ in range(rng.randint(1, 3))]),
            (0.35, lambda: [(x, "related") for x in related(rng, sentences)]),
            (0.25, lambda: [(newsletter(rng), "newsletter") for _ in range(rng.randint(1, 2))]),
            (0.2, lambda: [(copyright_line(rng), "copyright")]), (0.1, lambda: [(contact(rng), "contact")]),
            (0.15, lambda: [(navigation(rng), "navigation") for _ in range(rng.randint(1, 3))]),
            (0.1, lambda: [(lang_line(rng), "navigation")]), (0.08, lambda: [(byline(rng), "byline")])]
    blocks = [g() for p, g in gens + _more_foot(rng, sentences) if rng.random() < p]
    if blocks and blocks[0][0][1] != "author_bio" and rng.random() < 0.5:
        rng.shuffle(blocks)
    elif len(blocks) > 1 and rng.random() < 0.5:  # the bio first, the rest in any order
        rest = blocks[1:]
        rng.shuffle(rest)
        blocks = blocks[:1] + rest
    return [line for block in blocks for line in block]


def make_page(paragraphs: Sequence[str], rng: random.Random, *, furniture: bool = True) -> List[Line]:
    """``(line, kind)`` pairs of one synthetic page: ``paragraphs`` as body (``kind`` ``None``), possibly split
    into one sentence per line, inside furniture generated in a random page style."""
    sentences = [s for p in paragraphs for s in _sentences(p)] or list(paragraphs)
    body = _page_body(paragraphs, sentences, rng)
    if not furniture:
        return [(b, None) for b in body]
    head = _page_head(rng, sentences)
    mid = _page_mid(rng, sentences, len(body))
    page = list(head)
    for b, extra in zip(body, mid):
        page += extra
        page.append((b, None))
    return page + _page_foot(rng, sentences)


import boilerplate_synth_more as more  # noqa: E402  (the added kinds; it imports this module's pools)
