import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// src-renderer/app/boot.tsx loads Mantine's styles per component (mantineStyles.ts), not all of styles.css: a component
// used without its file renders unstyled. Every @mantine/core component the renderer imports that has
// a style file of its own must have it imported there.
const renderer = join(import.meta.dirname, '../src-renderer');
const stylesDir = join(import.meta.dirname, '../node_modules/@mantine/core/styles');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function importedComponents(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(renderer)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@mantine\/core'/g)) {
      for (const part of match[1]!.split(',')) {
        const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!;
        if (/^[A-Z]/.test(name)) names.add(name);
      }
    }
  }
  return names;
}

describe('Mantine styles per component', () => {
  const imported = readFileSync(join(renderer, 'app/mantineStyles.ts'), 'utf8');

  it('imports the style file of every @mantine/core component the renderer uses', () => {
    const components = importedComponents();
    expect(components.size).toBeGreaterThan(20);
    const missing = [...components].filter((name) => existsSync(join(stylesDir, `${name}.css`)) && !imported.includes(`@mantine/core/styles/${name}.css'`));
    expect(missing).toEqual([]);
  });

  it('imports the global styles first and only files that exist', () => {
    const files = [...imported.matchAll(/import '@mantine\/core\/styles\/([^']+)';/g)].map((m) => m[1]!);
    expect(files.slice(0, 3)).toEqual(['baseline.css', 'default-css-variables.css', 'global.css']);
    expect(files.filter((file) => !existsSync(join(stylesDir, file)))).toEqual([]);
  });
});
