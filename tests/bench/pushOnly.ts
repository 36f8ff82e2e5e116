// `node --import tsx tests/bench/pushOnly.ts`: push throughput on SQLite, and on PostgreSQL when
// BENCH_PG_URL (or TERRAIN_TEST_PG_URL) gives an admin URL.
import { freshBenchDatabase } from './load';
import { measurePushThroughput } from './pushThroughput';

const show = (label: string, r: { createPerSecond: number; updatePerSecond: number }) =>
  console.log(
    `${label}: new records ${r.createPerSecond.toFixed(0)} mut/s, field edits ${r.updatePerSecond.toFixed(0)} mut/s`,
  );
show('SQLite', await measurePushThroughput());
const postgresUrl = process.env.BENCH_PG_URL ?? process.env.TERRAIN_TEST_PG_URL;
if (postgresUrl) {
  const database = await freshBenchDatabase(postgresUrl);
  try {
    show('PostgreSQL', await measurePushThroughput(database.url));
  } finally {
    await database.drop();
  }
}
