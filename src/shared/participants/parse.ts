// Reads the seed's participant table (N°, names, function, organisation, phone, e-mail), pasted or
// from a CSV file, into participants with each row's problems, so a person sees what will be
// imported before anything is saved. Pure: no DOM, no database.
import { PARTICIPANT_COLUMNS, splitRows, type TableSource } from './cells';
import { normaliseEmail } from './email';
import { suggestOrganisation } from './organisation';
import { normalisePhone } from './phone';

export type RowProblem = 'name-missing' | 'email-invalid' | 'phone-invalid' | 'too-many-columns' | 'already-listed';

export interface ParticipantFields {
  /** The N° written in the table, if any. */
  number: number | null;
  fullName: string;
  function: string;
  organisation: string;
  /** E.164 when valid; otherwise what was typed, to be shown and corrected. */
  phone: string;
  /** Lower case when valid; otherwise what was typed. */
  email: string;
}

export interface ParsedRow {
  /** 1-based position among the table's rows (header excluded). */
  position: number;
  /** The cells as read, to hand rows that were not imported back for correction. */
  cells: string[];
  fields: ParticipantFields;
  problems: RowProblem[];
  /** The clean form of the structure's name when it was typed with an article ("la PNUD"): offered, not applied. */
  organisationSuggestion: string | null;
}

export interface ParsedTable {
  /** True when a header row (and any title line above it) was recognised and left out. */
  headerSkipped: boolean;
  rows: ParsedRow[];
}

export function parseParticipantTable(text: string, source: TableSource): ParsedTable {
  const allRows = splitRows(text, source);
  const headerIndex = findHeader(allRows);
  const rows = allRows.slice(headerIndex + 1).map((cells, i) => readRow(cells, i + 1));
  return { headerSkipped: headerIndex >= 0, rows };
}

const NUMBER_CELL = /^(n°\s*)?\d{1,4}[.)°]?$/i;
const PHONE_LIKE = /^\+?[\d\s().-]{6,}$/;

function readRow(cells: string[], position: number): ParsedRow {
  const hasNumber = NUMBER_CELL.test(cells[0] ?? '') || (cells[0] === '' && cells.length >= PARTICIPANT_COLUMNS);
  const rest = hasNumber ? cells.slice(1) : [...cells];
  const problems: RowProblem[] = [];
  let name: string, fn: string, org: string, phone: string, email: string, extra: string[];
  if (rest.length >= PARTICIPANT_COLUMNS - 1) {
    [name, fn, org, phone, email, ...extra] = rest;
  } else {
    // A short row lost its empty cells (text aligned with spaces): recognise the contacts at its end.
    email = rest.length > 0 && rest[rest.length - 1].includes('@') ? rest.pop()! : '';
    const phoneAtEnd = rest.length > 3 || (rest.length > 1 && PHONE_LIKE.test(rest[rest.length - 1]));
    phone = phoneAtEnd ? rest.pop()! : '';
    [name = '', fn = '', org = '', ...extra] = rest;
  }
  if (extra.some((cell) => cell !== '')) problems.push('too-many-columns');
  if (name === '') problems.push('name-missing');
  const phoneResult = normalisePhone(phone);
  if (!phoneResult.ok) problems.push(phoneResult.error);
  const emailResult = normaliseEmail(email);
  if (!emailResult.ok) problems.push(emailResult.error);
  return {
    position,
    cells,
    fields: {
      number: hasNumber && cells[0] !== '' ? Number.parseInt(cells[0].replace(/\D/g, ''), 10) : null,
      fullName: name,
      function: fn,
      organisation: org,
      phone: phoneResult.ok ? phoneResult.value : phone,
      email: emailResult.ok ? emailResult.value : email,
    },
    problems,
    organisationSuggestion: suggestOrganisation(org),
  };
}

/**
 * The rows with the suggestions the person accepted applied: `accepted` holds structure names as
 * typed ("la PNUD"), so accepting one row's suggestion cleans the same spelling in every row.
 * The cells stay as typed (a row put back for correction shows what was written).
 */
export function applyOrganisationSuggestions(rows: ParsedRow[], accepted: ReadonlySet<string>): ParsedRow[] {
  return rows.map((row) =>
    row.organisationSuggestion !== null && accepted.has(row.fields.organisation)
      ? { ...row, fields: { ...row.fields, organisation: row.organisationSuggestion }, organisationSuggestion: null }
      : row,
  );
}

// Header words of the seed's table and of its usual variants (and typos: "STRUCUTURES").
const HEADER_WORDS =
  /^(n°|no|num|numero|#|nom|noms|prenom|fonction|structure|strucuture|organisation|organisme|contact|tel|telephone|mail|email|e-mail|courriel|name|function|phone)s?$/;

function headerWord(cell: string): boolean {
  const plain = cell
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[.:]/g, '');
  return plain.split(/[\s/]+/).some((word) => HEADER_WORDS.test(word));
}

/** A header is one of the first three rows, with at least two header words and no contact in it. */
function findHeader(rows: string[][]): number {
  for (let i = 0; i < Math.min(3, rows.length); i++) {
    const row = rows[i];
    const looksLikeData = row.some((cell) => cell.includes('@') || NUMBER_CELL.test(cell) || PHONE_LIKE.test(cell));
    if (!looksLikeData && row.filter(headerWord).length >= 2) return i;
  }
  return -1;
}

/** A key under which two spellings of one person's name match ("Mme Awa DIARRA" = "awa diarra"). */
export function nameKey(fullName: string): string {
  return fullName
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^(m|mr|mme|mlle|dr|pr)\.?\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Marks rows whose person is already in the mission, or already earlier in the same table (same
 * name or e-mail), so that pasting a table twice does not list everyone twice. Phones are not
 * compared: an office number is often shared by several people.
 */
export function markAlreadyListed(
  rows: ParsedRow[],
  existing: readonly { fullName: string; email: string }[],
): ParsedRow[] {
  const seen = new Set<string>();
  const remember = (p: { fullName: string; email: string }) => {
    seen.add(`n:${nameKey(p.fullName)}`);
    if (p.email) seen.add(`e:${p.email}`);
  };
  existing.forEach(remember);
  return rows.map((row) => {
    if (row.problems.length > 0) return row;
    const { fullName, email } = row.fields;
    if (seen.has(`n:${nameKey(fullName)}`) || (email && seen.has(`e:${email}`)))
      return { ...row, problems: ['already-listed'] };
    remember(row.fields);
    return row;
  });
}
