#!/usr/bin/env python3
"""A spaCy baseline for issue 11's "1 MB vs spaCy" figure.

Runs, over a folder of articles, what a spaCy port of diplograph's first
pass would run at the least: a blank English or French pipeline (rule
tokenizer and sentencizer; no statistical model, since none can be
downloaded here) and one PhraseMatcher (case-folded) over every phrase
list of `data/lexicon/*.toml` and every gazetteer name and alias. It does
far less than `diplograph meetings` (no people, organizations by form,
dates, candidates or output), so the ratio it gives is a lower bound of
what a full spaCy implementation would cost.

    python3 -m pip install spacy
    python3 scripts/spacy_baseline.py CORPUS

Prints the documents, tokens and phrase matches seen and the seconds spent
(whole process: time it with /usr/bin/time to compare with diplograph).
"""

import html
import pathlib
import re
import sys
import time
import tomllib

import spacy
from spacy.matcher import PhraseMatcher

ROOT = pathlib.Path(__file__).resolve().parent.parent
TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)
FRENCH = re.compile(r"\b(le|la|les|des|du|et|une|avec)\b", re.I)
ENGLISH = re.compile(r"\b(the|and|of|with|a|to)\b", re.I)


def phrases(lang):
    lex = tomllib.loads((ROOT / "data/lexicon" / f"{lang}.toml").read_text())
    out = set()
    for value in lex.values():
        if isinstance(value, list):
            out.update(v for v in value if isinstance(v, str))
    for path in (ROOT / "data/gazetteer").glob("*.toml"):
        for table in tomllib.loads(path.read_text()).values():
            for entry in table if isinstance(table, list) else []:
                for key in ("name", "aliases", "acronyms"):
                    names = entry.get(key, [])
                    out.update([names] if isinstance(names, str) else names)
    return sorted(p for p in out if p.strip())


def pipeline(lang):
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.max_length = 50_000_000
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    patterns = list(nlp.tokenizer.pipe(phrases(lang)))
    matcher.add("LEXICON", patterns)
    return nlp, matcher, len(patterns)


def text_of(path):
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in (".html", ".htm"):
        raw = html.unescape(TAG.sub(" ", raw))
    return raw


def main(argv):
    if len(argv) != 1:
        sys.exit(__doc__)
    start = time.perf_counter()
    pipes = {lang: pipeline(lang) for lang in ("en", "fr")}
    files = sorted(
        p for p in pathlib.Path(argv[0]).rglob("*") if p.suffix.lower() in (".txt", ".html", ".htm")
    )
    by_lang = {"en": [], "fr": []}
    for path in files:
        text = text_of(path)
        lang = "fr" if len(FRENCH.findall(text)) > len(ENGLISH.findall(text)) else "en"
        by_lang[lang].append(text)
    tokens = sentences = matches = 0
    for lang, texts in by_lang.items():
        nlp, matcher, _ = pipes[lang]
        for doc in nlp.pipe(texts, batch_size=64):
            tokens += len(doc)
            sentences += sum(1 for _ in doc.sents)
            matches += len(matcher(doc))
    size = sum(p.stat().st_size for p in files)
    print(
        f"spacy {spacy.__version__}: {len(files)} files, {size / 1e6:.1f} MB, {tokens} tokens, "
        f"{sentences} sentences, {matches} phrase matches "
        f"({pipes['en'][2]} en / {pipes['fr'][2]} fr patterns), {time.perf_counter() - start:.2f} s"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
