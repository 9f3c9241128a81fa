/** What a log line may carry besides its message: flat values only, so redaction sees every one. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export const redacted = '[redacted]';

/** Field names that only ever hold secrets or a person's details, whatever the value looks like. */
const sensitiveKey =
  /token|secret|passw|passphrase|authori[sz]ation|cookie|api.?key|credential|enrol(?:l)?ment.?code|bsn|e.?mail|phone|telefoon|iban|birth|geboorte|visitor.?name|full.?name|first.?name|last.?name|^name$|contact|achternaam|voornaam|address|adres|postcode|zip/i;

/**
 * Values that look like secrets or personal data wherever they turn up, even inside an error
 * message: bearer tokens and JWTs, long random strings, e-mail addresses, Dutch IBANs, phone
 * numbers and nine-digit numbers (a BSN is nine digits).
 */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const hide = (): string => redacted;

const sensitiveValues: [RegExp, (match: string, ...groups: string[]) => string][] = [
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, () => `Bearer ${redacted}`],
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, hide],
  [/([?&](?:token|key|code|sig|signature|secret|password)=)[^&\s"']+/gi, (_match, key = '') => `${key}${redacted}`],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, hide],
  [/\bNL\d{2}\s?[A-Z]{4}(?:\s?\d){10}\b/gi, hide],
  [/(?:\+31|\b0031|\b0)[\s-]?(?:6|[1-9]\d)(?:[\s-]?\d){7,8}\b/g, hide],
  [/\b\d{9}\b/g, hide],
  // Long random strings are keys or tokens; request ids (UUIDs) are not secret and help IT.
  [/[A-Za-z0-9+_-]{32,}={0,2}/g, (match) => (uuid.test(match) ? match : redacted)],
];

/**
 * An error message from the untrusted renderer, reduced to its shape: a script error can quote
 * what a visitor typed ("Cannot parse 'Sam de Vries'"), and no pattern recognises a name. Quoted
 * parts and long numbers go, then the usual redaction, and the rest is cut short.
 */
export function errorShape(message: string): string {
  const unquoted = message.replace(/(["'`])(?:(?!\1).){0,200}?\1/g, '$1…$1').replace(/\d{4,}/g, '#');
  return redactText(unquoted).slice(0, 160);
}

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of sensitiveValues) out = out.replace(pattern, replacement);
  return out;
}

export function redactFields(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) out[key] = value;
    else if (sensitiveKey.test(key)) out[key] = redacted;
    else out[key] = typeof value === 'string' ? redactText(value) : value;
  }
  return out;
}
