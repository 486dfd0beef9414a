import * as z from 'zod';
import { BODIES, CATEGORIES } from '../labels/labels.js';

const RANGE = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/;

/** A building list: `1-12`, `3`, or a list of those (`[1-3, 7]`). */
const BuildingRange = z
  .union([
    z.string(),
    z.number().int().positive(),
    z.array(z.union([z.string(), z.number().int().positive()])),
  ])
  .transform((value, ctx) => {
    const parts = Array.isArray(value) ? value : [value];
    const out: number[] = [];
    for (const part of parts) {
      const match = RANGE.exec(String(part));
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not a building number or range like 1-12` });
        return z.NEVER;
      }
      const from = Number(match[1]);
      const to = match[2] === undefined ? from : Number(match[2]);
      if (to < from || from < 1) {
        ctx.addIssue({ code: 'custom', message: `range "${part}" is empty or starts below 1` });
        return z.NEVER;
      }
      for (let b = from; b <= to; b++) {
        out.push(b);
      }
    }
    return out;
  });

const DURATION = /^(\d+)\s*(m|h|d)$/;
/** A duration such as `15m`, `2h` or `7d`, kept as text and read by the deadline code. */
const Duration = z.string().regex(DURATION, 'a duration like 15m, 2h or 7d');

const Name = z.string().trim().min(1);

/** A calendar day written YYYY-MM-DD (YAML may read an unquoted date as a date: both are accepted). */
const IsoDay = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.trim()))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day written YYYY-MM-DD'));

const PropertySchema = z
  .object({ company: Name, liaison: Name, party_org: Name.optional(), party_contact: Name.optional() })
  .strict();

const CompoundSchema = z
  .object({
    name: Name,
    buildings: BuildingRange,
    built: z.number().int().optional(),
    property: PropertySchema.nullable(),
  })
  .strict();

const GridSchema = z
  .object({ name: Name, buildings: BuildingRange, worker: Name, party_branch: Name, secretary: Name })
  .strict();

const BodySchema = z
  .object({
    id: z.enum(BODIES).exclude(['none']),
    name: Name,
    short: z.array(Name).default([]),
    liaison: Name.nullable(),
    party_org: Name.optional(),
    /** Who receives the paired party organisation's notices; without one, the liaison does for it. */
    party_contact: Name.optional(),
  })
  .strict();

const GroupSchema = z
  .object({
    topic: Name,
    kind: z.enum(['residents', 'staff', 'supervisors']),
    compound: Name.optional(),
    grids: z.array(Name).default([]),
    /** A staff group that also gets the volunteer ticket offers (the party members' and volunteers' group). */
    offers: z.boolean().default(false),
  })
  .strict();

/** A category a resource serves: a label id of labels.md (`none` serves nothing). */
const ResourceCategory = z.enum(CATEGORIES).exclude(['none'], {
  error: (issue) =>
    `no category "${String(issue.input)}" (use the ids of labels.md: water_supply, elderly_care…)`,
});

/** What needs a resource serves: ticket categories and/or words in the resident's text, optionally only some compounds. */
const SkillsSchema = z
  .object({
    categories: z.array(ResourceCategory).default([]),
    keywords: z.array(Name).default([]),
    /** Where the resource serves; empty means the whole community. */
    compounds: z.array(Name).default([]),
  })
  .strict()
  .refine((s) => s.categories.length + s.keywords.length > 0, {
    message: 'skills need at least one category or keyword, or the resource never matches a need',
  });

/** How many engagements a resource takes: at the same time (on open tickets) and/or per calendar month. */
const CapacitySchema = z
  .object({
    at_once: z.number().int().positive().optional(),
    per_month: z.number().int().positive().optional(),
  })
  .strict()
  .refine((c) => c.at_once !== undefined || c.per_month !== undefined, {
    message: 'capacity needs at_once (engagements at the same time) or per_month (engagements a month)',
  });

const ResourceSchema = z
  .object({
    name: Name,
    kind: z.enum(['co_building_unit', 'social_organisation', 'volunteers', 'professional']),
    lead: Name.optional(),
    offers: z.array(z.string()).default([]),
    skills: SkillsSchema,
    capacity: CapacitySchema,
    /** The person told privately when the resource is engaged (对接). */
    contact: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'a resource needs a contact: the person told when it is engaged'
            : "a contact is a person's name",
      })
      .trim()
      .min(1, 'a resource needs a contact: the person told when it is engaged'),
  })
  .strict();

const DeadlinePair = z.object({ respond: Duration, resolve: Duration }).strict();

export const DirectorySchema = z
  .object({
    community: Name,
    street_office: Name,
    bot_name: Name.default('社区哨子'),
    compounds: z.array(CompoundSchema).min(1),
    streets: z.array(Name).default([]),
    grids: z.array(GridSchema).min(1),
    duty_grid: Name,
    supervisors: z.array(z.object({ name: Name, title: z.string() }).strict()).min(1),
    escalation: z.array(Name).min(1),
    bodies: z.array(BodySchema).min(1),
    party_members: z
      .array(
        z
          .object({
            name: Name,
            branch: Name,
            young: z.boolean().default(false),
            /** Year of birth; under 36 this year counts as young (offered volunteer tickets first). */
            born: z.number().int().min(1900).max(2100).optional(),
            note: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    /** Volunteers who are not party members, each of one grid: offered its volunteer tickets, may claim them. */
    volunteers: z
      .array(
        z
          .object({
            name: Name,
            grid: Name,
            young: z.boolean().default(false),
            born: z.number().int().min(1900).max(2100).optional(),
            note: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    resources: z.array(ResourceSchema).default([]),
    /** Ticket categories that party members and volunteers may claim and are offered (激励引导). */
    volunteer_categories: z
      .array(z.enum(CATEGORIES).exclude(['none']))
      .default([
        'elderly_care',
        'sanitation',
        'greenery',
        'neighbor_dispute',
        'pets',
        'building_repair',
        'other',
      ]),
    groups: z.array(GroupSchema).min(1),
    /** Holidays and make-up working days (调休) the calendar package does not carry yet, as YYYY-MM-DD. */
    calendar: z
      .object({ holidays: z.array(IsoDay).default([]), workdays: z.array(IsoDay).default([]) })
      .strict()
      .default({ holidays: [], workdays: [] }),
    /** A staff member's WeChat id; when given, only a sender with that id acts in that person's roles. */
    chat_ids: z.record(Name, z.string().trim().min(1)).default({}),
    /** A staff member's WeCom user id: with a WeCom application configured, their notices go there. */
    wecom_ids: z.record(Name, z.string().trim().min(1)).default({}),
    deadlines: z
      .object({
        emergency: DeadlinePair,
        urgent: DeadlinePair,
        normal: DeadlinePair,
        by_category: z.record(z.string(), z.record(z.string(), DeadlinePair.partial())).default({}),
        whistle_report: Duration.default('30m'),
        confirmation_wait: Duration.default('48h'),
        /**
         * China-time hours in which reminders and escalations of normal tickets wait until the end (urgent
         * and emergency ones never wait): HH:MM-HH:MM, over midnight when the first is later.
         */
        quiet_hours: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'a span like 22:00-07:30')
          .default('22:00-07:30'),
      })
      .strict(),
  })
  .strict();

export type DirectoryData = z.infer<typeof DirectorySchema>;
export type CompoundData = DirectoryData['compounds'][number];
export type GridData = DirectoryData['grids'][number];
export type BodyData = DirectoryData['bodies'][number];
export type GroupData = DirectoryData['groups'][number];
export type ResourceData = DirectoryData['resources'][number];
