"""Round 11 of the learned line classifier: feature spec 3 (shapes that hold across languages), the page model and
the text model, and the lines the model leaves to the rules."""
import pytest

from argmine import boilerplate, noise
from argmine.boilerplate import DENSE_NAMES, DENSE_NAMES_V3, FEATURE_SPEC, dense_names, line_features


def _v3(line):
    dense = line_features(line, position=3, n_lines=9)[2]
    return dict(zip(DENSE_NAMES, dense))


def test_spec_version_two_reads_without_the_new_dense_features():
    assert dense_names(dict(FEATURE_SPEC, version=2)) == DENSE_NAMES[:len(DENSE_NAMES) - len(DENSE_NAMES_V3)]
    assert dense_names() == DENSE_NAMES
    v2 = line_features("Photo: Ewa Lind", position=0, n_lines=3, spec=dict(FEATURE_SPEC, version=2))[2]
    assert len(v2) == len(DENSE_NAMES) - len(DENSE_NAMES_V3)


@pytest.mark.parametrize("line,name", [
    ("\u2023 Ferries should run all winter", "bullet_any"),
    ("1) Ferries should run all winter", "bullet_any"),
    ("\u275d The crews were gone by October. \u275e", "quoted_whole"),
    ("Get the brief every Monday \u2192 outlet.example/signup", "arrow"),
    ("#ferries #islands", "hashtags"),
    ("Rekl\u00e1m / Advertisement", "slash_parts"),
    ("[Ewa Lind/Harbour Herald] Commuters board the ferry.", "bracket_lead"),
])
def test_cross_language_shapes_are_dense_features(line, name):
    assert _v3(line)[name] > 0
    assert _v3("The council should fund the crews because islanders are stranded.")[name] == 0


def test_the_share_of_letters_outside_the_latin_script():
    assert _v3("\u0c2d\u0c26\u0c4d\u0c30\u0c24 \u0c2e\u0c41\u0c16\u0c4d\u0c2f\u0c02")["nonlatin_ratio"] == 1.0
    assert _v3("Safety matters")["nonlatin_ratio"] == 0.0


def test_both_shipped_models_load_and_the_text_model_is_spec_two():
    page, text = boilerplate.load_model(), boilerplate.load_text_model()
    assert page is not text and int(page.spec["version"]) == 3 and int(text.spec["version"]) == 2
    again = boilerplate.LineModel.from_json(text.to_json())
    assert again.coef.shape == text.coef.shape


_BODY = ("Towns along the coast should fund year-round ferry crews, because seasonal crews leave islanders stranded "
         "every winter and the clinic on the mainland is the only one they have.\n\n"
         "The second reason is cost: a stranded clinic visit costs the health board more than a crew's wages for a "
         "week, and the board pays it every winter without asking why.\n\n")


@pytest.mark.parametrize("head,expected", [("FUND THE FERRIES\nBy Mara Quint\n\n", "page"), ("", "text")])
def test_a_page_gets_the_page_model_and_a_plain_text_the_text_model(monkeypatch, head, expected):
    used = []
    real_page, real_text = boilerplate.load_model, boilerplate.load_text_model
    monkeypatch.setattr(boilerplate, "load_model",
                        lambda path=None: (used.append("page") if path is None else None) or real_page(path))
    monkeypatch.setattr(boilerplate, "load_text_model", lambda: used.append("text") or real_text())
    noise.noise_lines(head + _BODY + "Ewa Lind is a ferry engineer in Kirkwall.\n", learned=True)
    assert used == [expected]


@pytest.mark.parametrize("line,above,left", [
    ("Shocking?", None, True),
    ("\u201cNo.\u201d", None, True),
    ("A map in a drawer protects no one.", None, True),
    ("Die Stadt sollte die F\u00e4hren bezahlen.", None, True),
    ("Who pays for the crews?", "advertisement", True),
    ("Commuters board the early ferry at the north pier.", None, False),
    ("Who pays for the crews?", None, False),
])
def test_lines_the_model_leaves_to_the_rules(line, above, left):
    assert noise._body_sentence_for_the_model(line, above) is left
