// The mission archive format: one ZIP holding `manifest.json` (format name, version, and the
// SHA-256 of every other file), `mission.json` (every record of the mission, tombstones included,
// so deletions travel too) and the photos as `photos/<sha256>.<ext>` with thumbnails in `thumbs/`.
// Another device checks every hash before it imports anything.
import { z } from 'zod';

export const ARCHIVE_FORMAT = 'terrain-mission-archive';
/** Raised when the layout changes; a device refuses archives newer than it understands. */
export const ARCHIVE_VERSION = 1;

export const MANIFEST_PATH = 'manifest.json';
export const DATA_PATH = 'mission.json';
export const photoPath = (hash: string, ext: string) => `photos/${hash}.${ext}`;
export const thumbPath = (hash: string, ext: string) => `thumbs/${hash}.${ext}`;
export const MEDIA_PATH = /^(photos|thumbs)\/([0-9a-f]{64})\.[a-z0-9]{1,5}$/;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int().positive(),
  exportedAt: z.string().max(40),
  missionId: z.string().min(1).max(64),
  missionTitle: z.string().max(300),
  files: z.array(z.object({ path: z.string().max(200), sha256, bytes: z.number().int().nonnegative() })).max(100_000),
});
export type ArchiveManifest = z.infer<typeof manifestSchema>;

export const dataSchema = z.object({ tables: z.record(z.string(), z.array(z.unknown())) });

/** Why an archive was refused; the screen shows the French message of each code (i18n `report`). */
export const ARCHIVE_ERRORS = [
  'archive-unreadable',
  'archive-too-large',
  'archive-foreign',
  'archive-version',
  'archive-corrupt',
  'archive-invalid-record',
] as const;
export type ArchiveErrorCode = (typeof ARCHIVE_ERRORS)[number];

export class ArchiveError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ArchiveError';
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function extensionOf(mime: string): string {
  return { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }[mime] ?? 'bin';
}
