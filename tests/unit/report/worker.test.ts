// What the report worker answers: progress, then the document's bytes handed over (transferred),
// or a failure message instead of silence.
import { describe, expect, it } from 'vitest';
import type { MissionBundleData } from '../../../src/report/bundle';
import { handleReportRequest } from '../../../src/report/worker/handle';
import type { ReportMessage } from '../../../src/report/worker/protocol';
import { demoMission } from '../../fixtures/reportBundle';

/** Building a document takes seconds on a loaded shared machine. */
const SLOW_MACHINE_MS = 60_000;

function workerData(): MissionBundleData {
  const { blobs, ...records } = demoMission();
  const photoBlobs = new Map([...blobs].map(([hash, bytes]) => [hash, new Blob([bytes as Uint8Array<ArrayBuffer>])]));
  return { ...records, photoBlobs };
}

async function ask(kind: 'docx' | 'pdf', data = workerData()) {
  const messages: { message: ReportMessage; transfer?: Transferable[] }[] = [];
  await handleReportRequest({ kind, data, noteStates: ['validee'] }, (message, transfer) =>
    messages.push({ message, transfer }),
  );
  return messages;
}

describe('the report worker', { timeout: SLOW_MACHINE_MS }, () => {
  it('posts progress, then the PDF bytes as a transfer', async () => {
    const messages = await ask('pdf');
    const last = messages.at(-1);
    expect(messages.slice(0, -1).every((m) => m.message.type === 'progress')).toBe(true);
    expect(last?.message.type).toBe('done');
    const bytes = last?.message.type === 'done' ? last.message.bytes : new Uint8Array();
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(last?.transfer).toEqual([bytes.buffer]);
  });

  it('builds the Word report from the photos posted as Blobs', async () => {
    const last = (await ask('docx')).at(-1)?.message;
    expect(last?.type).toBe('done');
    if (last?.type === 'done') expect([...last.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a ZIP: "PK"
  });

  it('reports a failure instead of leaving the screen waiting', async () => {
    const broken = { ...workerData(), communes: null } as unknown as MissionBundleData;
    const last = (await ask('pdf', broken)).at(-1)?.message;
    expect(last?.type).toBe('failed');
  });
});
