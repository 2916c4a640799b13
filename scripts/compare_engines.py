"""Side-by-side indexing and query benchmark: dateline, plain tantivy (in
`dateline bench`), tantivy-cli, SQLite FTS5 and Xapian on the same Reuters-21578
articles, on the same machine, in one run. Driven by scripts/compare-engines,
which installs what it needs; this file does the measuring and writes the table
into BENCHMARKS.md, between its compare-engines markers.

Every engine indexes the same articles: the 19,043 Reuters stories with a body,
title and body text, read from the same SGML files. MB/s are SGML input bytes
over wall-clock seconds, so every engine is measured against the same bytes.
"""

import glob
import html
import json
import math
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

STORY = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"(.*?)</REUTERS>", re.S)
TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)


def articles(files, repeat):
    """The stories with a body, as dateline reads them (ids fresh per repeat)."""
    out = []
    for round_ in range(repeat):
        for path in files:
            text = open(path, encoding="latin-1").read()
            for new_id, story in STORY.findall(text):
                body = BODY.search(story)
                if not body:
                    continue
                title = TITLE.search(story)
                clean = lambda s: re.sub(r"&#\d+;", "", html.unescape(s)) if s else ""
                suffix = f"#{round_}" if round_ else ""
                out.append({"id": f"{new_id}{suffix}",
                            "title": clean(title.group(1) if title else ""),
                            "body": clean(body.group(1)).replace(" Reuter\n", "\n")})
    return out


def timed(cmd, stdin=None):
    """Runs a command under /usr/bin/time: (wall seconds, peak RSS bytes, stdout).
    Wall time is taken here, to the microsecond: time's own is in hundredths."""
    full = ["/usr/bin/time", "-f", "%M"] + cmd
    start = time.perf_counter()
    proc = subprocess.run(full, stdin=stdin, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr}")
    kb = proc.stderr.strip().splitlines()[-1]
    return seconds, int(kb) * 1024, proc.stdout


ROUNDS = 3  # indexing runs per engine; the median run is reported, as dateline bench does


