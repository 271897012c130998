import { useEffect, useRef, useState } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { Center, Loader } from '@mantine/core';
import { useComputedColorScheme } from '@mantine/core';
import { typingAreaAttribute } from '../../../app/shortcuts';
import { monaco } from './loadMonaco';

/** A marker the editor underlines: a preview error, a checklist finding. */
export interface EditorMarker {
  /** 1-based. */
  line: number;
  column?: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

export interface CodeEditorProps {
  /** The model's path: its extension picks the language (.js, .ts, .sql) and TypeScript sees it as a module. */
  path: string;
  /** The text it opens with; the editor then owns it (a reload remounts it with a new key). */
  value: string;
  readOnly?: boolean;
  onChange?(value: string): void;
  onSave?(): void;
  /** Markers by source ('preview', 'lint'): each source replaces only its own. */
  markers?: Record<string, EditorMarker[]>;
  height?: string;
  /** Called once Monaco is up, with what the panes beside it may ask of it. */
  onReady?(controls: EditorControls): void;
}

export interface EditorControls {
  goToLine(line: number): void;
}

export function languageOf(path: string): 'javascript' | 'typescript' | 'pgsql' {
  if (path.endsWith('.sql')) return 'pgsql';
  if (/\.[cm]?ts$/.test(path)) return 'typescript';
  return 'javascript';
}

const severities = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/** Monaco for one migration file, with Ctrl/Cmd+S bound to save and markers from the engine. */
export function CodeEditor({ path, value, readOnly = false, onChange, onSave, markers, height = '100%', onReady }: CodeEditorProps) {
  const scheme = useComputedColorScheme('light');
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const saveRef = useRef(onSave);
  useEffect(() => {
    saveRef.current = onSave;
  });

  const [mounted, setMounted] = useState(false);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    setMounted(true);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => saveRef.current?.());
    onReady?.({
      goToLine(line) {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column: 1 });
        editor.focus();
      },
    });
  };

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    for (const [owner, list] of Object.entries(markers ?? {})) {
      monaco.editor.setModelMarkers(model, owner, list.map((m) => {
        const line = Math.min(Math.max(1, m.line), model.getLineCount());
        return {
          severity: severities[m.severity],
          message: m.message,
          startLineNumber: line,
          startColumn: m.column ?? model.getLineFirstNonWhitespaceColumn(line) ?? 1,
          endLineNumber: line,
          endColumn: model.getLineMaxColumn(line),
        };
      }));
    }
  }, [markers, value, mounted]);

  return (
    <div {...{ [typingAreaAttribute]: '' }} style={{ height, minHeight: 0 }}>
    <Editor
      path={path}
      language={languageOf(path)}
      defaultValue={value}
      theme={scheme === 'dark' ? 'vs-dark' : 'vs'}
      height={height}
      loading={<Center h="100%"><Loader size="sm" /></Center>}
      onChange={(next) => onChange?.(next ?? '')}
      onMount={onMount}
      options={{
        readOnly,
        readOnlyMessage: { value: 'This migration is applied: edit a new migration instead.' },
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
      }}
    />
    </div>
  );
}
