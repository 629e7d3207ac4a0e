#!/usr/bin/env python3
"""Validate the project's example corpus (standard library only).

Checks corpus/examples/articles.jsonl against corpus/examples/gold.jsonl and
corpus/sample/articles.jsonl for shape:

- every article line has the keys id, url, outlet, published, title, text;
  ids are unique; published is null, YYYY, YYYY-MM or YYYY-MM-DD;
- every gold line has doc_id, records, comment; doc ids match the articles
  one-to-one (same order);
- record types are exchange / agreement / tally with the contract's fields;
- counts are fully formed and consistent with their qualifier;
- dates are ISO with start <= end and a known precision;
- actor ids are upper-case ISO 3166-1 alpha-3 codes or upper-case group names;
- exchange records sharing an `event` key are reconcilable (dates overlap
  within a day, a category in common, party sets agree).

Usage: python3 corpus/check_corpus.py [--quiet] [--warn]

--warn lists counts whose figure does not appear in the article as digits or
number words (expected for sums, subtractions and single named people; a
hint, not an error).
Exit status 0 when clean, 1 when any problem is found.
"""
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "examples")
SAMPLE = os.path.join(HERE, "sample")

CATEGORIES = {"pows", "civilians", "bodies", "hostages", "prisoners"}
QUALIFIERS = {"exact", "about", "over", "at_least", "under", "up_to", "range"}
PRECISIONS = {"day", "week", "month", "year"}
STATUSES = {"completed", "planned"}
# Non-state actors allowed in this corpus (upper-case short names).
GROUPS = {"HAMAS", "PIJ", "HOUTHIS", "ICRC", "UN", "RSF", "ELN", "FARC",
          # groups and organisations of the blind sets (heldout*, other conflicts)
          "AA", "ASEAN", "AU", "BOKO_HARAM", "EU", "HEZBOLLAH", "HTS", "JNIM", "LNA", "LTTE", "M23", "MILF",
          "POLISARIO", "SDF", "TALIBAN", "TPLF",
          "AL_SHABAAB", "CPN_M", "ICHKERIA", "OSCE", "RENAMO", "RUF", "UNITA",
          # groups of corpus/groups (the non-state gazetteer's mechanisms; SHLM is defined in its article)
          "BLA", "KNU", "SHLM",
          # groups of heldout10 (armed groups of other wars; ids the gazetteer may lack)
          "AMAL", "FATAH", "HVO", "KDP", "NUSRA", "PFLP_GC", "PUK", "SNA", "SRPSKA",
          # heldout12 (a breakaway authority of a state-to-state set)
          "ABKHAZIA"}
# the blind sets (article id prefix by folder), checked like the examples
BLIND_SETS = {"heldout": "ho-", "heldout2": "h2-", "heldout3": "h3-", "heldout4": "h4-", "heldout6": "h6-",
              "heldout8": "h8-", "heldout9": "h9-", "heldout10": "h10-", "heldout11": "h11-", "heldout12": "h12-", "negatives": "ng-",
              "groups": "gr-"}  # groups is not blind: the actor mechanisms' whole-article examples, checked the same way
ISO3 = re.compile(r"^[A-Z]{3}$")
ARTICLE_KEYS = {"id", "url", "outlet", "published", "title", "text"}

problems = []
warnings = []


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


def stated_numbers(c):
    """The figure(s) the article should state for a count, per qualifier."""
    q = c["qualifier"]
    if q in ("exact", "about"):
        return [c["value"]]
    if q == "over":
        return [c["min"] - 1]
    if q == "at_least":
        return [c["min"]]
    if q == "up_to":
        return [c["max"]]
    if q == "under":
        return [c["max"] + 1]
    if q == "range":
        return [c["min"], c["max"]]
    return []


_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_SCALES = {"hundred": 100, "thousand": 1000}


def word_numbers(text):
    """Values of number phrases written in words ('two hundred and seven', 'thirty-four')."""
    out, cur, total, active = [], 0, 0, False
    for tok in re.findall(r"[a-z]+", text.lower().replace("-", " ")):
        if tok in _UNITS or tok in _TENS:
            cur += _UNITS.get(tok, 0) + _TENS.get(tok, 0)
            active = True
        elif tok in _SCALES and active:
            if tok == "hundred":
                cur *= 100
            else:
                total += cur * 1000
                cur = 0
        elif tok == "and" and active:
            continue
        else:
            if active:
                out.append(total + cur)
            cur, total, active = 0, 0, False
    if active:
        out.append(total + cur)
    return set(out)


