#!/usr/bin/env python3
"""Helpers for scripts/peers.sh.

    peers_tasks.py N OUT.json
        Write N taskwarrior tasks (a JSON array for `task import`) shaped like a link worker's
        caseload: one pending task per client, "Contact <name> (C-0042) about <need>", the GP
        practice as project, a few tags, due dates from six weeks ago to eight weeks ahead, and
        annotations on some. The same N gives the same tasks, dated relative to now.

    peers_tasks.py time RUNS LABEL ROWS.md -- CASELOAD-ARGV... -- PEER-ARGV...
        Run each command once to warm up, then RUNS times each, interleaved run by run (the order
        swapping every run), timing wall clock with perf_counter, stdout to /dev/null. Prints the
        medians, minimums, median CPU time (all threads) and the ratio of wall medians, and appends
        a Markdown table row to ROWS.md. Fails, with the command's stderr, if a run fails.
"""
import json
import random
import resource
import statistics
import subprocess
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone

FIRST = ["Zoë", "Łukasz", "Siobhán", "José", "Ngozi", "Oluwaseun", "Aoife", "Ayşe", "Tomáš",
         "Margaret", "Harold", "Priya", "Mohammed", "Fatima", "Kwame", "Grace", "Dorothy", "Seán",
         "Agnieszka", "Rhiannon", "Bogdan", "Anjali", "Gurpreet", "Hodan", "Chloe", "Bernard",
         "Winston", "Precious", "Ahmed", "Krzysztof", "Jürgen", "Søren", "Cathal", "Hana", "Devon"]
LAST = ["Whitfield", "Nowak", "Murphy", "Martins", "Okafor", "Adeyemi", "Gallagher", "Yılmaz",
        "Dvořák", "Thompson", "Briggs", "Sharma", "Iqbal", "Begum", "Mensah", "O'Connor",
        "Pickering", "Doyle", "Kowalczyk", "Evans", "Popescu", "Patel", "Kaur", "Ali", "Bennett",
        "Hughes", "Campbell", "Ncube", "Hassan", "Wiśniewski", "Weiß", "Madsen", "Ó Súilleabháin"]
PRACTICES = ["Riverside Medical Centre", "Hillview Surgery", "Canal Street Health Centre",
             "Oakwood Family Practice", "St Mary's Group Practice"]
ABOUT = ["walking group", "befriending referral", "debt advice appointment", "carers' support",
         "food bank voucher", "housing repairs letter", "choir taster session", "benefits review",
         "men's shed visit", "allotment waiting list", "English conversation class",
         "bereavement support group", "gym referral", "pension credit claim"]
TAGS = ["followup", "whatmatters", "review", "waiting", "risk", "supervision", "isolation",
        "money", "housing", "carer", "mentalhealth", "physical"]
NOTES = ["Left voicemail, will try again Thursday", "Prefers calls after 2pm",
         "Daughter helps with phone calls", "Asked for information in large print",
         "Interpreter needed (Polish)", "Said the bus route is the main worry",
         "Agreed to try one session before deciding", "GP asked for feedback by end of month"]


def stamp(moment):
    return moment.strftime("%Y%m%dT%H%M%SZ")


def make_tasks(count):
    rng = random.Random(8)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    tasks = []
    for number in range(1, count + 1):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        age = rng.randint(2, 400)
        entry = now - timedelta(days=age, minutes=rng.randint(0, 1439))
        task = {
            "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "status": "pending",
            "description": f"Contact {name} (C-{number:04d}) about {rng.choice(ABOUT)}",
            "project": rng.choice(PRACTICES),
            "entry": stamp(entry),
            "modified": stamp(entry + timedelta(days=rng.randint(0, age - 1))),
            "due": stamp(now + timedelta(days=rng.randint(-42, 56), hours=rng.randint(0, 23))),
            "tags": rng.sample(TAGS, rng.randint(1, 3)),
        }
        if rng.random() < 0.15:
            task["priority"] = "H"
        if rng.random() < 0.3:
            task["annotations"] = [
                {"entry": stamp(entry + timedelta(days=day)), "description": rng.choice(NOTES)}
                for day in sorted(rng.sample(range(1, age), min(age - 1, rng.randint(1, 3))))
            ]
        tasks.append(task)
    return tasks


def time_pair(runs, label, rows_path, caseload, peer):
    def once(argv):
        """Wall time, and CPU time (user + system, all threads) of the finished child."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            sys.exit(f"peers: `{' '.join(argv)}` exited {done.returncode}:\n{done.stderr.decode(errors='replace')}")
        return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    once(caseload), once(peer)  # warm-up: page cache, caseload's summary cache, taskwarrior's gc
    times = {"caseload": [], "peer": []}
    cpu = {"caseload": [], "peer": []}
    for run in range(runs):
        order = [("caseload", caseload), ("peer", peer)]
        for side, argv in order if run % 2 == 0 else reversed(order):
            wall, used = once(argv)
            times[side].append(wall)
            cpu[side].append(used)
    ms = lambda seconds: f"{seconds * 1000:.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"
    median = {side: statistics.median(times[side]) for side in times}
    ratio = median["peer"] / median["caseload"]
    times_over = ratio if ratio >= 1 else 1 / ratio
    verdict = f"Caseload is {times_over:.{2 if times_over < 10 else 1}f}x {'faster' if ratio >= 1 else 'slower'}"
    cells = {side: f"{ms(median[side])} (min {ms(min(times[side]))}, CPU {ms(statistics.median(cpu[side]))})"
             for side in times}
    for side in times:
        print(f"  {side + ':':9} median {cells[side]}   all: {', '.join(ms(t) for t in times[side])}")
    print(f"  peer median / caseload median = {ratio:.2f}: {verdict}")
    with open(rows_path, "a", encoding="utf-8") as rows:
        rows.write(f"| {label} | {cells['caseload']} | {cells['peer']} | {ratio:.2f} | {verdict} |\n")

def main(args):
    if len(args) == 2 and args[0].isdigit():
        with open(args[1], "w", encoding="utf-8") as out:
            json.dump(make_tasks(int(args[0])), out, ensure_ascii=False)
        return
    if len(args) >= 6 and args[0] == "time" and args[1].isdigit() and args[4] == "--" and "--" in args[5:]:
        split = args.index("--", 5)
        caseload, peer = args[5:split], args[split + 1:]
        if caseload and peer and int(args[1]) > 0:
            return time_pair(int(args[1]), args[2], args[3], caseload, peer)
    sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
