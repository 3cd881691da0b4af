"""Which events, claims and actors pass the side panel's search and filters (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from mapapp.model.situation import Actor, Claim, Event, Situation


@dataclass(frozen=True)
class Filters:
    """text: case-insensitive search; actor: actor id; status: claim status;
    first/last: YYYY-MM-DD bounds of a time range. Empty means 'any'."""

    text: str = ""
    actor: str = ""
    status: str = ""
    first: str = ""
    last: str = ""

    def active(self) -> bool:
        return any((self.text, self.actor, self.status, self.first, self.last))

    def dated(self) -> bool:
        return bool(self.first or self.last)

    def in_time(self, event: Event) -> bool:
        return event.time.within_range(self.first or "0000-01-01", self.last or "9999-12-31")

    def described(self, s: Situation) -> dict[str, str]:
        """The active filters in words, label -> value (a snapshot's metadata and caption
        say what shaped the picture)."""
        from mapapp.model.situation import STATUS_LABELS

        out = {}
        if self.text:
            out["Search"] = self.text
        if self.actor:
            actor = s.actors.get(self.actor)
            out["Actor"] = f"{actor.name} ({self.actor})" if actor else self.actor
        if self.status:
            out["Claim status"] = STATUS_LABELS.get(self.status, self.status)
        if self.dated():
            out["Between"] = f"{self.first or '..'}/{self.last or '..'}"
        return out


def _contains(needle: str, *haystacks: str) -> bool:
    return any(needle in h.casefold() for h in haystacks if h)


def event_words(s: Situation, e: Event) -> list[str]:
    words = [e.title, e.summary, e.type, e.time.label()]
    words += [c.quote or "" for c in e.citations]
    words += [s.actors[p.actor].name for p in e.actors if p.actor in s.actors]
    if e.location.place in s.places:
        words.append(s.places[e.location.place].name)
    if e.location.area in s.areas:
        words.append(s.areas[e.location.area].name)
    return words


def claim_words(s: Situation, c: Claim) -> list[str]:
    words = [
        c.statement,
        c.status,
        *(f.subject for f in c.figures),
        *(f.label() for f in c.figures),
    ]
    words += [x.quote or "" for x in c.citations]
    if c.claimant in s.actors:
        words.append(s.actors[c.claimant].name)
    return words


def actor_words(a: Actor) -> list[str]:
    return [a.name, a.kind, *(x.name for x in a.aliases), *(c.quote or "" for c in a.citations)]


def matching_claims(s: Situation, f: Filters) -> set[str]:
    out = set()
    needle = f.text.casefold()
    for c in s.claims.values():
        if f.status and c.status != f.status:
            continue
        if f.actor and c.claimant != f.actor:
            continue
        if f.dated() and not any(f.in_time(s.events[e]) for e in c.about if e in s.events):
            continue
        if needle and not _contains(needle, *claim_words(s, c)):
            continue
        out.add(c.id)
    return out


def matching_events(s: Situation, f: Filters) -> set[str]:
    out = set()
    needle = f.text.casefold()
    status_events = None
    if f.status:
        status_events = {e for c in s.claims.values() if c.status == f.status for e in c.about}
    for e in s.events.values():
        if f.actor and not any(p.actor == f.actor for p in e.actors):
            continue
        if status_events is not None and e.id not in status_events:
            continue
        if f.dated() and not f.in_time(e):
            continue
        if needle and not _contains(needle, *event_words(s, e)):
            continue
        out.add(e.id)
    return out


def matching_actors(s: Situation, f: Filters) -> set[str]:
    needle = f.text.casefold()
    out = set()
    for a in s.actors.values():
        if f.actor and a.id != f.actor:
            continue
        if needle and not _contains(needle, *actor_words(a)):
            continue
        out.add(a.id)
    return out
