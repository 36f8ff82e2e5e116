// The report's logo limit, kept once for both sides: the app refuses a logo more before storing it
// (src/db/repositories/logos.ts), the server refuses one a push would add (server/sync/logoLimit.ts),
// since two phones offline, or a hostile client, can each add logos the other does not see.
import { REPORT_LOGOS_MAX } from './fieldLimits';

/** The fields of a photo record that say whether it is one of its mission's logos now. */
interface LogoFields {
  usage?: unknown;
  deletedAt?: unknown;
}

/** A photo record counts against the limit while it is a logo and not deleted. */
export const isLiveLogo = (photo: LogoFields): boolean => photo.usage === 'logo' && !photo.deletedAt;

/** Whether one more logo would pass REPORT_LOGOS_MAX in a mission already holding `liveLogos`. */
export const wouldExceedLogoLimit = (liveLogos: number): boolean => liveLogos >= REPORT_LOGOS_MAX;
