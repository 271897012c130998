import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  // Darker shades keep light-theme badge and button text above the WCAG AA contrast ratio.
  primaryShade: { light: 7, dark: 8 },
});
