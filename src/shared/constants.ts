// One place for sizes, timeouts and storage keys. Units are in the names.

/** Wire format version: a client and a server with different majors refuse to sync. */
export const PROTOCOL_VERSION = 1;

export const DEFAULT_PORT = 8080;
export const DB_NAME = 'terrain';

export const PHOTO_MAX_LONG_SIDE_PX = 1600;
export const PHOTO_THUMB_LONG_SIDE_PX = 240;
export const PHOTO_JPEG_QUALITY = 0.8;
/** A logo's long side: about 5 cm printed at 300 dpi, a third of the title page's width. */
export const LOGO_LONG_SIDE_PX = 600;

export const AUTOSAVE_DEBOUNCE_MS = 500;
/** How long to wait for a GPS fix: a cold start in the open can take most of a minute. */
export const GPS_TIMEOUT_MS = 60_000;
/** Above this accuracy radius the position is shown as weak. */
export const GPS_WEAK_ACCURACY_M = 100;

export const STORAGE_WARN_RATIO = 0.9;

export const PUSH_BATCH_MAX_MUTATIONS = 200;
export const PULL_PAGE_MAX_CHANGES = 500;
export const PULL_PAGE_MAX_BYTES = 512 * 1024;
export const REQUEST_MAX_BYTES = 2 * 1024 * 1024;
/** Bodies anyone may send without a session (login): an e-mail and a password fit easily. */
export const UNAUTHENTICATED_REQUEST_MAX_BYTES = 4 * 1024;
export const PHOTO_MAX_BYTES = 15 * 1024 * 1024;
export const UPLOAD_CHUNK_BYTES = 256 * 1024;

export const SYNC_RETRY_MIN_MS = 5_000;
export const SYNC_RETRY_MAX_MS = 15 * 60_000;
/** After a local change, sync this long after the last one (autosave writes every pause in typing). */
export const SYNC_AFTER_CHANGE_MS = 3_000;
/** Sync again on its own this often while the app is visible and online. */
export const SYNC_PERIODIC_MS = 5 * 60_000;
/**
 * A sync request (push, pull page, photo chunk, photo download) during which no byte of the answer
 * arrives for this long counts as a network failure. An idle limit, not a deadline: a 2 MB photo
 * takes over a minute on 2G and must still arrive, as long as bytes keep coming.
 */
export const SYNC_IDLE_TIMEOUT_MS = 30_000;
/**
 * The slowest upload rate sync waits for (about 50 kbit/s, a poor 2G link): until the answer
 * starts, a request may take its body's size at this rate on top of the idle limit (fetch reports
 * no upload progress, so sending cannot count as activity).
 */
export const SYNC_SLOWEST_UPLOAD_BYTES_PER_S = 6_000;

export const LANGUAGE_STORAGE_KEY = 'terrain.lang';

/**
 * A mission archive may hold this much once unzipped: more is refused before it is inflated. Sized
 * for a phone, which reads the archive entry by entry and keeps the photos until they are stored.
 */
export const ARCHIVE_MAX_UNZIPPED_BYTES = 300 * 1024 * 1024;
