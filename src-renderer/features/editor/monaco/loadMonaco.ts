/**
 * Monaco, bundled from npm and loaded only by the editor section and the diff view (never by the
 * timeline): the bare editor API, its editor features, and only the languages a migration is
 * written in (JavaScript/TypeScript with their worker, PostgreSQL's basic SQL grammar). Workers
 * are Vite `?worker` chunks served from our own origin, so the CSP needs no `blob:`.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/pgsql/register';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { loader } from '@monaco-editor/react';
import { registerPgmTypes } from './pgmTypes';
import { registerSqlCompletion } from './sqlCompletion';

export type Monaco = typeof monaco;
export type TypeScriptLanguage = typeof typescript;

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker();
  },
};

// @monaco-editor/react would otherwise fetch Monaco from a CDN: offline it fails, and the CSP forbids it.
loader.config({ monaco });
registerPgmTypes(typescript);
registerSqlCompletion(monaco);

export { monaco, typescript };