def median_run(index_once):
    """Calls index_once() ROUNDS times; the (seconds, rss, ...) tuple of the median run."""
    runs = sorted((index_once() for _ in range(ROUNDS)), key=lambda r: r[0])
    return runs[len(runs) // 2]


def size(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


# --- SQLite FTS5 and Xapian, run as child processes of this script -----------

def sqlite_index(db, docs_path):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("CREATE VIRTUAL TABLE news USING fts5(title, body, tokenize='porter unicode61')")
    with open(docs_path) as f, con:
        con.executemany("INSERT INTO news(title, body) VALUES (?, ?)",
                        ((d["title"], d["body"]) for d in map(json.loads, f)))
    con.close()


def sqlite_queries(db, queries, rounds):
    con = sqlite3.connect(db)
    sql = ("SELECT title, snippet(news, 1, '[', ']', '…', 40) FROM news "
           "WHERE news MATCH ? ORDER BY bm25(news) LIMIT 10")
    return latencies(lambda q: con.execute(sql, (fts5_query(q),)).fetchall(), queries, rounds)


def fts5_query(q):
    # Words ANDed, phrases kept: FTS5's own syntax, with every word quoted.
    parts = re.findall(r'"[^"]+"|\S+', q)
    return " AND ".join(p if p.startswith('"') else f'"{p}"' for p in parts)


def xapian_index(path, docs_path):
    import xapian
    if os.path.exists(path):
        shutil.rmtree(path)
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    tg.set_stemmer(xapian.Stem("english"))
    with open(docs_path) as f:
        for d in map(json.loads, f):
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(d["title"], 1, "S")
            tg.index_text(d["title"])
            tg.increase_termpos()
            tg.index_text(d["body"])
            doc.set_data(d["body"])
            db.add_document(doc)
    db.commit()


def xapian_queries(path, queries, rounds):
    import xapian
    db = xapian.Database(path)
    qp = xapian.QueryParser()
    qp.set_stemmer(xapian.Stem("english"))
    qp.set_stemming_strategy(qp.STEM_SOME)
    qp.set_default_op(xapian.Query.OP_AND)
    enquire = xapian.Enquire(db)

    def run(q):
        enquire.set_query(qp.parse_query(q))
        mset = enquire.get_mset(0, 10)
        return [mset.snippet(m.document.get_data().decode(), 300) for m in mset]

    return latencies(run, queries, rounds)


def latencies(run, queries, rounds):
    for q in queries:  # warm-up
        run(q)
    times = []
    for _ in range(rounds):
        for q in queries:
            start = time.perf_counter()
            run(q)
            times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    # Nearest rank, as dateline bench computes it.
    pick = lambda p: times[min(len(times), max(1, math.ceil(p * len(times)))) - 1]
    return {"p50_ms": pick(0.50), "p95_ms": pick(0.95)}


# --- the whole comparison ------------------------------------------------------

def main():
    repo, data, repeat, threads, tools = sys.argv[2:7]
    repeat, threads = int(repeat), int(threads)
    dateline = os.path.join(repo, "target/release/dateline")
    tantivy_cli = os.path.join(tools, "bin/tantivy")
    work = os.path.join(repo, "target/compare")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    files = sorted(glob.glob(os.path.join(data, "reuters21578/reut2-*.sgm")))
    input_bytes = sum(os.path.getsize(f) for f in files) * repeat
    docs = articles(files, repeat)
    docs_path = os.path.join(work, "docs.jsonl")
    with open(docs_path, "w") as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
    query_lines = [l.strip() for l in open(os.path.join(repo, "benches/queries.txt"))
                   if l.strip() and not l.startswith("#") and "--" not in l
                   and not re.search(r"\w~", l)]
    # Keywords and phrases only: the other engines have no fuzzy words of the
    # same meaning.
    queries = [l.strip("'") for l in query_lines]
    with open(os.path.join(work, "queries.txt"), "w") as f:
        f.write("\n".join(query_lines) + "\n")
    rows = []

    def row(engine, seconds, rss, index_bytes, latency, snippets, entities, note="", used=threads):
        rows.append({"engine": engine, "threads": used, "seconds": seconds,
                     "mb_s": input_bytes / 1e6 / seconds, "articles_s": len(docs) / seconds,
                     "index_mb": index_bytes / 1e6, "peak_mb": rss / 1e6 if rss else None,
                     "latency": latency, "snippets": snippets, "entities": entities, "note": note})

    # dateline bench: dateline with and without the tagger, plain tantivy, latency.
    bench_cmd = [dateline, "bench", *files, "--repeat", str(repeat), "--threads", str(threads),
                 "--rounds", str(ROUNDS),
                 "--queries", os.path.join(work, "queries.txt"), "--json"]
    report = json.loads(subprocess.run(bench_cmd, capture_output=True, text=True, check=True).stdout)
    lat = {l["kind"]: l for l in report["latency"]}
    dl_latency = {"p50_ms": max(lat["keywords"]["p50_ms"], lat["phrases"]["p50_ms"]),
                  "p95_ms": max(lat["keywords"]["p95_ms"], lat["phrases"]["p95_ms"])}
    for run in report["runs"]:
        name = {"baseline": "tantivy (plain, in dateline bench)",
                "dateline_no_entities": "dateline --no-entities",
                "dateline": "dateline"}[run["indexer"]]
        row(name, run["seconds"], run["peak_rss_bytes"], run["index_bytes"],
            dl_latency if run["indexer"] == "dateline" else None,
            run["indexer"] != "baseline", run["indexer"] == "dateline",
            "in-process; latency with snippets, best passage per article" if run["indexer"] == "dateline" else "in-process")

    # tantivy-cli: JSON documents on stdin, title and body, default tokenizer.
    if os.path.exists(tantivy_cli):
        idx = os.path.join(work, "tantivy-cli")
        schema = [{"name": n, "type": "text", "options": {
            "indexing": {"record": "position", "fieldnorms": True, "tokenizer": "default"},
            "stored": True, "fast": False}} for n in ("title", "body")]

        def tantivy_cli_once():
            shutil.rmtree(idx, ignore_errors=True)
            os.makedirs(idx)
            with open(os.path.join(idx, "meta.json"), "w") as f:
                json.dump({"index_settings": {"docstore_compression": "lz4", "docstore_blocksize": 16384},
                           "segments": [], "schema": schema, "opstamp": 0}, f)
            with open(docs_path) as stdin:
                return timed([tantivy_cli, "index", "-i", idx, "-t", str(threads)], stdin=stdin)
        seconds, rss, _ = median_run(tantivy_cli_once)
        version = subprocess.run([tantivy_cli, "--version"], capture_output=True, text=True).stdout.split()[-1]
        row(f"tantivy-cli {version}", seconds, rss, size(idx), None, False, False,
            "reads JSON from stdin; latency not measured (its bench prints per-query lines only)")

    # SQLite FTS5 and Xapian, in child processes for wall time and peak memory.
    me = os.path.abspath(__file__)
    db = os.path.join(work, "fts5.db")
    seconds, rss, _ = median_run(lambda: timed([sys.executable, me, "sqlite-index", db, docs_path]))
    row(f"SQLite {sqlite3.sqlite_version} FTS5 (porter)", seconds, rss, size(db), sqlite_queries(db, queries, 5), True, False,
        "one thread; snippet() in the latency", used=1)
    try:
        import xapian
        xdb = os.path.join(work, "xapian")
        seconds, rss, _ = median_run(lambda: timed([sys.executable, me, "xapian-index", xdb, docs_path]))
        row(f"Xapian {xapian.version_string()} (python3-xapian)", seconds, rss, size(xdb), xapian_queries(xdb, queries, 5), True, False,
            "one thread, documents built in Python; MSet.snippet() in the latency", used=1)
    except ImportError:
        pass

    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump({"input_bytes": input_bytes, "articles": len(docs), "repeat": repeat,
                   "queries": len(queries), "rows": rows}, f, indent=1)
    lines = [f"{len(docs)} articles, {input_bytes / 1e6:.1f} MB of SGML (repeat {repeat}), "
             f"{threads} threads, {len(queries)} keyword and phrase queries × 5; "
             f"each indexing time is the median of {ROUNDS} runs.", "",
             "| engine | threads | MB/s | articles/s | index MB | peak MB | query p50 ms | query p95 ms | snippets | entities | notes |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    fmt = lambda v, spec: "–" if v is None else format(v, spec)
    for r in rows:
        lat = r["latency"] or {}
        lines.append(f"| {r['engine']} | {r['threads']} | {r['mb_s']:.1f} | {r['articles_s']:.0f} | "
                     f"{r['index_mb']:.1f} | {fmt(r['peak_mb'], '.0f')} | {fmt(lat.get('p50_ms'), '.2f')} | "
                     f"{fmt(lat.get('p95_ms'), '.2f')} | {'yes' if r['snippets'] else 'no'} | "
                     f"{'yes' if r['entities'] else 'no'} | {r['note']} |")
    table = "\n".join(lines)
    print(table)
    write_into(os.path.join(repo, "BENCHMARKS.md"), table)


def write_into(path, table):
    """Replaces what lies between the compare-engines markers of BENCHMARKS.md."""
    start, end = "<!-- compare-engines: start -->", "<!-- compare-engines: end -->"
    text = open(path).read()
    if start not in text or end not in text:
        raise SystemExit(f"{path}: no {start} ... {end} markers to write the table between")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    with open(path, "w") as f:
        f.write(f"{head}{start}\n{table}\n{end}{tail}")
    print(f"\nwrote the table into {path}")


if __name__ == "__main__":
    if sys.argv[1] == "sqlite-index":
        sqlite_index(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "xapian-index":
        xapian_index(sys.argv[2], sys.argv[3])
    else:
        main()
