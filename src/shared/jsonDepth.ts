// How deeply a parsed JSON value nests. Walked with an explicit stack, not recursion: the point is
// to refuse values nested thousands deep before any recursive code (comparison, serialisation)
// meets them and overflows the call stack.

/** Deepest nesting a pushed value may have: a record's deepest field (a note's achievements) is 3. */
export const JSON_MAX_DEPTH = 32;

/** Whether `value` nests at most `max` arrays/objects deep (a scalar is depth 0). */
export function nestsAtMost(value: unknown, max = JSON_MAX_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > max) return false;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return true;
}
