"""The HTML of an item's details: what, when, where (and how precisely), who, who claimed
what, the quoted sentences and the source.

Every string from the data is HTML-escaped here, before it reaches any rich-text view, so
data is always shown as plain text.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from mapapp.i18n import QT_TRANSLATE_NOOP, format_number, language, translate
from mapapp.model import vocabulary
from mapapp.model.situation import Citation, Claim, Event, Situation
from mapapp.render.style import STATUS_COLOURS

RELATION_LABELS = {  # in English; translate("details", ...) where shown
    "allied_with": QT_TRANSLATE_NOOP("details", "allied with"),
    "affiliate_of": QT_TRANSLATE_NOOP("details", "affiliate of"),
    "backed_by": QT_TRANSLATE_NOOP("details", "backed by"),
    "leader_of": QT_TRANSLATE_NOOP("details", "leader of"),
    "fighting": QT_TRANSLATE_NOOP("details", "fighting"),
}
# a claim's links to other claims, seen from the claim that makes them and from the other
LINK_LABELS = {
    "corroborates": QT_TRANSLATE_NOOP("details", "corroborates"),
    "contradicts": QT_TRANSLATE_NOOP("details", "contradicts"),
}
LINKED_BY_LABELS = {
    "corroborates": QT_TRANSLATE_NOOP("details", "corroborates (by)"),
    "contradicts": QT_TRANSLATE_NOOP("details", "contradicts (by)"),
}
ACTOR_KINDS = {
    "state_military": QT_TRANSLATE_NOOP("details", "state military"),
    "government": QT_TRANSLATE_NOOP("details", "government"),
    "state": QT_TRANSLATE_NOOP("details", "state"),
    "armed_group": QT_TRANSLATE_NOOP("details", "armed group"),
    "mercenary_group": QT_TRANSLATE_NOOP("details", "mercenary group"),
    "intergovernmental": QT_TRANSLATE_NOOP("details", "intergovernmental"),
    "media": QT_TRANSLATE_NOOP("details", "media"),
    "person": QT_TRANSLATE_NOOP("details", "person"),
    "militia": QT_TRANSLATE_NOOP("details", "militia"),
    "civilians": QT_TRANSLATE_NOOP("details", "civilians"),
    "protesters": QT_TRANSLATE_NOOP("details", "protesters"),
    "rioters": QT_TRANSLATE_NOOP("details", "rioters"),
    "other": QT_TRANSLATE_NOOP("details", "other"),
}


def actor_kind_label(code: str) -> str:
    """'armed group' for 'armed_group' (a code outside the schema: underscores as spaces)."""
    return _label(ACTOR_KINDS, code) if code in ACTOR_KINDS else code.replace("_", " ")


def _label(table: dict[str, str], code: str) -> str:
    return translate("details", table[code]) if code in table else code


def e(text: object) -> str:
    return escape(str(text), quote=True)


def lines(text: str) -> str:
    """Escaped, with the text's own line breaks kept (a note written on two lines)."""
    return "<br>".join(e(line) for line in text.splitlines())


def badge(status: str) -> str:
    colour = STATUS_COLOURS.get(status, "#444")
    label = e(vocabulary.status_label(status))
    return f'<span style="color:white;background:{colour};">&nbsp;{label}&nbsp;</span>'


def section(heading: str, body: str) -> str:
    return f"<h4>{heading}</h4>{body}"


def link(kind: str, item_id: str, text: str) -> str:
    return f'<a href="mapapp:{kind}/{e(item_id)}">{e(text)}</a>'


def quoted(text: str) -> str:
    """``text`` (already escaped) between the language's quotation marks."""
    return translate("details", "“{quote}”").format(quote=text)


def short_number(value: float) -> str:
    """A distance as Python's :g writes it ('2.5', '10'), with the language's decimal
    sign."""
    text = f"{value:g}"
    if language() == "en" or "e" in text:
        return text
    return format_number(value, len(text.partition(".")[2]))


