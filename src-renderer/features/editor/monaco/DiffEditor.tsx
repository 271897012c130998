import { DiffEditor as MonacoDiffEditor } from '@monaco-editor/react';
import { Center, Loader, useComputedColorScheme } from '@mantine/core';
import { languageOf } from './CodeEditor';
import './loadMonaco';

export interface DiffEditorProps {
  /** Picks the language, as for the editor. */
  path: string;
  original: string;
  modified: string;
  height?: string;
}

/** Monaco's side-by-side diff, read-only: theirs against ours, before against after. Unchanged stretches fold away: a schema is long, its differences short. */
export function DiffEditor({ path, original, modified, height = '100%' }: DiffEditorProps) {
  const scheme = useComputedColorScheme('light');
  return (
    <MonacoDiffEditor
      original={original}
      modified={modified}
      language={languageOf(path)}
      theme={scheme === 'dark' ? 'vs-dark' : 'vs'}
      height={height}
      loading={<Center h="100%"><Loader size="sm" /></Center>}
      options={{ readOnly: true, originalEditable: false, minimap: { enabled: false }, renderSideBySide: true, hideUnchangedRegions: { enabled: true }, automaticLayout: true, scrollBeyondLastLine: false, fontSize: 13 }}
    />
  );
}
