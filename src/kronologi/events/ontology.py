"""The event ontology: the types an event can have, and how they map to ACLED and PLOVER.

The types follow the political-event vocabularies that news analysts already use:
ACLED's event types and sub-event types (Armed Conflict Location & Event Data
project) and PLOVER's event classes (the successor of CAMEO). Where those
vocabularies join two directions of one act in a class (a deployment and a
withdrawal are both ``MOBILIZE``/"strategic developments"), Kronologi keeps the
two apart, so that a timeline can say which happened; the ``family`` names the
pair. ``docs/events.md`` is the reader's version of this table.

The triggers of each type (per language) are data: ``langs/<lang>/events.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EventType:
    name: str
    family: str  # the ontology item it belongs to (docs/events.md)
    acled: str  # ACLED event type / sub-event type
    plover: str  # PLOVER event class (mode)
    doc: str


TYPES: tuple[EventType, ...] = (
    EventType("protest", "protest", "Protests (Peaceful protest; Protest with intervention)",
              "PROTEST (demo; boycott for strikes)", "people demonstrate, march, strike or rally"),
    EventType("riot", "riot", "Riots (Violent demonstration; Mob violence); Strategic developments (Looting)",
              "PROTEST (riot); ASSAULT (destroy property)", "a crowd turns violent: rioting, looting, arson, unrest"),
    EventType("attack", "attack/clash", "Battles (Armed clash); Violence against civilians (Attack, Abduction); "
              "Explosions/Remote violence", "ASSAULT; FIGHT",
              "armed or physical violence: attacks, clashes, shootings, bombings, storming, abductions"),
    EventType("killing", "killing", "the fatalities of any event", "ASSAULT; FIGHT (their fatalities)",
              "people are killed or die: deaths, a death toll"),
    EventType("funeral", "funeral", "(none: ACLED codes no funerals; a funeral turned protest is a protest)", "(none)",
              "the dead are buried, cremated or mourned at a funeral: burials, mass burials, funeral rites"),
    EventType("arrest", "arrest/detention", "Strategic developments (Arrests)", "COERCE (arrest)",
              "people are arrested, detained, held or taken into custody"),
    EventType("deployment", "deployment/withdrawal of forces", "Strategic developments (Change to group/activity)",
              "MOBILIZE (troops, police); AID (peacekeeping)",
              "troops, police or peacekeepers are sent, deployed or mobilised"),
    EventType("withdrawal", "deployment/withdrawal of forces", "Strategic developments (Change to group/activity)",
              "RETREAT (withdraw); SANCTION (expel or withdraw)", "forces are pulled out, withdrawn or sent home"),
    EventType("resignation", "resignation/dismissal", "Strategic developments (Other)",
              "CONCEDE (accede to a change in leadership)", "an office holder or a government resigns or steps down"),
    EventType("dismissal", "resignation/dismissal", "Strategic developments (Other)",
              "COERCE; CONCEDE (change in leadership)",
              "an office holder is dismissed, removed, suspended or ousted; a government dissolved"),
    EventType("appointment", "appointment", "Strategic developments (Other)", "(none: context)",
              "someone is appointed, nominated, sworn in or installed"),
    EventType("election", "election/vote", "Strategic developments (Other)", "(none: context)",
              "an election, vote, poll or referendum is held; someone is elected"),
    EventType("statement", "statement/claim", "(none: ACLED codes no speech)",
              "ACCUSE; DEMAND; THREATEN; REJECT; SUPPORT; AGREE (verbal)",
              "someone says, claims, warns, blames, accuses, denies, demands or promises"),
    EventType("announcement", "announcement", "Strategic developments (Other)",
              "COERCE (curfew, martial law, restrict); CONCEDE (ease)",
              "an authority announces, declares, imposes, orders, lifts or corrects a measure or a figure"),
    EventType("meeting", "meeting/summit/call", "(none)", "CONSULT (phone, visit, host, third-party)",
              "leaders meet, talk, hold a summit or a call, negotiate, visit a place"),
    EventType("internet_shutdown", "internet shutdown/restoration", "Strategic developments (Other)",
              "COERCE (restrict freedom of expression)", "internet or phone networks are cut, blocked or go offline"),
    EventType("internet_restoration", "internet shutdown/restoration", "Strategic developments (Other)",
              "CONCEDE (ease restrictions)", "internet or phone networks come back online"),
    EventType("legal_action", "legal action", "Strategic developments (Other)",
              "ACCUSE (investigate, lawsuit, find guilty); COERCE (charge)",
              "investigations, charges, suspects named, trials, verdicts, sentences, releases, lawsuits"),
    EventType("sanction", "sanction", "Strategic developments (Other)",
              "COERCE (impose embargo, boycott or sanctions); SANCTION", "sanctions, embargoes, asset freezes, bans"),
    EventType("disaster", "disaster", "(none: ACLED codes no natural disasters)", "(none)",
              "a natural disaster or its blow: an earthquake, a flood, a landslide, an eruption, a storm strikes"),
    EventType("accident", "accident", "(none: ACLED codes no accidents)", "(none)",
              "a transport accident: a ship or boat sinks or capsizes, a plane or vehicle crashes, a train derails"),
    EventType("other", "other", "(any)", "(any)",
              "a dated happening no trigger names: kept so that no dated fact of a text is lost"),
)

BY_NAME: dict[str, EventType] = {t.name: t for t in TYPES}
NAMES: tuple[str, ...] = tuple(BY_NAME)
# The type whose triggers attribute words to someone: its content is "reported", its date its own.
SAYING = frozenset({"statement"})


def check_type(name: str) -> str:
    """Return ``name`` if it is a type of the ontology, else raise ``ValueError`` naming the known ones."""
    if name not in BY_NAME:
        raise ValueError(f"unknown event type {name!r}; known types: {', '.join(NAMES)}")
    return name
