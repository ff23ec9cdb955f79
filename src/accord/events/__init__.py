"""Event coding: who did what to whom, in CAMEO and PLOVER, with attributes and evidence.

* ``accord.events.api`` -- ``code_text``, ``code_article``, ``code_texts``
* ``accord.events.codebook`` -- ``get_codebook()`` (CAMEO codes, Goldstein scores, PLOVER mapping)
* ``accord.events.lexicon`` -- verb/noun patterns (``events/data/verbs.yaml``, ``nouns.yaml``)
* ``accord.events.coder`` / ``assign`` / ``roles`` / ``triggers`` -- the rule coder
* ``accord.events.component`` -- spaCy factory ``"accord_events"`` (``doc._.events``, ``doc._.facts``)
* ``accord.events.attributes`` -- dates, places, quantities, modality; ``accord.events.facts`` -- relations
"""
