"""The HTML of an item's details: what, when, where (and how precisely), who, who claimed
what, the quoted sentences and the source.

Every string from the data is HTML-escaped here, before it reaches any rich-text view, so
data is always shown as plain text.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from mapapp.model.situation import (
    PRECISION_LABELS,
    STATUS_LABELS,
    Citation,
    Claim,
    Event,
    Situation,
)
from mapapp.render.style import STATUS_COLOURS

RELATION_LABELS = {
    "allied_with": "allied with",
    "affiliate_of": "affiliate of",
    "backed_by": "backed by",
    "leader_of": "leader of",
    "fighting": "fighting",
}


def e(text: object) -> str:
    return escape(str(text), quote=True)


def lines(text: str) -> str:
    """Escaped, with the text's own line breaks kept (a note written on two lines)."""
    return "<br>".join(e(line) for line in text.splitlines())


def badge(status: str) -> str:
    colour = STATUS_COLOURS.get(status, "#444")
    label = e(STATUS_LABELS.get(status, status))
    return f'<span style="color:white;background:{colour};">&nbsp;{label}&nbsp;</span>'


def link(kind: str, item_id: str, text: str) -> str:
    return f'<a href="mapapp:{kind}/{e(item_id)}">{e(text)}</a>'


@lru_cache(maxsize=256)
def border_distance_km(lon: float, lat: float) -> float:
    from mapapp.geo.layers import distance_to_km, mali_algeria_border

    return distance_to_km(lon, lat, mali_algeria_border())


def source_label(src) -> str:
    """'Wikipedia (English): “Tinzaouaten”' rather than a bare title."""
    return f"{src.publisher}: “{src.title}”" if src.publisher else src.title


