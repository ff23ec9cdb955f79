"""Hand-made test database for the web tests: articles, events and facts built directly as records
(no NLP coder), stored with ``accord.store.Store``. Offsets are computed from the texts."""
from __future__ import annotations

from accord.models import Actor, Article, Event, Evidence, Fact, Place, Quantity
from accord.store import Store

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
XSS = f"{XSS_SCRIPT} {XSS_IMG}"

SIGNING_ARTICLE = Article(
    title="Tehran and Beijing seal a package of accords",
    publisher="Example Wire",
    date="2023-02-14",
    url="https://news.example.org/iran-china-accords",
    language="en",
    text=(
        "Tehran and Beijing seal a package of accords\n\n"
        "Iran signed twenty cooperation documents with China on Tuesday during a state visit to Beijing.\n\n"
        "Officials in Tehran praised China for its steady economic support.\n\n"
        "Iran is a full member of the Shanghai Cooperation Organisation."
    ),
)

SECOND_REPORT = Article(
    title="Beijing hosts Iranian leader, deals signed",
    publisher="Other Daily",
    date="2023-02-15",
    url="https://other.example.com/deals",
    language="en",
    text=(
        "Beijing hosts Iranian leader, deals signed\n\n"
        "On Tuesday Iran and China signed a set of twenty agreements covering trade and tourism."
    ),
)

CONFLICT_ARTICLE = Article(
    title="Washington criticises Tehran",
    publisher="Example Wire",
    date="2023-04-03",
    url="https://news.example.org/us-iran",
    language="en",
    text="Washington criticises Tehran\n\nThe United States accused Iran of enriching uranium beyond agreed limits.",
)

XSS_ARTICLE = Article(
    title=f"Hostile {XSS} title",
    publisher=f"Evil {XSS_IMG} Press",
    date="2023-03-01",
    url="javascript:alert(1)",
    language="en",
    text=f"Hostile {XSS} title\n\nChina {XSS_SCRIPT} praised Iran {XSS_IMG} for its cooperation.",
)

IRN = dict(code="IRN", country="IRN", kind="state", name="Islamic Republic of Iran")
CHN = dict(code="CHN", country="CHN", kind="state", name="People's Republic of China")
USA = dict(code="USA", country="USA", kind="state", name="United States")


def actor(text: str, phrase: str, base: dict, *, nth: int = 0, name: str | None = None) -> Actor:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    fields = dict(base)
    if name is not None:
        fields["name"] = name
    return Actor(text=phrase, start=start, end=start + len(phrase), **fields)


def evidence(text: str, sentence_start_phrase: str, trigger: str) -> Evidence:
    s = text.index(sentence_start_phrase)
    e = text.find("\n", s)
    e = len(text) if e < 0 else e
    t = text.index(trigger, s)
    return Evidence(text=text[s:e], start=s, end=e, trigger=trigger, trigger_start=t, trigger_end=t + len(trigger))


def event(src: Actor, tgt: Actor, cameo: str, quad: int, gold: float, date: str, ev: Evidence, **kw) -> Event:
    return Event(source=src, target=tgt, cameo=cameo, cameo_root=cameo[:2], quad_class=quad, goldstein=gold,
                 plover_event=kw.get("plover"), plover_mode=None, date=date, date_precision="day",
                 location=kw.get("location"), quantities=kw.get("quantities", ()), negated=False,
                 modality="asserted", confidence=0.9, evidence=ev)


def build(path) -> dict:
    """Create the database at ``path``; returns ids of interest."""
    ids: dict = {}
    with Store(str(path)) as store:
        t = SIGNING_ARTICLE.text
        aid, _ = store.add_article(SIGNING_ARTICLE)
        ids["signing_article"] = aid
        sign = event(actor(t, "Iran", IRN, nth=0), actor(t, "China", CHN), "057", 1, 8.0, "2023-02-14",
                     evidence(t, "Iran signed", "signed"), plover="AGREE",
                     location=Place("Beijing", "CHN", 39.9, 116.4), quantities=(Quantity(20, "agreement"),))
        praise = event(actor(t, "Tehran", IRN, nth=1), actor(t, "China", CHN, nth=1), "051", 1, 3.4, "2023-02-14",
                       evidence(t, "Officials in Tehran", "praised"), plover="COOPERATE")
        store.add_events(aid, [sign, praise])
        member = Fact("member_of", actor(t, "Iran", IRN, nth=1),
                      Actor(code="IGOSCO", name="Shanghai Cooperation Organisation", kind="igo"),
                      "2023-02-14", "day", evidence(t, "Iran is a full member", "member"), detail="full member")
        store.add_facts(aid, [member])

        t2 = SECOND_REPORT.text
        aid2, _ = store.add_article(SECOND_REPORT)
        ids["second_article"] = aid2
        sign2 = event(actor(t2, "Iran", IRN), actor(t2, "China", CHN), "057", 1, 8.0, "2023-02-14",
                      evidence(t2, "On Tuesday", "signed"), plover="AGREE")
        store.add_events(aid2, [sign2])

        t3 = CONFLICT_ARTICLE.text
        aid3, _ = store.add_article(CONFLICT_ARTICLE)
        accuse = event(actor(t3, "The United States", USA), actor(t3, "Iran", IRN), "112", 3, -2.0, "2023-04-03",
                       evidence(t3, "The United States", "accused"), plover="ACCUSE")
        store.add_events(aid3, [accuse])

        t4 = XSS_ARTICLE.text
        aid4, _ = store.add_article(XSS_ARTICLE)
        ids["xss_article"] = aid4
        xss_ev = event(actor(t4, "China", CHN, name=f"China {XSS}"), actor(t4, "Iran", IRN), "051", 1, 3.4,
                       "2023-03-01", evidence(t4, "China ", "praised"), plover="COOPERATE",
                       location=Place(f"Place {XSS}", None), quantities=(Quantity(3, f"unit{XSS_IMG}"),))
        store.add_events(aid4, [xss_ev])
        store.add_facts(aid4, [Fact("partner", actor(t4, "China", CHN), actor(t4, "Iran", IRN), "2023-03-01", "day",
                                    evidence(t4, "China ", "praised"), detail=f"detail {XSS}")])
        rows = store.conn.execute("SELECT id, article_id, cluster_id, cameo FROM events ORDER BY id").fetchall()
    ids["events"] = [dict(r) for r in rows]
    return ids
