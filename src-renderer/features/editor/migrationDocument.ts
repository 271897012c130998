import type { MigrationSource, MigrationSourceLanguage } from '../../../src-main/contract';

/**
 * What the editor has open: a draft not yet on disk (new migration) or a migration's file.
 * `baseline` is the text as last read or written, to tell unsaved changes; `revision` remounts Monaco
 * when the text is replaced from outside (a reload), since Monaco owns the text while it is open.
 */
export type MigrationDocument =
  | { kind: 'draft'; name: string; language: MigrationSourceLanguage; baseline: string; revision: number }
  | { kind: 'file'; name: string; file: string; language: MigrationSourceLanguage; baseline: string; sha256: string; applied: boolean; revision: number };

export function fileDocument(source: MigrationSource, revision = 0): MigrationDocument {
  return { kind: 'file', name: source.name, file: source.file, language: source.language, baseline: source.content, sha256: source.sha256, applied: source.applied, revision };
}

/** The path Monaco gives the model: its extension picks the language; TypeScript sees a module. */
export function modelPath(document: MigrationDocument): string {
  return document.kind === 'file' ? `file:///migrations/${document.file}` : `file:///migrations/draft/${document.name}.${document.language}`;
}