def coordinates(lat: float, lon: float, decimals: int) -> str:
    """'19.9486° N, 2.9678° E', as the language writes it."""
    ns = translate("details", "N") if lat >= 0 else translate("details", "S")
    ew = translate("details", "E") if lon >= 0 else translate("details", "W")
    a, b = format_number(abs(lat), decimals), format_number(abs(lon), decimals)
    return translate("details", "{lat}° {ns}, {lon}° {ew}").format(lat=a, ns=ns, lon=b, ew=ew)


@lru_cache(maxsize=256)
def border_distance_km(lon: float, lat: float) -> float:
    from mapapp.geo.layers import distance_to_km, mali_algeria_border

    return distance_to_km(lon, lat, mali_algeria_border())


def source_label(src) -> str:
    """'Wikipedia (English): “Tinzaouaten”' rather than a bare title."""
    if not src.publisher:
        return src.title
    return translate("details", "{publisher}: “{title}”").format(
        publisher=src.publisher, title=src.title
    )


class DetailsRenderer:
    """HTML for one item of a situation."""

    def __init__(self, situation: Situation) -> None:
        self.s = situation

    def actor_name(self, actor_id: str) -> str:
        a = self.s.actors.get(actor_id)
        return a.name if a else actor_id

    def claimant_name(self, c: Claim) -> str:
        return self.actor_name(c.claimant) if c.claimant else translate("details", "Unattributed")

    def quotes(self, citations: tuple[Citation, ...]) -> str:
        out = []
        for c in citations:
            src = self.s.sources.get(c.source)
            where = e(source_label(src)) if src else e(c.source)
            if c.start is not None:
                chars = translate("details", "characters {start}–{end}")
                where += ", " + chars.format(start=c.start, end=c.end)
            if c.locator:
                where += f", {e(c.locator)}"
            if c.quote:
                body = quoted(e(c.quote))
            else:
                external = translate("details", "external reference")
                body = f"<i>({external})</i>"
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
        heading = translate("details", "Sources")
        return f"<h4>{heading}</h4><ul>{''.join(rows)}</ul>" if rows else ""

    def figure_line(self, f) -> str:
        """'Wagner dead: <b>over 80 fighters</b>'."""
        return translate("details", "{subject}: {figure}").format(
            subject=e(f.subject), figure=f"<b>{e(f.label())}</b>"
        )

    def claim_line(self, c: Claim) -> str:
        who = self.claimant_name(c)
        figures = "; ".join(self.figure_line(f) for f in c.figures)
        links = "".join(
            f"<br><small>{e(_label(LINK_LABELS, x.relation))} {self._claim_link(x.claim)}</small>"
            for x in c.links
        )
        fig = f"<br>{figures}" if figures else ""
        said = translate("details", "{claimant}: {claim}").format(
            claimant=f"<b>{e(who)}</b>", claim=link("claim", c.id, c.statement)
        )
        return f"<li>{badge(c.status)} {said}{fig}{links}</li>"

    def _claim_link(self, claim_id: str) -> str:
        return link("claim", claim_id, self._claim_title(claim_id))

    def _relation_line(self, who, r) -> str:
        verb = e(_label(RELATION_LABELS, r.relation))
        quote = quoted(e(r.citations[0].quote or ""))
        other = link("actor", r.actor, self.actor_name(r.actor))
        return f"<li>{link('actor', who.id, who.name)} {verb} {other} <small>{quote}</small></li>"

    def _claim_title(self, claim_id: str) -> str:
        c = self.s.claims.get(claim_id)
        return c.statement if c else claim_id

    # items -------------------------------------------------------------------
    def event(self, ev: Event) -> str:
        s = self.s
        kind = vocabulary.event_type_label(ev.type) + (f" · {ev.subtype}" if ev.subtype else "")
        parts = [f"<h2>{e(ev.title)}</h2>", f"<p><small>{e(kind)}</small></p>"]
        if ev.part_of in s.events:
            parent = s.events[ev.part_of]
            part_of = translate("details", "Part of {event}")
            parts.append(f"<p>{part_of.format(event=link('event', parent.id, parent.title))}</p>")
        t = ev.time
        when = e(t.label())
        if t.precision in ("day", "week", "month", "year"):
            precision = translate("details", "precision: {precision}")
            named = e(vocabulary.time_precision_label(t.precision))
            when += f" <small>({precision.format(precision=named)})</small>"
        if t.source in s.sources:
            date_from = translate("details", "Date from: {source}")
            source = e(source_label(s.sources[t.source]))
            when += f"<br><small>{date_from.format(source=source)}</small>"
        if t.note:
            when += f"<br><small>{e(t.note)}</small>"
        when_label, where_label = translate("details", "When:"), translate("details", "Where:")
        parts.append(f"<p><b>{when_label}</b> {when}</p>")
        parts.append(f"<p><b>{where_label}</b> {self.where(ev)}</p>")
        if ev.summary:
            parts.append(f"<p>{lines(ev.summary)}</p>")
        children = [x for x in s.chronological_events() if x.part_of == ev.id]
        if children:
            items = "".join(f"<li>{link('event', x.id, x.title)}</li>" for x in children)
            heading = translate("details", "Within this event")
            parts.append(f"<h4>{heading}</h4><ul>{items}</ul>")
        if ev.actors:
            items = "".join(
                f"<li>{link('actor', p.actor, self.actor_name(p.actor))} — {e(p.role)}</li>"
                for p in ev.actors
            )
            parts.append(section(translate("details", "Actors"), f"<ul>{items}</ul>"))
        claims = s.claims_about(ev.id)
        if claims:
            items = "".join(self.claim_line(c) for c in claims)
            heading = translate("details", "Claims ({n})").format(n=len(claims))
            parts.append(f"<h4>{heading}</h4><ul>{items}</ul>")
        parts.append(self._what_the_source_says(ev.citations))
        parts.append(self.sources_of(ev.citations, (t.source,)))
        return "".join(parts)

    def _what_the_source_says(self, citations: tuple[Citation, ...]) -> str:
        heading = translate("details", "What the source says")
        return f"<h4>{heading}</h4>{self.quotes(citations)}"

    def where(self, ev: Event) -> str:
        s = self.s
        loc = ev.location
        label = vocabulary.precision_label(loc.precision)
        if loc.precision in ("exact", "near") and loc.place in s.places:
            p = s.places[loc.place]
            name = e(p.name)
            if loc.precision == "near":
                name = translate("details", "near {place}").format(place=name)
            text = f"{name} <small>({e(label)})</small>"
            said = [translate("details", "{place}: {coordinates}")]
            said[0] = said[0].format(place=e(p.name), coordinates=coordinates(p.lat, p.lon, 4))
            coord_src = s.sources.get(p.coordinate_source)
            if coord_src:
                source = e(source_label(coord_src))
                said.append(translate("details", "coordinates from {source}").format(source=source))
            if p.accuracy_km:
                within = translate("details", "within about {km} km")
                said.append(within.format(km=short_number(p.accuracy_km)))
            if loc.precision == "near":
                whose = translate("details", "These are the place's coordinates, not the event's.")
            else:
                whose = translate("details", "These are the place's coordinates.")
            text += f"<br><small>{', '.join(said)}. {whose}</small>"
            km = border_distance_km(p.lon, p.lat)
            border = translate(
                "details",
                "{place} lies {km} km (geodesic) from the Mali–Algeria border line of the "
                "1:10m map, itself generalised by a kilometre or more.",
            )
            text += f"<br><small>{border.format(place=e(p.name), km=format_number(km, 1))}</small>"
            if loc.precision == "near" and loc.radius_km and not loc.note:
                ring = translate(
                    "details",
                    "The ring on the map ({km} km) only draws 'near'; "
                    "the source gives no distance.",
                )
                text += f"<br><small>{ring.format(km=short_number(loc.radius_km))}</small>"
        elif loc.precision == "region" and loc.area in s.areas:
            implied = translate("details", "{precision}; no point is implied")
            text = (
                f"{e(s.areas[loc.area].name)} <small>({implied.format(precision=e(label))})</small>"
            )
        else:
            text = f"<i>{e(label)}</i>"
        if loc.note:
            text += f"<br><small>{e(loc.note)}</small>"
        return text

    def place(self, place_id: str) -> str:
        s = self.s
        p = s.places[place_id]
        where = coordinates(p.lat, p.lon, 5)
        country = f" — {e(p.country)}" if p.country else ""
        parts = [f"<h2>{e(p.name)}</h2>", f"<p>{e(where)}{country}</p>"]
        if p.gazetteer and p.gazetteer != p.name:
            gazetteer = translate("details", "Gazetteer name: {name}")
            parts.append(f"<p><small>{gazetteer.format(name=e(p.gazetteer))}</small></p>")
        if p.accuracy_km:
            by_hand = translate("details", "Placed by hand, within about {km} km.")
            parts.append(f"<p><small>{by_hand.format(km=short_number(p.accuracy_km))}</small></p>")
        events = [ev for ev in s.chronological_events() if ev.location.place == place_id]
        if events:
            items = "".join(
                f"<li>{link('event', ev.id, ev.title)} <small>{e(ev.time.label())}</small></li>"
                for ev in events
            )
            parts.append(section(translate("details", "Events here"), f"<ul>{items}</ul>"))
        parts.append(section(translate("details", "Cited"), self.quotes(p.citations)))
        extra = (p.coordinate_source,) if p.coordinate_source else ()
        parts.append(self.sources_of(p.citations, extra))
        return "".join(parts)

    def actor(self, actor_id: str) -> str:
        s = self.s
        a = s.actors[actor_id]
        parts = [f"<h2>{e(a.name)}</h2>", f"<p><small>{e(actor_kind_label(a.kind))}</small></p>"]
        if a.aliases:
            items = []
            for al in a.aliases:
                src = {s.sources[c.source].title for c in al.citations if c.source in s.sources}
                items.append(f"<li>{e(al.name)} <small>({e(', '.join(sorted(src)))})</small></li>")
            parts.append(section(translate("details", "Also called"), f"<ul>{''.join(items)}</ul>"))
        rels = [(a, r) for r in a.relations] + [
            (other, r) for other in s.actors.values() for r in other.relations if r.actor == a.id
        ]
        if rels:
            items = "".join(self._relation_line(who, r) for who, r in rels)
            parts.append(section(translate("details", "Relations"), f"<ul>{items}</ul>"))
        claims = s.claims_by(a.id)
        if claims:
            items = "".join(self.claim_line(c) for c in claims)
            parts.append(section(translate("details", "Claimed"), f"<ul>{items}</ul>"))
        events = s.events_with(a.id)
        if events:
            items = "".join(
                f"<li>{link('event', x.id, x.title)} <small>{e(x.time.label())}</small></li>"
                for x in events
            )
            parts.append(section(translate("details", "Took part in"), f"<ul>{items}</ul>"))
        parts.append(self._what_the_source_says(a.citations))
        parts.append(self.sources_of(a.citations))
        return "".join(parts)

    def claim(self, claim_id: str) -> str:
        s = self.s
        c = s.claims[claim_id]
        who = self.claimant_name(c)
        claimed = translate("details", "{status} claimed by {claimant}")
        parts = [
            f"<h2>{e(c.statement)}</h2>",
            f"<p>{claimed.format(status=badge(c.status), claimant=f'<b>{e(who)}</b>')}</p>",
        ]
        if c.figures:
            items = "".join(f"<li>{self.figure_line(f)}</li>" for f in c.figures)
            parts.append(section(translate("details", "Figures"), f"<ul>{items}</ul>"))
        if c.about:
            items = "".join(
                f"<li>{link('event', x, s.events[x].title)}</li>" for x in c.about if x in s.events
            )
            parts.append(section(translate("details", "About"), f"<ul>{items}</ul>"))
        related = [(_label(LINK_LABELS, x.relation), x.claim) for x in c.links] + [
            (
                _label(LINKED_BY_LABELS, x.relation)
                if x.relation in LINKED_BY_LABELS
                else f"{x.relation} (by)",
                other.id,
            )
            for other in s.claims.values()
            for x in other.links
            if x.claim == c.id
        ]
        if related:
            items = "".join(
                f"<li>{e(rel)} {link('claim', cid, self._claim_title(cid))}</li>"
                for rel, cid in related
            )
            parts.append(section(translate("details", "Linked claims"), f"<ul>{items}</ul>"))
        parts.append(self._what_the_source_says(c.citations))
        parts.append(self.sources_of(c.citations))
        return "".join(parts)