def number_in_text(n, text):
    if n in word_numbers(text):
        return True
    forms = {str(n), f"{n:,}", f"{n:,}".replace(",", " "), f"{n:,}".replace(",", "\u00a0")}
    return any(re.search(r"(?<![\d,])" + re.escape(f) + r"(?![\d])", text) for f in forms)


def bad(where, msg):
    problems.append(f"{where}: {msg}")


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                bad(f"{os.path.basename(path)}:{n}", "blank line")
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                bad(f"{os.path.basename(path)}:{n}", f"invalid JSON ({e})")
    return rows


def iso_day(s):
    try:
        return datetime.date.fromisoformat(s) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) else None
    except ValueError:
        return None


def check_articles(rows, where, id_prefix):
    seen = set()
    for a in rows:
        aid = a.get("id", "?")
        w = f"{where}[{aid}]"
        if set(a) != ARTICLE_KEYS:
            bad(w, f"keys {sorted(a)} != {sorted(ARTICLE_KEYS)}")
        if aid in seen:
            bad(w, "duplicate id")
        seen.add(aid)
        if not str(aid).startswith(id_prefix):
            bad(w, f"id should start with {id_prefix!r}")
        pub = a.get("published")
        if pub is not None:
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", pub):
                bad(w, f"published {pub!r} is not YYYY[-MM[-DD]]")
            elif len(pub) == 10 and iso_day(pub) is None:
                bad(w, f"published {pub!r} is not a valid date")
        if not str(a.get("url", "")).startswith("https://example.org/"):
            bad(w, "url should be under https://example.org/")
        for k in ("title", "text", "outlet"):
            if not isinstance(a.get(k), str) or not a.get(k).strip():
                bad(w, f"{k} missing or empty")
    return seen


def check_actor(w, actor, allow_null=True):
    if actor is None:
        if not allow_null:
            bad(w, "actor may not be null here")
        return
    if not isinstance(actor, str) or actor != actor.upper():
        bad(w, f"actor {actor!r} is not upper-case")
        return
    if not (ISO3.match(actor) or actor in GROUPS):
        bad(w, f"actor {actor!r} is neither an ISO3 code nor a known group")


def check_count(w, c):
    if c is None:
        return
    if set(c) != {"value", "min", "max", "qualifier"}:
        bad(w, f"count keys {sorted(c)}")
        return
    v, mn, mx, q = c["value"], c["min"], c["max"], c["qualifier"]
    for name, x in (("value", v), ("min", mn), ("max", mx)):
        if x is not None and (not isinstance(x, int) or isinstance(x, bool) or x < 0):
            bad(w, f"count {name}={x!r} is not a non-negative int")
            return
    if q not in QUALIFIERS:
        bad(w, f"qualifier {q!r}")
        return
    ok = {
        "exact": v is not None and v == mn == mx,
        "about": v is not None and mn is None and mx is None,
        "over": v is None and mn is not None and mx is None,
        "at_least": v is None and mn is not None and mx is None,
        "under": v is None and mn is None and mx is not None,
        "up_to": v is None and mn is None and mx is not None,
        "range": v is None and mn is not None and mx is not None and mn < mx,
    }[q]
    if not ok:
        bad(w, f"count {c} inconsistent with qualifier {q!r}")


def check_date(w, d):
    if d is None:
        return
    if set(d) != {"start", "end", "precision"}:
        bad(w, f"date keys {sorted(d)}")
        return
    if d["precision"] not in PRECISIONS:
        bad(w, f"precision {d['precision']!r}")
    s = iso_day(d["start"]) if d["start"] is not None else None
    e = iso_day(d["end"]) if d["end"] is not None else None
    if d["start"] is not None and s is None:
        bad(w, f"start {d['start']!r} not ISO")
    if d["end"] is not None and e is None:
        bad(w, f"end {d['end']!r} not ISO")
    if d["start"] is None and d["end"] is None:
        bad(w, "date with neither start nor end (use null)")
    if s and e and s > e:
        bad(w, f"start {s} after end {e}")
    if d["precision"] == "day" and s and e and s == e:
        pass


