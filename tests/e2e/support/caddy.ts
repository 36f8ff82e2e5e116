// Debian's Caddy in front of a test server, as deploy/Caddyfile puts it in front of `npm start`:
// HTTPS with Caddy's own certificate authority (`tls internal`: no public name needed), on a free
// high port, its admin endpoint off and every file it writes in a temporary folder. Killed after.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const CADDY_PATH = process.env.CADDY_PATH ?? '/usr/bin/caddy';

export interface RunningCaddy {
  url: string;
  host: string;
  port: number;
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts Caddy serving https://<host>:<free port> in front of `upstream` (host:port). */
export async function startCaddy(host: string, upstream: string): Promise<RunningCaddy> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-caddy-'));
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  const caddyfile = path.join(dir, 'Caddyfile');
  fs.writeFileSync(
    caddyfile,
    `{
	admin off
	storage file_system ${path.join(dir, 'data')}
	skip_install_trust
	http_port ${httpPort}
	https_port ${httpsPort}
	auto_https disable_redirects
}

${host}:${httpsPort} {
	tls internal
	reverse_proxy ${upstream}
}
`,
  );
  const child: ChildProcess = spawn(CADDY_PATH, ['run', '--config', caddyfile, '--adapter', 'caddyfile'], {
    cwd: dir,
    env: {
      ...process.env,
      HOME: dir,
      XDG_DATA_HOME: path.join(dir, 'xdg-data'),
      XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => {
    log += d;
  });
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const deadline = Date.now() + 30_000;
  // Listening and holding a certificate for the name: its log says so.
  while (!/serving initial configuration/.test(log)) {
    if (child.exitCode !== null) throw new Error(`caddy exited early:\n${log}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`caddy did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `https://${host}:${httpsPort}`,
    host,
    port: httpsPort,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
