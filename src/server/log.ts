// The operator's log: one JSON object per line on stdout (journald, docker and `jq` read it as is).
// LOG_FORMAT=json (default) or off (nothing: tests that build many apps in one process).
// Lines carry ids and counts only: never a request body, a token or a password.

export type LogRecord = { msg: string } & Record<string, unknown>;
export type LogSink = (record: LogRecord) => void;

const toStdout: LogSink = (record) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
};

/** The sink chosen by LOG_FORMAT, read when the app is built. */
export function logSinkFromEnv(env: NodeJS.ProcessEnv = process.env): LogSink {
  return env.LOG_FORMAT === 'off' ? () => undefined : toStdout;
}

/** An error as the log keeps it: its class, message and stack (the answer gets none of it). */
export function errorFields(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: typeof error, message: String(error) };
}