TEXT = {}


def check_flow(w, f):
    if set(f) != {"from", "to", "category", "count"}:
        bad(w, f"flow keys {sorted(f)}")
        return
    check_actor(w, f["from"])
    check_actor(w, f["to"])
    if f["from"] is not None and f["from"] == f["to"]:
        bad(w, "flow from == to")
    if f["category"] not in CATEGORIES:
        bad(w, f"category {f['category']!r}")
    check_count(w, f["count"])
    c = f.get("count")
    doc = w.split("[")[1].split("]")[0] if "[" in w else None
    if c and doc in TEXT and c.get("qualifier") in QUALIFIERS:
        try:
            nums = stated_numbers(c)
        except TypeError:
            nums = []
        for n in nums:
            if n is not None and not number_in_text(n, TEXT[doc]):
                warn(w, f"figure {n} not found in the text as digits or words (a sum, a subtraction or a named person? check)")


def check_location(w, loc):
    if loc is None:
        return
    if set(loc) != {"name", "country"} or not isinstance(loc["name"], str) or not loc["name"]:
        bad(w, f"location {loc}")
        return
    if loc["country"] is not None and not ISO3.match(loc["country"]):
        bad(w, f"location country {loc['country']!r}")


def check_record(w, r, pub):
    t = r.get("type")
    if t == "exchange":
        need = {"type", "status", "date", "flows", "location", "mediators", "event"}
        if not need <= set(r):
            bad(w, f"exchange missing {sorted(need - set(r))}")
            return
        if r["status"] not in STATUSES:
            bad(w, f"status {r['status']!r}")
        check_date(w, r["date"])
        if not r["flows"]:
            bad(w, "exchange without flows")
        seen = set()
        for i, f in enumerate(r["flows"]):
            check_flow(f"{w}.flows[{i}]", f)
            key = (f.get("from"), f.get("to"), f.get("category"))
            # two sideless flows (two multi-state sides) cannot be told apart by key: allowed
            if key in seen and key[:2] != (None, None):
                bad(w, f"two flows for the same direction and category {key}")
            seen.add(key)
        check_location(w, r["location"])
        for m in r["mediators"]:
            check_actor(w + ".mediators", m, allow_null=False)
        if not isinstance(r["event"], str) or not r["event"]:
            bad(w, "event key missing")
        # a completed exchange cannot start after the article was published
        if r["status"] == "completed" and r["date"] and pub and len(pub) == 10 and r["date"].get("start"):
            if r["date"]["start"] > pub:
                bad(w, f"completed exchange dated {r['date']['start']} after published {pub}")
    elif t == "agreement":
        need = {"type", "date", "parties", "location", "terms"}
        if not need <= set(r):
            bad(w, f"agreement missing {sorted(need - set(r))}")
            return
        check_date(w, r["date"])
        if len(r["parties"]) < 2:
            bad(w, "agreement with fewer than two parties")
        for p in r["parties"]:
            check_actor(w + ".parties", p, allow_null=False)
        check_location(w, r["location"])
        if not r["terms"]:
            bad(w, "agreement without terms")
        for i, f in enumerate(r["terms"]):
            check_flow(f"{w}.terms[{i}]", f)
    elif t == "tally":
        need = {"type", "flow", "as_of", "scope"}
        if not need <= set(r):
            bad(w, f"tally missing {sorted(need - set(r))}")
            return
        check_flow(w + ".flow", r["flow"])
        if r["flow"].get("count") is None:
            bad(w, "tally without a count")
        check_date(w, r["as_of"])
        if not isinstance(r["scope"], str) or not r["scope"]:
            bad(w, "tally scope missing")
    else:
        bad(w, f"record type {t!r}")


def _interval(d):
    lo = iso_day(d["start"]) if d and d.get("start") else datetime.date.min
    hi = iso_day(d["end"]) if d and d.get("end") else datetime.date.max
    return lo, hi


