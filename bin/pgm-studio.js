#!/usr/bin/env node
// The pgm-studio CLI runs the TypeScript engine directly through tsx, so `npx pgm-studio` works
// on a fresh clone without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/main.ts');
