import type { CSSVariablesResolver } from '@mantine/core';

/** Mantine's bright hues at their default shades fail WCAG AA against white text or their own tint. */
const brightHues = new Set(['teal', 'green', 'lime', 'orange', 'yellow', 'cyan', 'red']);

/**
 * Light theme: darker filled shades, the palest tint behind light-variant text, and a darker
 * "dimmed" gray, so every badge, button and secondary line reaches a 4.5:1 contrast ratio.
 */
export const contrastVariables: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' };
  for (const name of Object.keys(theme.colors)) {
    const filled = brightHues.has(name) ? 9 : 8;
    light[`--mantine-color-${name}-filled`] = `var(--mantine-color-${name}-${filled})`;
    light[`--mantine-color-${name}-filled-hover`] = `var(--mantine-color-${name}-9)`;
    light[`--mantine-color-${name}-outline`] = `var(--mantine-color-${name}-${filled})`;
    light[`--mantine-color-${name}-light`] = `var(--mantine-color-${name}-0)`;
    light[`--mantine-color-${name}-light-hover`] = `var(--mantine-color-${name}-1)`;
  }
  // Dark theme: dark-2 is 4.0:1 on the body; dark-1 reads comfortably.
  return { variables: {}, light, dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' } };
};
