import type { Environment } from '../../contract';

/** Traffic-light colors, so a production connection never looks like a development one. */
export const environmentColors: Record<Environment, string> = {
  development: '#2f9e44',
  staging: '#f08c00',
  production: '#e03131',
};
