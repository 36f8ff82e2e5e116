// Only the report part of `npm run bench` (no build, no server):
//   node --import tsx tests/bench/reportOnly.ts
import { measureFigures, measureReports, reportLines } from './report';

for (const [name, value, target, ok] of reportLines(await measureReports(), await measureFigures()))
  console.log(`${ok ? 'OK  ' : 'OVER'}  ${name.padEnd(52)} ${value.padStart(14)}   (target ${target})`);