class DetailsRenderer:
    """HTML for one item of a situation."""

    def __init__(self, situation: Situation) -> None:
        self.s = situation

    def actor_name(self, actor_id: str) -> str:
        a = self.s.actors.get(actor_id)
        return a.name if a else actor_id

    def quotes(self, citations: tuple[Citation, ...]) -> str:
        out = []
        for c in citations:
            src = self.s.sources.get(c.source)
            where = e(source_label(src)) if src else e(c.source)
            if c.start is not None:
                where += f", characters {c.start}–{c.end}"
            if c.locator:
                where += f", {e(c.locator)}"
            body = f"“{e(c.quote)}”" if c.quote else "<i>(external reference)</i>"
            note = f"<br><small>{e(c.note)}</small>" if c.note else ""
            out.append(f"<blockquote>{body}<br><small>— {where}</small>{note}</blockquote>")
        return "".join(out)

    def sources_of(self, citations: tuple[Citation, ...], extra: tuple[str, ...] = ()) -> str:
        ids = list(dict.fromkeys([c.source for c in citations] + [x for x in extra if x]))
        rows = []
        for sid in ids:
            src = self.s.sources.get(sid)
            if src is None:
                continue
            text = e(src.title)
            if src.publisher:
                text += f" ({e(src.publisher)})"
            if src.url:
                text += f' — <a href="{e(src.url)}">{e(src.url)}</a>'
            if src.note:
                text += f"<br><small>{e(src.note)}</small>"
            rows.append(f"<li>{text}</li>")
        return f"<h4>Sources</h4><ul>{''.join(rows)}</ul>" if rows else ""

    def claim_line(self, c: Claim) -> str:
        who = self.actor_name(c.claimant) if c.claimant else "Unattributed"
        figures = "; ".join(f"{e(f.subject)}: <b>{e(f.label())}</b>" for f in c.figures)
        links = "".join(
            f"<br><small>{e(x.relation)} {self._claim_link(x.claim)}</small>" for x in c.links
        )
        fig = f"<br>{figures}" if figures else ""
        return (
            f"<li>{badge(c.status)} <b>{e(who)}</b>: "
            f"{link('claim', c.id, c.statement)}{fig}{links}</li>"
        )

    def _claim_link(self, claim_id: str) -> str:
        return link("claim", claim_id, self._claim_title(claim_id))

    def _relation_line(self, who, r) -> str:
        verb = e(RELATION_LABELS.get(r.relation, r.relation))
        quote = e(r.citations[0].quote or "")
        other = link("actor", r.actor, self.actor_name(r.actor))
        return f"<li>{link('actor', who.id, who.name)} {verb} {other} <small>“{quote}”</small></li>"

    def _claim_title(self, claim_id: str) -> str:
        c = self.s.claims.get(claim_id)
        return c.statement if c else claim_id

    # items -------------------------------------------------------------------
    def event(self, ev: Event) -> str:
        s = self.s
        kind = ev.type.replace("_", " ") + (f" · {ev.subtype}" if ev.subtype else "")
        parts = [f"<h2>{e(ev.title)}</h2>", f"<p><small>{e(kind)}</small></p>"]
        if ev.part_of in s.events:
            parent = s.events[ev.part_of]
            parts.append(f"<p>Part of {link('event', parent.id, parent.title)}</p>")
        t = ev.time
        when = e(t.label())
        if t.precision in ("day", "week", "month", "year"):
            when += f" <small>(precision: {e(t.precision)})</small>"
        if t.source in s.sources:
            when += f"<br><small>Date from: {e(source_label(s.sources[t.source]))}</small>"
        if t.note:
            when += f"<br><small>{e(t.note)}</small>"
        parts.append(f"<p><b>When:</b> {when}</p>")
        parts.append(f"<p><b>Where:</b> {self.where(ev)}</p>")
        if ev.summary:
            parts.append(f"<p>{lines(ev.summary)}</p>")
        children = [x for x in s.chronological_events() if x.part_of == ev.id]
        if children:
            items = "".join(f"<li>{link('event', x.id, x.title)}</li>" for x in children)
            parts.append(f"<h4>Within this event</h4><ul>{items}</ul>")
        if ev.actors:
            items = "".join(
                f"<li>{link('actor', p.actor, self.actor_name(p.actor))} — {e(p.role)}</li>"
                for p in ev.actors
            )
            parts.append(f"<h4>Actors</h4><ul>{items}</ul>")
        claims = s.claims_about(ev.id)
        if claims:
            items = "".join(self.claim_line(c) for c in claims)
            parts.append(f"<h4>Claims ({len(claims)})</h4><ul>{items}</ul>")
        parts.append(f"<h4>What the source says</h4>{self.quotes(ev.citations)}")
        parts.append(self.sources_of(ev.citations, (t.source,)))
        return "".join(parts)

    def where(self, ev: Event) -> str:
        s = self.s
        loc = ev.location
        label = PRECISION_LABELS.get(loc.precision, loc.precision)
        if loc.precision in ("exact", "near") and loc.place in s.places:
            p = s.places[loc.place]
            lead = "near " if loc.precision == "near" else ""
            text = f"{lead}{e(p.name)} <small>({e(label)})</small>"
            coord_src = s.sources.get(p.coordinate_source)
            src = f", coordinates from {e(source_label(coord_src))}" if coord_src else ""
            if p.accuracy_km:
                src += f", within about {p.accuracy_km:g} km"
            ns = "N" if p.lat >= 0 else "S"
            ew = "E" if p.lon >= 0 else "W"
            text += (
                f"<br><small>{e(p.name)}: {abs(p.lat):.4f}° {ns}, {abs(p.lon):.4f}° {ew}"
                f"{src}. These are the place's coordinates"
                f"{', not the event' + chr(39) + 's' if loc.precision == 'near' else ''}.</small>"
            )
            km = border_distance_km(p.lon, p.lat)
            text += (
                f"<br><small>{e(p.name)} lies {km:,.1f} km (geodesic) from the Mali–Algeria "
                "border line of the 1:10m map, itself generalised by a kilometre or more.</small>"
            )
            if loc.precision == "near" and loc.radius_km and not loc.note:
                text += (
                    f"<br><small>The ring on the map ({loc.radius_km:g} km) only draws 'near'; "
                    "the source gives no distance.</small>"
                )
        elif loc.precision == "region" and loc.area in s.areas:
            text = f"{e(s.areas[loc.area].name)} <small>({e(label)}; no point is implied)</small>"
        else:
            text = f"<i>{e(label)}</i>"
        if loc.note:
            text += f"<br><small>{e(loc.note)}</small>"
        return text

    def place(self, place_id: str) -> str:
        s = self.s
        p = s.places[place_id]
        ns, ew = ("N" if p.lat >= 0 else "S"), ("E" if p.lon >= 0 else "W")
        where = f"{abs(p.lat):.5f}° {ns}, {abs(p.lon):.5f}° {ew}"
        country = f" — {e(p.country)}" if p.country else ""
        parts = [f"<h2>{e(p.name)}</h2>", f"<p>{e(where)}{country}</p>"]
        if p.gazetteer and p.gazetteer != p.name:
            parts.append(f"<p><small>Gazetteer name: {e(p.gazetteer)}</small></p>")
        if p.accuracy_km:
            parts.append(
                f"<p><small>Placed by hand, within about {p.accuracy_km:g} km.</small></p>"
            )
        events = [ev for ev in s.chronological_events() if ev.location.place == place_id]
        if events:
            items = "".join(
                f"<li>{link('event', ev.id, ev.title)} <small>{e(ev.time.label())}</small></li>"
                for ev in events
            )
            parts.append(f"<h4>Events here</h4><ul>{items}</ul>")
        parts.append("<h4>Cited</h4>" + self.quotes(p.citations))
        extra = (p.coordinate_source,) if p.coordinate_source else ()
        parts.append(self.sources_of(p.citations, extra))
        return "".join(parts)

    def actor(self, actor_id: str) -> str:
        s = self.s
        a = s.actors[actor_id]
        parts = [f"<h2>{e(a.name)}</h2>", f"<p><small>{e(a.kind.replace('_', ' '))}</small></p>"]
        if a.aliases:
            items = []
            for al in a.aliases:
                src = {s.sources[c.source].title for c in al.citations if c.source in s.sources}
                items.append(f"<li>{e(al.name)} <small>({e(', '.join(sorted(src)))})</small></li>")
            parts.append(f"<h4>Also called</h4><ul>{''.join(items)}</ul>")
        rels = [(a, r) for r in a.relations] + [
            (other, r) for other in s.actors.values() for r in other.relations if r.actor == a.id
        ]
        if rels:
            items = "".join(self._relation_line(who, r) for who, r in rels)
            parts.append(f"<h4>Relations</h4><ul>{items}</ul>")
        claims = s.claims_by(a.id)
        if claims:
            parts.append(f"<h4>Claimed</h4><ul>{''.join(self.claim_line(c) for c in claims)}</ul>")
        events = s.events_with(a.id)
        if events:
            items = "".join(
                f"<li>{link('event', x.id, x.title)} <small>{e(x.time.label())}</small></li>"
                for x in events
            )
            parts.append(f"<h4>Took part in</h4><ul>{items}</ul>")
        parts.append(f"<h4>What the source says</h4>{self.quotes(a.citations)}")
        parts.append(self.sources_of(a.citations))
        return "".join(parts)

    def claim(self, claim_id: str) -> str:
        s = self.s
        c = s.claims[claim_id]
        who = self.actor_name(c.claimant) if c.claimant else "Unattributed"
        parts = [
            f"<h2>{e(c.statement)}</h2>",
            f"<p>{badge(c.status)} claimed by <b>{e(who)}</b></p>",
        ]
        if c.figures:
            items = "".join(f"<li>{e(f.subject)}: <b>{e(f.label())}</b></li>" for f in c.figures)
            parts.append(f"<h4>Figures</h4><ul>{items}</ul>")
        if c.about:
            items = "".join(
                f"<li>{link('event', x, s.events[x].title)}</li>" for x in c.about if x in s.events
            )
            parts.append(f"<h4>About</h4><ul>{items}</ul>")
        related = [(x.relation, x.claim) for x in c.links] + [
            (f"{x.relation} (by)", other.id)
            for other in s.claims.values()
            for x in other.links
            if x.claim == c.id
        ]
        if related:
            items = "".join(
                f"<li>{e(rel)} {link('claim', cid, self._claim_title(cid))}</li>"
                for rel, cid in related
            )
            parts.append(f"<h4>Linked claims</h4><ul>{items}</ul>")
        parts.append(f"<h4>What the source says</h4>{self.quotes(c.citations)}")
        parts.append(self.sources_of(c.citations))
        return "".join(parts)
