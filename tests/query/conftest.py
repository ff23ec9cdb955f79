import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from accord.models import Quantity  # noqa: E402
from accord.store import Store  # noqa: E402

from accord_store_factory import REPORT_A, REPORT_B, article, event, fact  # noqa: E402

SEED = (
    "Iran and China signed twenty cooperation agreements in Beijing on Tuesday. "
    "Raisi arrived in Beijing for a three-day state visit. "
    "China expressed support for Iran's sovereignty. "
    "Iran joined the Shanghai Cooperation Organisation in 2021. "
    "Trade between Iran and China reached $16 billion last year. "
    'The "strategic" partnership (25-year) was signed in March 2021.'
)
CONFLICT = "The United States accused Iran of enriching uranium. Russian forces shelled the town of Kharkiv."


def _at(text, sentence):
    return text.index(sentence)


def populate(path: str) -> dict:
    """A small database: the seed-like article, a second report of the signing, a conflict article."""
    ids = {}
    with Store(path) as s:
        s.start_run(["fixture"])
        a1, _ = s.add_article(article(SEED + " " + REPORT_A, "Alpha News", url="https://alpha.example/1"))
        a2, _ = s.add_article(article(REPORT_B, "Beta Daily", date="2023-02-15", url="https://beta.example/2"))
        a3, _ = s.add_article(article(CONFLICT + " " + REPORT_B[::-1], "Gamma Times", date="2023-04-03"))
        sents = [x + "." for x in SEED.split(". ")]
        sents[-1] = sents[-1].rstrip(".")
        e_sign = event(sents[0], "IRN", "CHN", "057", trigger="signed", place="Beijing", start=_at(SEED, sents[0]),
                       quantities=[Quantity(20, "agreement", text="twenty")])
        e_visit = event(sents[1], "IRNGOV", "CHN", "042", trigger="arrived", place="Beijing", start=_at(SEED, sents[1]))
        e_support = event(sents[2], "CHN", "IRN", "051", trigger="expressed support", start=_at(SEED, sents[2]))
        e_pact = event(sents[5], "IRN", "CHN", "057", "2021-03", precision="month", trigger="signed",
                       start=_at(SEED, sents[5]))
        s.add_events(a1, [e_sign, e_visit, e_support, e_pact])
        s.add_events(a2, [event("Tehran and Beijing put their names to 20 new accords.", "CHN", "IRN", "057",
                                "2023-02-14", trigger="put their names to", start=0)])
        s.add_events(a3, [
            event("The United States accused Iran of enriching uranium.", "USA", "IRN", "112", "2023-04-03",
                  trigger="accused", start=0),
            event("Russian forces shelled the town of Kharkiv.", "RUSMIL", None, "190", "2023-04-02", start=53),
        ])
        s.add_facts(a1, [
            fact(sents[3], "member_of", "IRN", "IGOSCO", "2021", start=_at(SEED, sents[3])),
            fact(sents[4], "trade", "IRN", "CHN", "2022", start=_at(SEED, sents[4]),
                 quantity=Quantity(16e9, "USD", "USD", "$16 billion")),
        ])
        ids.update(a1=a1, a2=a2, a3=a3)
    return ids


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "q.db")
    ids = populate(path)
    return path, ids
