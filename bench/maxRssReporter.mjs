// Loaded into a measured child with `node --import` (the same for PGM Studio and node-pg-migrate):
// at exit, writes the process's peak resident set size (KiB, from getrusage) to $PGM_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.PGM_BENCH_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
