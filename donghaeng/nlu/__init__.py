"""Natural-language understanding: Korean (and English) speech text → intent and slots.

The public entry point is ``donghaeng.nlu.cascade.NluEngine`` (``load``, ``understand``,
``warm``); ``donghaeng.nlu.evaluation`` measures it on labelled utterances. Phrases, name
lists and normalisation rules live in ``data/nlu/*.yaml``; place names come from
``data/public``. Nothing heavy is imported here: Kiwi loads when an engine is built.
"""