def check_events(golds):
    """Records sharing an event key must be reconcilable: overlapping dates
    (widened by a day), a shared category, and no conflicting parties."""
    by_event = {}
    for g in golds:
        for r in g.get("records", []):
            if r.get("type") == "exchange" and r.get("event"):
                by_event.setdefault(r["event"], []).append((g["doc_id"], r))
    one_day = datetime.timedelta(days=1)
    for key, recs in by_event.items():
        for i in range(len(recs)):
            for j in range(i + 1, len(recs)):
                (da, a), (db, b) = recs[i], recs[j]
                w = f"event {key} ({da} / {db})"
                if a["date"] and b["date"]:
                    (alo, ahi), (blo, bhi) = _interval(a["date"]), _interval(b["date"])
                    if alo != datetime.date.min:
                        alo -= one_day
                    if ahi != datetime.date.max:
                        ahi += one_day
                    if alo > bhi or blo > ahi:
                        bad(w, "dates do not overlap")
                ca = {f["category"] for f in a["flows"]}
                cb = {f["category"] for f in b["flows"]}
                if not ca & cb:
                    bad(w, "no shared category")
                pa = {x for f in a["flows"] for x in (f["from"], f["to"]) if x}
                pb = {x for f in b["flows"] for x in (f["from"], f["to"]) if x}
                small = min(len(pa), len(pb))
                if small and len(pa & pb) < min(2, small):
                    bad(w, f"party sets {sorted(pa)} / {sorted(pb)} do not agree")


def check_gold(golds, articles):
    ids = [a["id"] for a in articles]
    for a in articles:
        TEXT[a["id"]] = a.get("title", "") + "\n" + a.get("text", "")
    pubs = {a["id"]: a.get("published") for a in articles}
    gids = [g.get("doc_id") for g in golds]
    if gids != ids:
        missing = sorted(set(ids) - set(gids))
        extra = sorted(set(gids) - set(ids))
        bad("gold", f"doc_ids do not match articles one-to-one (missing {missing}, extra {extra}, or order differs)")
    for g in golds:
        w = f"gold[{g.get('doc_id')}]"
        if set(g) != {"doc_id", "records", "comment"}:
            bad(w, f"keys {sorted(g)}")
        if not isinstance(g.get("comment"), str) or not g["comment"].strip():
            bad(w, "comment missing")
        for i, r in enumerate(g.get("records", [])):
            check_record(f"{w}.records[{i}]", r, pubs.get(g.get("doc_id")))


def main():
    quiet = "--quiet" in sys.argv
    ex_articles = load_jsonl(os.path.join(EXAMPLES, "articles.jsonl"))
    ex_gold = load_jsonl(os.path.join(EXAMPLES, "gold.jsonl"))
    check_articles(ex_articles, "examples/articles", "ex-")
    check_gold(ex_gold, ex_articles)
    check_events(ex_gold)
    blind = {}
    for name, prefix in BLIND_SETS.items():
        folder = os.path.join(HERE, name)
        if not os.path.exists(os.path.join(folder, "gold.jsonl")):
            continue
        arts = load_jsonl(os.path.join(folder, "articles.jsonl"))
        golds = load_jsonl(os.path.join(folder, "gold.jsonl"))
        check_articles(arts, f"{name}/articles", prefix)
        check_gold(golds, arts)
        check_events(golds)
        blind[name] = (len(arts), sum(1 for g in golds if not g.get("records")))
    sample_path = os.path.join(SAMPLE, "articles.jsonl")
    sample = []
    if os.path.exists(sample_path):
        sample = load_jsonl(sample_path)
        check_articles(sample, "sample/articles", "s-")

    if not quiet:
        types = {}
        negatives = 0
        events = set()
        for g in ex_gold:
            if not g.get("records"):
                negatives += 1
            for r in g.get("records", []):
                types[r.get("type")] = types.get(r.get("type"), 0) + 1
                if r.get("type") == "exchange":
                    events.add(r.get("event"))
        print(f"examples: {len(ex_articles)} articles, {len(ex_gold)} gold lines, "
              f"{negatives} negatives, records {dict(sorted(types.items()))}, {len(events)} distinct events")
        print(f"sample: {len(sample)} articles")
        for name, (n, empty) in blind.items():
            print(f"{name}: {n} articles, {empty} with empty gold")
    if "--warn" in sys.argv:
        for p in warnings:
            print("WARNING", p)
    elif warnings and not quiet:
        print(f"{len(warnings)} warning(s) (figures not found in the text; see --warn)")
    for p in problems:
        print("PROBLEM", p)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    if not quiet:
        print("clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
