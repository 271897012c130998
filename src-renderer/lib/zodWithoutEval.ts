// Zod 4 compiles a fast parser for each z.object() with `new Function` when the page allows eval,
// and finds out by trying once: under our CSP (script-src 'self', no 'unsafe-eval') that try is a
// reported CSP violation. It decides when each schema is built, so this must run before any schema
// module: main.tsx imports it first. Parsing is the same, through zod's plain path.
import { config } from 'zod';

config({ jitless: true });
