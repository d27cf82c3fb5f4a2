import hashlib, json, sys  # usage: python3 verify_draw.py 抽取记录.json 抽取范围.json
rec = json.load(open(sys.argv[1], encoding="utf-8"))
pops = {p["label"]: p for p in json.load(open(sys.argv[2], encoding="utf-8"))["streams"]}
sha = lambda text: hashlib.sha256(text.encode("utf-8")).hexdigest()
assert "".join(p["digits"] for p in rec["seedParts"]) == rec["seed"], "seed parts"
assert sha(rec["seed"]) == rec["seedSha256"], "seed commitment"
for s in rec["streams"]:
    pop = pops[s["label"]]; keys = pop["keys"]; n = len(keys); groups = pop.get("groups") or [None] * n
    assert keys == sorted(keys) and sha("\n".join(keys)) == s["manifest"], "population " + s["label"]
    count, seen, picks, i = dict(s.get("groupStart") or {}), set(), [], 0
    while len(picks) < min(s["want"], n) and len(seen) < n:
        i += 1
        index = 1 + int(sha(f'{rec["seed"]},{s["label"]},{i}'), 16) % n
        if index in seen: continue
        seen.add(index); g = groups[index - 1]
        if "maxPerGroup" in s and count.get(g, 0) >= s["maxPerGroup"]: continue
        count[g] = count.get(g, 0) + 1
        picks.append({"counter": i, "index": index, "key": keys[index - 1]})
    assert picks == s["picks"], "picks " + s["label"]
    print("identical:", s["label"], len(picks), "picks")
