// `node --import tsx tests/bench/loadOnly.ts`: only the load figures of `npm run bench` (BENCH_PG_URL
// or TERRAIN_TEST_PG_URL: an admin URL of a PostgreSQL server for the two-process run; BENCH_LOAD_ROUNDS
// rounds of both, 3 by default).
import { loadLines, measureLoads } from './load';

const comparison = await measureLoads(process.env.BENCH_PG_URL ?? process.env.TERRAIN_TEST_PG_URL);
for (const [name, value, target, ok] of loadLines(comparison)) {
  console.log(`${ok ? 'OK  ' : 'OVER'}  ${name.padEnd(52)} ${value.padStart(14)}   (target ${target})`);
}
for (const f of comparison.figures) console.log(`      ${f.label}: ${f.seconds.toFixed(1)} s for ${f.devices} devices`);
