#!/usr/bin/env node
// `npm run bench`: status over 5,000 migrations. Runs the TypeScript bench through tsx, like the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../bench/main.ts');
