"""Hand-made Article/Event/Fact records for store and query tests (no NLP involved)."""
from __future__ import annotations

from accord.models import Actor, Article, Event, Evidence, Fact, Place, Quantity

NAMES = {"IRN": "Iran", "CHN": "China", "USA": "United States", "RUS": "Russia", "IGOSCO": "Shanghai Cooperation Organisation"}
# code -> (root, quad, goldstein, plover)
CODES = {
    "057": ("05", 1, 8.0, "AGREE"),
    "051": ("05", 1, 3.4, "AGREE"),
    "042": ("04", 1, 1.9, "CONSULT"),
    "043": ("04", 1, 2.8, "CONSULT"),
    "036": ("03", 1, 4.0, "COOPERATE"),
    "112": ("11", 3, -2.0, "ACCUSE"),
    "190": ("19", 4, -10.0, "ASSAULT"),
}
PLACES = {
    "Beijing": Place("Beijing", "CHN", 39.9075, 116.39723),
    "Tehran": Place("Tehran", "IRN", 35.69439, 51.42151),
    "Shanghai": Place("Shanghai", "CHN", 31.22222, 121.45806),
}


def actor(code: str | None, text: str | None = None, start: int | None = None) -> Actor | None:
    if code is None:
        return None
    country = None if code.startswith("IGO") else code[:3]
    sector = code[3:] or None if country else None
    name = NAMES.get(code) or NAMES.get(code[:3])
    text = text or name
    return Actor(code=code, country=country, sector=sector, name=name, text=text, kind="state", start=start,
                 end=None if start is None else start + len(text or ""))


def article(text: str, publisher: str = "Test Wire", date: str = "2023-02-14", url: str | None = None,
            title: str | None = None) -> Article:
    return Article(text=text, title=title or text.split(".")[0][:80], publisher=publisher, date=date,
                   url=url or f"https://{publisher.lower().replace(' ', '')}.example/{abs(hash(text)) % 10**8}",
                   language="en", origin="test")


def event(text: str, src: str | None, tgt: str | None, cameo: str, date: str | None = "2023-02-14", *,
          start: int = 0, trigger: str | None = None, place: str | None = None, precision: str = "day",
          quantities=(), negated: bool = False) -> Event:
    root, quad, gold, plover = CODES[cameo]
    t_start = text.find(trigger) if trigger else None
    src_text = NAMES.get(src[:3]) if src and not src.startswith("IGO") else None
    s_off = text.find(src_text) if src_text and src_text in text else None
    return Event(
        source=actor(src, start=None if s_off is None else start + s_off), target=actor(tgt),
        cameo=cameo, cameo_root=root, quad_class=quad, goldstein=gold, plover_event=plover, plover_mode=None,
        date=date, date_precision=precision if date else None, location=PLACES.get(place) if place else None,
        quantities=tuple(quantities), negated=negated, modality="asserted", confidence=0.8,
        evidence=Evidence(text=text, start=start, end=start + len(text), trigger=trigger,
                          trigger_start=None if t_start is None else start + t_start,
                          trigger_end=None if t_start is None else start + t_start + len(trigger)),
    )


def fact(text: str, relation: str, subj: str, obj: str | None, date: str = "2023-02-14", start: int = 0,
         quantity: Quantity | None = None, detail: str | None = None) -> Fact:
    return Fact(relation=relation, subject=actor(subj), object=actor(obj), date=date, date_precision="day",
                evidence=Evidence(text=text, start=start, end=start + len(text)), quantity=quantity, detail=detail)


REPORT_A = (
    "Iranian President Ebrahim Raisi and Chinese leader Xi Jinping oversaw the signing of twenty cooperation "
    "agreements in Beijing on Tuesday, covering trade, agriculture, tourism, health care and crisis management. "
    "Officials from both governments said the documents would deepen the strategic partnership agreed two years "
    "ago and open new channels for investment in transport and energy projects across the region."
)
REPORT_B = (
    "Tehran and Beijing put their names to 20 new accords on Tuesday during a state visit by Raisi, according to "
    "state media in both countries. The deals span commerce, farming, travel, medicine and disaster response, "
    "and diplomats described the ceremony in the Chinese capital as a milestone in relations between the two."
)
