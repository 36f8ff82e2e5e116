// Imported first by the app's entry points, before any schema is built: zod would otherwise probe
// `new Function('')` to compile faster parsers, which the Content-Security-Policy (script-src
// 'self', no 'unsafe-eval') blocks and reports as a violation. Parsing works the same without it.
import { z } from 'zod';

z.config({ jitless: true });
