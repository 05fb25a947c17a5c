/**
 * The fixed vocabularies of the data model. Stored as strings in the database; these
 * lists are the single source of truth (documented in docs/event-types.md).
 */

export type EventTypeInfo = {
  slug: string;
  label: string;
  /** Short description shown to editors and in docs. */
  description: string;
  /** CAMEO codes this type corresponds to. */
  cameo: readonly string[];
  /** PLOVER event type (and mode where one applies). */
  plover: string;
  /** Colour used on cards and charts; always shown together with the label. */
  color: string;
};

export const EVENT_TYPES = [
  {
    slug: "sanctions-imposed",
    label: "Sanctions imposed",
    description: "Economic, financial, trade, arms or travel sanctions put in place or extended.",
    cameo: ["163"],
    plover: "SANCTION",
    color: "#b91c1c",
  },
  {
    slug: "sanctions-eased",
    label: "Sanctions eased or lifted",
    description: "Sanctions relaxed, suspended, waived or lifted.",
    cameo: ["085"],
    plover: "CONCEDE (ease sanctions)",
    color: "#15803d",
  },
  {
    slug: "sanctions-threatened",
    label: "Sanctions threatened",
    description: "An explicit warning that sanctions will follow a course of action.",
    cameo: ["1312"],
    plover: "THREATEN (restrictions)",
    color: "#c2410c",
  },
  {
    slug: "designation",
    label: "Designation or blacklisting",
    description: "Persons or entities put on a sanctions, entry-ban or other restrictive list.",
    cameo: ["163", "172"],
    plover: "SANCTION",
    color: "#9d174d",
  },
  {
    slug: "diplomatic-expulsion",
    label: "Diplomatic expulsion",
    description: "Diplomats declared persona non grata or ordered to leave.",
    cameo: ["166"],
    plover: "SANCTION (reduce relations)",
    color: "#7c3aed",
  },
  {
    slug: "ambassador-recalled",
    label: "Ambassador recalled or withdrawn",
    description: "An ambassador recalled for consultations or withdrawn; relations downgraded.",
    cameo: ["161", "166"],
    plover: "SANCTION (reduce relations)",
    color: "#4338ca",
  },
  {
    slug: "statement",
    label: "Statement or protest",
    description: "A public statement, condemnation, accusation or formal protest.",
    cameo: ["111", "112", "14"],
    plover: "ACCUSE / PROTEST",
    color: "#475569",
  },
  {
    slug: "meeting",
    label: "Meeting or summit",
    description: "Talks, consultations, visits, calls and summits.",
    cameo: ["040", "042", "043", "046"],
    plover: "CONSULT",
    color: "#0369a1",
  },
  {
    slug: "agreement",
    label: "Agreement or treaty",
    description: "An agreement, treaty or memorandum signed or concluded.",
    cameo: ["057"],
    plover: "AGREE",
    color: "#0f766e",
  },
  {
    slug: "arms-transfer",
    label: "Arms deal or transfer",
    description: "A purchase, sale, delivery or transfer of weapons or military equipment.",
    cameo: ["062", "074"],
    plover: "COOPERATE (military) / AID (military)",
    color: "#a16207",
  },
  {
    slug: "countermeasure",
    label: "Countermeasure decree or legislation",
    description: "A decree, law or regulation adopted against another state's measures.",
    cameo: ["163", "172"],
    plover: "SANCTION / COERCE",
    color: "#be123c",
  },
  {
    slug: "other",
    label: "Other",
    description: "Anything that fits none of the types above.",
    cameo: [],
    plover: "",
    color: "#57534e",
  },
] as const satisfies readonly EventTypeInfo[];

export type EventType = (typeof EVENT_TYPES)[number]["slug"];
export const EVENT_TYPE_SLUGS = EVENT_TYPES.map((t) => t.slug) as [EventType, ...EventType[]];

const EVENT_TYPE_BY_SLUG = new Map<string, EventTypeInfo>(EVENT_TYPES.map((t) => [t.slug, t]));

export function isEventType(value: string): value is EventType {
  return EVENT_TYPE_BY_SLUG.has(value);
}

const OTHER_TYPE: EventTypeInfo = EVENT_TYPES[11];

/** A type's details; an unknown slug (never stored by the app) shows as "Other". */
export function eventTypeInfo(slug: string): EventTypeInfo {
  return EVENT_TYPE_BY_SLUG.get(slug) ?? OTHER_TYPE;
}

export const EVENT_STATUSES = ["draft", "published"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const PARTICIPANT_ROLES = ["initiator", "target"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ACTOR_KINDS = [
  { slug: "state", label: "State" },
  { slug: "bloc", label: "Bloc" },
  { slug: "international-organisation", label: "International organisation" },
  { slug: "person", label: "Person" },
  { slug: "organisation", label: "Organisation or entity" },
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number]["slug"];
export const ACTOR_KIND_SLUGS = ACTOR_KINDS.map((k) => k.slug) as [ActorKind, ...ActorKind[]];

/** Global Sanctions Data Base categories (plus diplomatic). */
export const SANCTION_MEASURES = [
  { slug: "trade", label: "Trade" },
  { slug: "financial", label: "Financial" },
  { slug: "arms", label: "Arms" },
  { slug: "military", label: "Military assistance" },
  { slug: "travel", label: "Travel" },
  { slug: "diplomatic", label: "Diplomatic" },
  { slug: "other", label: "Other" },
] as const;
export type SanctionMeasure = (typeof SANCTION_MEASURES)[number]["slug"];
export const SANCTION_MEASURE_SLUGS = SANCTION_MEASURES.map((m) => m.slug) as [
  SanctionMeasure,
  ...SanctionMeasure[],
];

/**
 * Directed relations: the later event ("from") points at the earlier one ("to").
 * `label` reads from the later event, `inverseLabel` from the earlier one.
 */
export const RELATION_KINDS = [
  { slug: "responds-to", label: "Responds to", inverseLabel: "Answered by" },
  { slug: "implements", label: "Implements", inverseLabel: "Implemented by" },
  { slug: "follows-up", label: "Follows up", inverseLabel: "Followed up by" },
  { slug: "eases", label: "Eases", inverseLabel: "Eased by" },
  { slug: "supersedes", label: "Supersedes", inverseLabel: "Superseded by" },
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number]["slug"];
export const RELATION_KIND_SLUGS = RELATION_KINDS.map((k) => k.slug) as [
  RelationKind,
  ...RelationKind[],
];

export function relationKindInfo(slug: string): (typeof RELATION_KINDS)[number] {
  const found = RELATION_KINDS.find((k) => k.slug === slug);
  if (!found) throw new Error(`Unknown relation kind: ${slug}`);
  return found;
}

export const USER_ROLES = ["editor", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];
