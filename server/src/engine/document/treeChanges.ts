import type { PathSegment } from '../types';

/**
 * Where two views of a document (`writtenView`) differ outside the paths an edit may change. A key added or
 * removed is a change at its own path, or at the paths of the values under it; a list compares item by item.
 */

type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container =>
  Array.isArray(v) || (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype);
const isEmpty = (c: Container): boolean => (Array.isArray(c) ? c.length === 0 : Object.keys(c).length === 0);
const absent = (v: unknown): boolean => v === undefined || v === null;

export const isUnder = (path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean =>
  prefix.length <= path.length && prefix.every((segment, i) => segment === path[i]);

/** The first path where `before` and `after` differ that lies under none of `allowed`; undefined when there is none. */
export function changeOutside(before: unknown, after: unknown, allowed: readonly (readonly PathSegment[])[]): PathSegment[] | undefined {
  const walk = (a: unknown, b: unknown, path: PathSegment[]): PathSegment[] | undefined => {
    if (a === b || allowed.some((prefix) => isUnder(path, prefix))) return undefined;
    if (!isContainer(a) && !isContainer(b)) return sameScalar(a, b) ? undefined : path;
    // A value turned into a collection (or back) changes here; an absent one holding new keys changes at those keys.
    if ((isContainer(a) && !isContainer(b) && !absent(b)) || (isContainer(b) && !isContainer(a) && !absent(a))) return path;
    if (isContainer(a) && isContainer(b) && Array.isArray(a) !== Array.isArray(b)) return path;
    const full = (isContainer(a) ? a : b) as Container;
    if (isEmpty(full) && (!isContainer(a) || !isContainer(b))) return path;
    const keysOf = (c: unknown): string[] => (isContainer(c) ? Object.keys(c) : []);
    const list = Array.isArray(full);
    for (const key of new Set([...keysOf(a), ...keysOf(b)])) {
      const found = walk(child(a, key), child(b, key), [...path, list ? Number(key) : key]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(before, after, []);
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;
/** Each parse makes its own symbol for a `!!merge` value and its own object for a tagged one. */
const sameScalar = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) ||
  (typeof a === 'symbol' && typeof b === 'symbol' && a.description === b.description) ||
  (isObject(a) && isObject(b) && JSON.stringify(a) === JSON.stringify(b));
const child = (c: unknown, key: string): unknown =>
  isContainer(c) && Object.hasOwn(c, key) ? (c as Record<string, unknown>)[key] : undefined;
