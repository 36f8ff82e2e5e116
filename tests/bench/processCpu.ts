// CPU time spent by the parts of a load run (Linux: /proc), steadier than a rate on a shared
// machine: the server processes, PostgreSQL's processes when the database runs on this machine
// (every process named `postgres`, exited backends counted through their parent), and this process,
// the load generator. Null where /proc cannot tell.
import fs from 'node:fs';

export interface CpuSeconds {
  servers: number | null;
  postgres: number | null;
  loadGenerator: number;
}

const TICKS_PER_SECOND = 100;

/** utime + stime (+ cutime + cstime: the exited children's), in ticks; null when unreadable. */
function ticksOf(pid: number, withChildren = false): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    return withChildren ? own + Number(fields[13]) + Number(fields[14]) : own;
  } catch {
    return null;
  }
}

function postgresTicks(): number | null {
  let total: number | null = null;
  for (const entry of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const parent = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1];
      const isPostmaster = fs.readFileSync(`/proc/${parent}/comm`, 'utf8').trim() !== 'postgres';
      total = (total ?? 0) + (ticksOf(Number(entry), isPostmaster) ?? 0);
    } catch {
      // the process ended while being read
    }
  }
  return total;
}

/** Starts counting; the function it returns gives the CPU seconds spent since. */
export function countCpu(serverPids: number[], withPostgres: boolean): () => CpuSeconds {
  const serversAt = () => {
    const ticks = serverPids.map((pid) => ticksOf(pid));
    return ticks.some((t) => t === null) ? null : (ticks as number[]).reduce((a, b) => a + b, 0);
  };
  const self = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  const postgresAt = () => (withPostgres ? postgresTicks() : null);
  const start = { servers: serversAt(), postgres: postgresAt(), self: self() };
  return () => {
    const servers = serversAt();
    const postgres = postgresAt();
    return {
      servers: servers === null || start.servers === null ? null : (servers - start.servers) / TICKS_PER_SECOND,
      postgres: postgres === null || start.postgres === null ? null : (postgres - start.postgres) / TICKS_PER_SECOND,
      loadGenerator: self() - start.self,
    };
  };
}
