"""The load bench.multi_host puts on the hosts: signed-in account managers browsing and writing through the
real forms (with CSRF tokens), and an import through the API in bodies, each polled until done; the API and
form helpers they use, and the tally of requests, errors and successful writes."""
from __future__ import annotations

import json
import random
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from bench.load import EMAIL, PASSWORD, Client
from models.common import clock

# --- HTTP helpers -------------------------------------------------------------------------------------------

def api(base: str, token: str, path: str, body: bytes | None = None, headers: dict | None = None,
        timeout: float = 120) -> tuple[int, dict, dict]:
    """(status, JSON body, headers) of one API call."""
    req = urllib.request.Request(base + path, data=body, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:  # nosec B310: loopback URL built here
            return response.status, json.loads(response.read() or b"{}"), dict(response.headers)
    except urllib.error.HTTPError as exc:
        raw = exc.read()
        try:
            return exc.code, json.loads(raw or b"{}"), dict(exc.headers)
        except ValueError:
            return exc.code, {"raw": raw[:200].decode("utf-8", "replace")}, dict(exc.headers)


class FormFields(HTMLParser):
    """The named fields of every POST form on a page, with the values a browser would send."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict[str, str]] = []
        self.fields: dict[str, str] | None = None
        self._select: str | None = None
        self._first_option: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self.fields = {}
            self.forms.append(self.fields)
        if self.fields is None:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields[a["name"]] = a.get("value") or "y"
            elif kind != "submit":
                self.fields[a["name"]] = a.get("value") or ""
        elif tag == "select" and a.get("name"):
            self._select, self._first_option = a["name"], None
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in a:
                self.fields[self._select] = value
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self.fields[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "select" and self._select and self.fields is not None:
            self.fields.setdefault(self._select, self._first_option or "")
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self.fields = None

    def handle_data(self, data):
        if self._textarea and self.fields is not None:
            if not self.fields[self._textarea]:
                data = data.removeprefix("\r").removeprefix("\n")  # as browsers do after <textarea>
            self.fields[self._textarea] += data


def form_of(html: str) -> dict[str, str]:
    """The page's biggest POST form (the edit form, not the sign-out button)."""
    parser = FormFields()
    parser.feed(html)
    return max(parser.forms, key=len, default={})


# --- the load -----------------------------------------------------------------------------------------------

@dataclass
class Tally:
    requests: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)  # (host, kind, status)
    ok: Counter = field(default_factory=Counter)  # successful writes per kind
    latency: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, host: str, kind: str, status: int, ms: float, ok: bool) -> None:
        with self.lock:
            self.requests[host] += 1
            self.latency.setdefault(kind, []).append(ms)
            if ok and kind in ("contact moment", "placement", "vacancy edit"):
                self.ok[kind] += 1
            if not ok:
                self.errors[(host, kind, status)] += 1


def staff_thread(host: str, base: str, world: dict, deadline: float, marker: str, tally: Tally, seed: int,
                 max_requests: int) -> None:
    rng = random.Random(seed)
    client = Client(base, rng)
    status, _t, _ms = client.request("/inloggen", {"csrf_token": client.token("/inloggen"), "email": EMAIL,
                                                   "password": PASSWORD})
    if status != 302:
        tally.add(host, "sign-in", status, 0, False)
        return
    own_vacancy = world["vacancies"][seed % len(world["vacancies"])]
    candidates = world["candidates"][seed::world["threads"]]
    n = 0
    while time.monotonic() < deadline and n < max_requests:
        n += 1
        roll = rng.random()
        employer = rng.choice(world["employers"])
        if roll < 0.10:
            kind, path = "contact moment", f"/werkgevers/{employer}/contactmomenten"
            token = client.token(f"/werkgevers/{employer}")
            status, _t, ms = client.request(path, {
                "csrf_token": token, "channel": "phone", "occurred_on": clock.today().isoformat(),
                "subject": f"{marker} {uuid.uuid4().hex[:8]}", "notes": "Belasting", "follow_up_on": "",
                "follow_up_action": "", "contact_person_id": "", "follow_up_owner_id": ""})
            ok = status == 302
        elif roll < 0.15 and candidates:
            kind, candidate = "placement", candidates.pop()
            _s, page, _ms = client.request(f"/beheer/plaatsingen/nieuw?kandidaat={candidate}")
            fields = form_of(page)
            fields.update(start_date=clock.today().isoformat(), hours_per_week="24", employer=str(employer))
            status, _t, ms = client.request("/beheer/plaatsingen/nieuw", fields)
            ok = status == 302
        elif roll < 0.20:
            kind = "vacancy edit"
            _s, page, _ms = client.request(f"/vacatures/{own_vacancy}/bewerken")
            fields = form_of(page)
            fields["description"] = f"{marker} {uuid.uuid4().hex[:8]}"
            status, _t, ms = client.request(f"/vacatures/{own_vacancy}/bewerken", fields)
            ok = status == 302
        else:
            kind, path = rng.choice([
                ("catalogue", "/kandidaten"), ("catalogue", "/kandidaten?q=heftruck"),
                ("catalogue", "/kandidaten?q=schoonmaak"), ("register", "/werkgevers/"),
                ("register", f"/werkgevers/{employer}"), ("vacancies", "/vacatures/")])
            status, _t, ms = client.request(path)
            ok = status == 200
        tally.add(host, kind, status, ms, ok)


@dataclass
class ImportRun:
    bodies: int = 0
    accepted: int = 0
    done: int = 0
    failed: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)
    seconds: float = 0.0
    finished: bool = False


def import_thread(bases: list[str], token: str, n: int, chunk: int, run: ImportRun, deadline: float,
                  timeout: float) -> None:
    """Send ``n`` candidates to UWV Flevoland in bodies of ``chunk``, alternating hosts, and poll each to the end."""
    from seed.demo.people import iter_candidates

    started = time.monotonic()
    generated = iter_candidates(n, seed=7)
    index = 0
    while index < n:
        records = [next(generated) for _ in range(min(chunk, n - index))]
        base = bases[run.bodies % len(bases)]
        body = json.dumps({"format": "werkbrug-import/1", "candidates": records}).encode()
        status, answer, headers = api(base, token, "/api/v1/import", body,
                                      {"Idempotency-Key": f"bench-{uuid.uuid4()}"})
        run.bodies += 1
        index += len(records)
        if status == 200:
            _count(run, answer)
            run.done += 1
            continue
        if status != 202:
            run.errors.append(f"POST {status}: {str(answer)[:200]}")
            continue
        run.accepted += 1
        location = headers["Location"]
        while True:
            time.sleep(1)
            status, answer, _h = api(bases[(run.bodies + 1) % len(bases)], token, path_of(location))
            if status == 200 and answer["status"] in ("done", "failed"):
                break
            if status != 200:
                run.errors.append(f"GET {status}")
            if time.monotonic() > deadline + timeout:
                run.errors.append(f"the import did not finish within {timeout:.0f} s after the load")
                run.seconds = time.monotonic() - started
                return
        if answer["status"] == "done":
            run.done += 1
            _count(run, answer)
        else:
            run.failed += 1
            run.errors.append(f"failed: {answer.get('errors', [])[:3]}")
    run.seconds = time.monotonic() - started
    run.finished = True


def _count(run: ImportRun, answer: dict) -> None:
    counts = answer["counts"]["candidates"]
    run.created += counts["created"]
    run.updated += counts["updated"]
    run.unchanged += counts["unchanged"]


def path_of(url: str) -> str:
    """The API path of a status URL (absolute under BASE_URL, or a path on the host)."""
    return "/api/v1" + url.split("/api/v1", 1)[-1]
