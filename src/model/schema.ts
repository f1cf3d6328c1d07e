/**
 * JSON Schema of the site data model (docs/领域说明.md), which `custody fill` checks
 * its input against. It checks shape, not sense: a total that does not add up,
 * a time that cannot be read, one signer where two are needed all pass here,
 * because finding them is the validator's job.
 */
import Ajv, { ErrorObject } from 'ajv';

const text = { type: 'string' };
/** A date-time as written; any text, so that a wrong one can still be filled and then found. */
const time = { type: 'string', description: 'YYYY-MM-DDTHH:mm' };
/** A count; text allowed for what a person typed ("三袋"), for the validator to flag. */
const count = { type: ['integer', 'number', 'string'] };
const names = { type: 'array', items: text };
/** 是/否; text allowed for what a person typed that says neither (“不详”), for the validator to flag. */
const yesNo = { type: ['boolean', 'string'] };
const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const list = (items: unknown) => ({ type: 'array', items });

const bagCounts = { bags31: count, bags26: count, bags11: count, bags5: count, totalBags: count };
const intakeList = object({
  items: list(object({ paperNo: text, paperName: text, ...bagCounts })),
  totals: object(bagCounts),
  description: text,
  time,
  keeper: text,
});

const siteDataSchema = object({
  site: object({
    semester: text,
    branch: text,
    school: text,
    examSite: text,
    level: text,
    settings: object({
      arrivalDaysBefore: count,
      checkoutLeadMinutes: count,
      returnGraceMinutes: count,
      intakeWithinHours: count,
      proctorsFormalStaff: { type: 'boolean' },
    }),
  }),
  schedule: list(object({ paperNo: text, paperName: text, start: time, end: time, candidates: count })),
  staff: list(
    object({
      name: text,
      roles: names,
      formalStaff: yesNo,
      candidateRelative: yesNo,
      pledgeSigned: yesNo,
    }),
  ),
  handovers: list(
    object({
      semester: text,
      time,
      from: text,
      to: text,
      address: text,
      contact: text,
      items: list(object({ destination: text, quantity: count, unit: text, note: text, paperNo: text, paperName: text })),
      total: count,
      fromOpinion: text,
      fromSigners: names,
      toOpinion: text,
      toSigners: names,
    }),
  ),
  // One intake list, or one per delivery (docs/领域说明.md, 校验规则).
  intake: { anyOf: [intakeList, list(intakeList)] },
  vaultLog: list(
    object({
      paperNo: text,
      paperName: text,
      quantity: count,
      unit: text,
      taker: text,
      takenAt: time,
      issuedBy: text,
      returner: text,
      returnedAt: time,
      receivedBy: text,
      note: text,
    }),
  ),
  distributions: list(
    object({
      start: time,
      end: time,
      rows: list(
        object({
          paperNo: text,
          paperName: text,
          copies: count,
          room: text,
          issuedAt: time,
          collector: text,
          returnedAt: time,
          returner: text,
          note: text,
        }),
      ),
      issuer: text,
      receiver: text,
    }),
  ),
  duty: object({
    shifts: list(object({ kind: text, from: time, to: time, record: text, handedOverBy: text, takenOverBy: text })),
    supervisor: text,
  }),
});

let compiled: ReturnType<Ajv['compile']> | undefined;

export interface SchemaProblem {
  /** JSON path of the offending value, e.g. `/handovers/0/items/2/quantity`. */
  path: string;
  message: string;
}

function describe(error: ErrorObject): SchemaProblem {
  const path = error.instancePath || '/';
  switch (error.keyword) {
    case 'additionalProperties':
      return { path, message: `未知字段“${String(error.params.additionalProperty)}”(unknown field)` };
    case 'type': {
      const type = String(error.params.type);
      // A number where text is wanted (a paper number 1001 exported from a sheet): how to write it.
      if (type === 'string' && typeof error.data === 'number')
        return { path, message: `类型应为 string：请写成 "${error.data}"（加引号） (must be string: write "${error.data}", in quotes)` };
      return { path, message: `类型应为 ${type} (must be ${type})` };
    }
    default:
      return { path, message: error.message ?? error.keyword };
  }
}

/**
 * The value with every null left out: JSON's empty value, which databases and sheet-to-JSON tools write for an empty
 * cell, is a field left empty, as DOMAIN.md allows any field to be (review round 10c D6). In place; returns it.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) if (value[i] === null) value.splice(i, 1);
    value.forEach(withoutNulls);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (record[key] === null) delete record[key];
      else withoutNulls(record[key]);
    }
  }
  return value;
}

/** The schema problems of a parsed JSON value; empty when it is a well-shaped SiteData. */
export function checkSiteData(value: unknown): SchemaProblem[] {
  compiled ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(siteDataSchema);
  if (compiled(value)) return [];
  return (compiled.errors ?? []).map(describe);
}
