#!/usr/bin/env python3
"""Side-by-side timings of concord and its Python anchor; called by run.sh.

Each round runs both tools back to back on the same input, so a shared machine's load hits
both alike; figures are medians over the rounds and every round prints the 1-minute load.

usage: compare.py CONCORD_BIN ANCHOR_PYTHON MODEL_DIR WORK_DIR ROUNDS SECTION...
sections: embed digest load scale threads
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "minilm_reference.jsonl")


def load():
    return os.getloadavg()[0]


def wall(cmd, env=None, stdout=subprocess.DEVNULL):
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=stdout, stderr=subprocess.PIPE, text=True,
                          check=True)
    return time.perf_counter() - start, proc


def anchor(py, cmd, path):
    out = subprocess.run([py, os.path.join(HERE, "anchor.py"), cmd, path],
                         stdout=subprocess.PIPE, check=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def med(xs):
    return statistics.median(xs)


def report(line):
    print(line, flush=True)


class Cmp:
    def __init__(self, argv):
        self.bin, self.py, self.model, self.work = argv[:4]
        self.rounds = int(argv[4])
        os.makedirs(self.work, exist_ok=True)

    def env(self, **extra):
        env = dict(os.environ)
        env.update({k: str(v) for k, v in extra.items()})
        return env

    def corpus(self, name, docs, per_doc, distinct):
        path = os.path.join(self.work, name)
        if not os.path.isdir(path):
            subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), path,
                            str(docs), str(per_doc), str(distinct)], check=True)
        return path

    def texts_file(self, name, texts):
        path = os.path.join(self.work, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(texts) + "\n")
        return path

    def statements(self, corpus):
        out = subprocess.run([self.bin, "statements", corpus], stdout=subprocess.PIPE,
                             check=True, text=True).stdout
        return [json.loads(line)["text"] for line in out.splitlines() if line.strip()]

    def embed_inputs(self):
        sys.path.insert(0, HERE)
        import random
        from make_corpus import sentences
        three_k = self.texts_file("sentences-3000.txt", sentences(3000, random.Random(7)))
        with open(FIXTURE, encoding="utf-8") as f:
            fixture = [json.loads(line)["text"] for line in f if line.strip()]
        # One text per line is the embed verb's input format.
        fixture = [t.replace("\n", " ") for t in fixture]
        return [("3,000 sentences", three_k), ("74 fixture texts", self.texts_file(
            "fixture-74.txt", fixture))]

    def concord_embed(self, path, *args, **env):
        secs, _ = wall([self.bin, "embed", "--no-cache", "--model", self.model,
                        "--input", path, *args], env=self.env(**env))
        return secs

    def embed(self):
        report("\n## (a) embedding: concord embed (whole process, --no-cache; default "
               "products, then --matmul f32) vs sentence-transformers encode() (2 threads, "
               "batch 32)")
        for label, path in self.embed_inputs():
            tokens = anchor(self.py, "tokens", path)["tokens"]
            ours, ours_f32, theirs = [], [], []
            for r in range(self.rounds):
                la = load()
                c = self.concord_embed(path)
                f = self.concord_embed(path, "--matmul", "f32")
                s = anchor(self.py, "encode", path)["seconds"]
                ours.append(tokens / c)
                ours_f32.append(tokens / f)
                theirs.append(tokens / s)
                report(f"  {label} round {r + 1} (load {la:.2f}): concord {tokens / c:,.0f} "
                       f"tok/s ({c:.2f} s), f32 {tokens / f:,.0f} tok/s ({f:.2f} s), "
                       f"sentence-transformers {tokens / s:,.0f} tok/s ({s:.2f} s), "
                       f"ratios {s / c:.2f}x and {s / f:.2f}x")
            report(f"{label} ({tokens:,} tokens): concord {med(ours):,.0f} tok/s "
                   f"(f32 {med(ours_f32):,.0f}), sentence-transformers {med(theirs):,.0f} "
                   f"tok/s, median ratio {med([o / t for o, t in zip(ours, theirs)]):.2f}x "
                   f"(f32 {med([o / t for o, t in zip(ours_f32, theirs)]):.2f}x)")

    def digest(self):
        report("\n## (b) concord digest (cold cache) vs BERTopic fit_transform (embeddings "
               "included), (c) cold vs warm digest")
        corpus = self.corpus("corpus-100x100", 100, 100, 10000)
        texts = self.statements(corpus)
        path = self.texts_file("corpus-100x100.txt", texts)
        report(f"  {len(texts):,} statements, {len(set(texts)):,} distinct")
        ratios_b, ratios_c = [], []
        for r in range(self.rounds):
            la = load()
            with tempfile.TemporaryDirectory(dir=self.work) as cache:
                cmd = [self.bin, "digest", corpus, "--model", self.model, "--format", "json"]
                cold, p1 = wall(cmd, env=self.env(CONCORD_CACHE_DIR=cache),
                                stdout=subprocess.PIPE)
                warm, p2 = wall(cmd, env=self.env(CONCORD_CACHE_DIR=cache),
                                stdout=subprocess.PIPE)
            same = p1.stdout == p2.stdout
            bt = anchor(self.py, "bertopic", path)["seconds"]
            ratios_b.append(bt / cold)
            ratios_c.append(cold / warm)
            report(f"  round {r + 1} (load {la:.2f}): concord cold {cold:.2f} s, warm "
                   f"{warm:.2f} s (same output: {same}), BERTopic {bt:.2f} s; "
                   f"BERTopic/concord {bt / cold:.2f}x, cold/warm {cold / warm:.1f}x")
        report(f"(b) median BERTopic/concord: {med(ratios_b):.2f}x")
        report(f"(c) median cold/warm: {med(ratios_c):.1f}x")

    def model_load(self):
        report("\n## (d) model load: concord embed of one line, whole process")
        path = self.texts_file("one-line.txt", ["Make the IGF mandate permanent."])
        secs = []
        for r in range(max(self.rounds, 3)):
            la = load()
            secs.append(self.concord_embed(path))
            report(f"  round {r + 1} (load {la:.2f}): {secs[-1]:.3f} s")
        report(f"(d) median: {med(secs):.3f} s")

    def scale(self):
        report("\n## (e) scale: 1,000 docs x 100 statements, 10,000 distinct, --no-cache")
        corpus = self.corpus("corpus-1000x100", 1000, 100, 10000)
        la = load()
        _, proc = wall(["/usr/bin/time", "-f", "TIME %e %M", self.bin, "digest", corpus,
                        "--model", self.model, "--no-cache", "--timings", "--format", "json"])
        line = [x for x in proc.stderr.splitlines() if x.startswith("TIME ")][-1]
        secs, kib = line.split()[1:]
        stages = " ".join(x.split()[0] + "=" + x.split()[1] for x in proc.stderr.splitlines()
                          if len(x.split()) == 3 and x.split()[2] == "s")
        report(f"(e) (load {la:.2f}): {float(secs):.1f} s wall, peak RSS "
               f"{int(kib) / 1024 / 1024:.2f} GiB; stages {stages}")

    def threads(self):
        report("\n## threads: RAYON_NUM_THREADS=1 vs 2")
        path = self.embed_inputs()[0][1]
        corpus = self.corpus("corpus-100x100", 100, 100, 10000)
        cache = os.path.join(self.work, "threads-cache")
        cmd = [self.bin, "digest", corpus, "--model", self.model, "--timings",
               "--format", "json"]
        # Warm the embedding cache once so the digests below time clustering, not embedding.
        wall(cmd, env=self.env(CONCORD_CACHE_DIR=cache))
        emb, clu = [], []
        for r in range(self.rounds):
            la = load()
            e1 = self.concord_embed(path, RAYON_NUM_THREADS=1)
            e2 = self.concord_embed(path, RAYON_NUM_THREADS=2)
            c = {}
            for n in (1, 2):
                # Drop the stored clustering results, or the stage would only read them back.
                shutil.rmtree(os.path.join(cache, "clusters"), ignore_errors=True)
                _, proc = wall(cmd, env=self.env(CONCORD_CACHE_DIR=cache, RAYON_NUM_THREADS=n))
                c[n] = float([x for x in proc.stderr.splitlines()
                              if x.split()[:1] == ["cluster"]][0].split()[1])
            emb.append(e1 / e2)
            clu.append(c[1] / c[2])
            report(f"  round {r + 1} (load {la:.2f}): embed 3,000 {e1:.2f} s -> {e2:.2f} s "
                   f"({e1 / e2:.2f}x); cluster 10,000 {c[1]:.2f} s -> {c[2]:.2f} s "
                   f"({c[1] / c[2]:.2f}x)")
        report(f"threads: median speedup 1 -> 2, embedding {med(emb):.2f}x, "
               f"clustering {med(clu):.2f}x")


def main():
    cmp = Cmp(sys.argv[1:6])
    sections = {"embed": cmp.embed, "digest": cmp.digest, "load": cmp.model_load,
                "scale": cmp.scale, "threads": cmp.threads}
    report(f"# concord vs Python anchor, {time.strftime('%Y-%m-%d %H:%M')}, "
           f"{os.cpu_count()} cores, {cmp.rounds} rounds, binary {cmp.bin}")
    for name in sys.argv[6:] or list(sections):
        sections[name]()


if __name__ == "__main__":
    main()
