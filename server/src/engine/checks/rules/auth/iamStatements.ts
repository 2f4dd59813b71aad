/**
 * An additional IAM policy as kops reads it (json.Unmarshal into []*Statement, field names matched regardless of
 * case): `invalid` when Go's decoder fails, else the Effect of each statement. `unknown` where kops would crash
 * (a null statement), so nothing is said.
 */
export type StatementsResult = { kind: 'invalid'; error: string } | { kind: 'unknown' } | { kind: 'statements'; effects: string[] };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (x: Json): x is { [key: string]: Json } => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The fields of `obj` whose names match `name` ignoring case, in order (the last one wins in Go). */
const fields = (obj: { [key: string]: Json }, name: string): Json[] =>
  Object.keys(obj)
    .filter((k) => k.toLowerCase() === name)
    .map((k) => obj[k]);

/** stringorset.StringOrSet: a string, any array, or null. */
const stringOrSet = (x: Json): boolean => x === null || typeof x === 'string' || Array.isArray(x);

function statementDecodes(s: { [key: string]: Json }): boolean {
  const principalOk = (p: Json): boolean =>
    p === null ||
    (isObject(p) && fields(p, 'federated').every((f) => f === null || typeof f === 'string') && fields(p, 'service').every(stringOrSet));
  return (
    fields(s, 'effect').every((e) => e === null || typeof e === 'string') &&
    fields(s, 'action').every(stringOrSet) &&
    fields(s, 'resource').every(stringOrSet) &&
    fields(s, 'principal').every(principalOk) &&
    fields(s, 'condition').every((c) => c === null || isObject(c))
  );
}

export function iamStatements(policy: string): StatementsResult {
  let parsed: Json;
  try {
    parsed = JSON.parse(policy) as Json;
  } catch (e) {
    return { kind: 'invalid', error: e instanceof Error ? e.message : 'syntax error' };
  }
  if (parsed === null) return { kind: 'statements', effects: [] };
  if (!Array.isArray(parsed)) return { kind: 'invalid', error: 'the policy must be a JSON list of statements' };
  if (parsed.some((s) => s !== null && !isObject(s))) return { kind: 'invalid', error: 'every statement must be a JSON object' };
  if (parsed.some((s) => s === null)) return { kind: 'unknown' };
  const statements = parsed as Array<{ [key: string]: Json }>;
  if (!statements.every(statementDecodes)) return { kind: 'invalid', error: 'a statement field has the wrong JSON type' };
  return {
    kind: 'statements',
    effects: statements.map((s) => fields(s, 'effect').reduce<string>((_, e) => (typeof e === 'string' ? e : _), '')),
  };
}
