#!/usr/bin/env python3
"""Write a synthetic outcome-document corpus for scale runs.

DOCS documents x PER_DOC statements, drawn from DISTINCT distinct recommendation
texts (a copy-paste campaign: many sessions repeat the same proposals). Texts are
built from phrase lists so they vary in subject and wording; the draw is seeded so
every run writes the same corpus.

usage: make_corpus.py OUT_DIR [DOCS=1000] [PER_DOC=100] [DISTINCT=10000]
"""
import os
import random
import sys

ACTORS = ["Governments", "UN agencies", "The IGF", "Regional bodies", "Civil society groups",
          "The private sector", "Member States", "The technical community", "Academia",
          "Donor agencies", "National regulators", "Youth organisations"]
MODALS = ["should", "must", "are urged to", "are encouraged to", "need to"]
ACTIONS = ["fund", "strengthen", "expand", "evaluate", "coordinate", "publish", "protect",
           "support", "standardise", "simplify", "monitor", "open up"]
OBJECTS = ["broadband access in rural areas", "remote participation in WSIS meetings",
           "the permanent mandate of the IGF", "digital skills training for older persons",
           "open data on connectivity", "cybersecurity capacity in developing countries",
           "multilingual content online", "child online protection", "e-waste recycling",
           "AI governance frameworks", "national IGF initiatives", "public-interest research",
           "community networks", "data protection rules", "digital public infrastructure",
           "gender equality in ICT careers", "accessible design for persons with disabilities",
           "energy-efficient data centres", "fair platform competition", "open standards"]
QUALIFIERS = ["", " by 2030", " with a stable budget", " through multistakeholder processes",
              " in the Global South", " with measurable targets", " in cooperation with the ITU",
              " without duplicating existing processes"]


def sentences(distinct, rng):
    """`distinct` different recommendation texts, sorted, drawn with `rng`."""
    pool = set()
    while len(pool) < distinct:
        pool.add(f"{rng.choice(ACTORS)} {rng.choice(MODALS)} {rng.choice(ACTIONS)} "
                 f"{rng.choice(OBJECTS)}{rng.choice(QUALIFIERS)}.")
    return sorted(pool)


def main():
    out = sys.argv[1]
    docs = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    per_doc = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    distinct = int(sys.argv[4]) if len(sys.argv) > 4 else 10000
    rng = random.Random(2025)
    pool = sentences(distinct, rng)
    deal = distinct >= docs * per_doc
    if deal:
        rng.shuffle(pool)
    os.makedirs(out, exist_ok=True)
    for d in range(docs):
        lines = ["Session Outcome Document", "", f"Synthetic session {d:04d}", "",
                 "Scale Test Organizer", "", "9 July 2025", "",
                 "Key Recommendations and Forward-Looking Action Plan", ""]
        if deal:
            lines += [f"- {t}" for t in pool[d * per_doc:(d + 1) * per_doc]]
        else:
            lines += [f"- {rng.choice(pool)}" for _ in range(per_doc)]
        with open(os.path.join(out, f"session_{d:04d}.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
