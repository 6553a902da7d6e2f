"""Word forms of the triggers: Indonesian affixes on roots, English inflections on lemmas.

Both are driven by the ``morphology`` section of ``langs/<lang>/events.yaml``:

* Indonesian: a root takes the verb affixes (``meN-``, ``meN-...-kan``, ``meN-...-i``,
  ``di-``, ``di-...-kan``, ``di-...-i``, ``ter-``) and the noun affixes (``peN-...-an``,
  ``-an``). ``meN-`` and ``peN-`` assimilate to the root's first letter as the
  pack's ``nasal`` table says: ``tangkap`` -> ``menangkap``, ``penangkapan``;
  ``serang`` -> ``menyerang``; ``pecat`` -> ``memecat``; ``lantik`` -> ``melantik``.
* English: a verb lemma takes ``-s``, ``-ed``, ``-ing`` on its first word
  (``step down`` -> ``stepped down`` is listed, ``call on`` -> ``called on`` is made),
  a noun ``-s`` on its last word, with the usual spelling rules (``-ies``, ``-ied``,
  ``-ying``, a silent ``e`` dropped).

Over-generation is harmless (a form that is no word never matches), so the rules
stay simple; irregular forms are listed in the pack as they are.
"""

from __future__ import annotations

from typing import Any

_VOWELS = "aeiou"


def indonesian_forms(root: str, morph: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(verb forms, noun forms) of an Indonesian root."""
    verbs = {_affix(root, pre, suf, morph) for pre, suf in morph.get("verb_affixes", ())}
    nouns = {_affix(root, pre, suf, morph) for pre, suf in morph.get("noun_affixes", ())}
    return verbs, nouns


def _affix(root: str, prefix: str, suffix: str, morph: dict[str, Any]) -> str:
    if prefix in ("meN", "peN"):
        nasal, drop = (morph.get("nasal") or {}).get(root[:1], ("", False))
        prefix, root = prefix[:2] + nasal, (root[1:] if drop else root)
    if suffix == "kan" and root.endswith("k"):
        return f"{prefix}{root}kan"  # tembak -> tembakkan
    return f"{prefix}{root}{suffix}"


def english_forms(phrase: str, pos: str, morph: dict[str, Any]) -> set[str]:
    """The phrase and its inflections (verbs: first word; nouns: last word)."""
    if not morph.get("inflect"):
        return {phrase}
    words = phrase.split()
    key = "verb_suffixes" if pos == "verb" else "noun_suffixes"
    at = 0 if pos == "verb" else len(words) - 1
    out = {phrase}
    for suffix in morph.get(key, ()):
        inflected = _inflect(words[at], suffix)
        out.add(" ".join(words[:at] + [inflected] + words[at + 1:]))
    return out


def _inflect(word: str, suffix: str) -> str:
    consonant_y = len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS
    if suffix == "s":
        if word.endswith(("s", "sh", "ch", "x", "z")):
            return word + "es"
        return word[:-1] + "ies" if consonant_y else word + "s"
    if suffix == "ed":
        if word.endswith("e"):
            return word + "d"
        return word[:-1] + "ied" if consonant_y else word + "ed"
    if suffix == "ing":
        if word.endswith("ie"):
            return word[:-2] + "ying"
        if word.endswith("e") and not word.endswith("ee"):
            return word[:-1] + "ing"
        return word + "ing"
    return word + suffix
