import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { IconCode, IconDatabaseExport, IconFolder, IconHistory, IconSchema, IconServer2, IconTimeline, type Icon } from '@tabler/icons-react';
import type { MigrationStatus } from '../../src-main/contract';
import { timelineActions } from '../features/timeline/timelineActions';
import type { RunActions } from './run/RunFlowContext';

/** One entry of the command palette. */
export interface PaletteAction {
  id: string;
  label: string;
  description?: string;
  icon?: Icon;
  /** Shown in the palette; bound by the shell (see shortcuts.ts). */
  shortcut?: string;
  /** Set when the action cannot succeed now: it is shown disabled, with this reason. */
  disabledReason?: string | null;
  keywords?: string[];
  run(): void;
}

/** What a section's palette actions may use: the shell's run flow and the current status. */
export interface SectionActionContext {
  run: RunActions;
  status: MigrationStatus | undefined;
}

/**
 * A workbench section: one entry here gives it a place in the rail, a hash route, a palette entry
 * with its shortcut, and its own actions in the palette. Its screen is loaded only when first shown.
 */
export interface WorkbenchSection {
  id: string;
  label: string;
  description: string;
  icon: Icon;
  /** Hash route, e.g. #/timeline. */
  path: string;
  /** Two-key sequence that opens it. */
  shortcut: string;
  component: LazyExoticComponent<ComponentType>;
  /** Its route also takes sub-paths (#/schema/public/users), read by the section with useParams()['*']. */
  subPaths?: boolean;
  actions?(context: SectionActionContext): PaletteAction[];
}

export const sections: WorkbenchSection[] = [
  {
    id: 'timeline',
    label: 'Timeline',
    description: 'Every migration, applied and pending; run, rehearse, roll back',
    icon: IconTimeline,
    path: '/timeline',
    shortcut: 'g t',
    component: lazy(() => import('../features/timeline/TimelinePage').then((m) => ({ default: m.TimelinePage }))),
    actions: timelineActions,
  },
  {
    id: 'editor',
    label: 'Editor',
    description: 'Write a migration: pgm. completions, its SQL, the review checklist, the up-down-up test',
    icon: IconCode,
    path: '/editor',
    shortcut: 'g m',
    // Monaco lives only in this chunk and the diff view's: the timeline never loads it.
    component: lazy(() => import('../features/editor/EditorPage').then((m) => ({ default: m.EditorPage }))),
  },
  {
    id: 'environments',
    label: 'Environments',
    description: 'Every connection of the project side by side',
    icon: IconServer2,
    path: '/environments',
    shortcut: 'g e',
    component: lazy(() => import('../features/environments/EnvironmentsPage').then((m) => ({ default: m.EnvironmentsPage }))),
  },
  {
    id: 'project',
    label: 'Project',
    description: 'The project folder, each setting and where it came from; open another project',
    icon: IconFolder,
    path: '/project',
    shortcut: 'g p',
    component: lazy(() => import('../features/projects/ProjectPage').then((m) => ({ default: m.ProjectPage }))),
  },
  {
    id: 'schema',
    label: 'Schema',
    description: 'Tables, views and functions; a table as psql \\d+ shows it; the diagram of foreign keys',
    icon: IconSchema,
    path: '/schema',
    shortcut: 'g s',
    subPaths: true,
    component: lazy(() => import('../features/schema/SchemaPage').then((m) => ({ default: m.SchemaPage }))),
  },
  {
    id: 'backups',
    label: 'Backups',
    description: 'Every backup, verified or not; back up now, restore, guided rollback',
    icon: IconDatabaseExport,
    path: '/backups',
    shortcut: 'g b',
    component: lazy(() => import('../features/backups/BackupsPage').then((m) => ({ default: m.BackupsPage }))),
  },
  {
    id: 'history',
    label: 'History',
    description: 'The audit log: every operation on a database, from any door',
    icon: IconHistory,
    path: '/history',
    shortcut: 'g h',
    component: lazy(() => import('../features/history/HistoryPage').then((m) => ({ default: m.HistoryPage }))),
  },
];

export const defaultSection = sections[0] as WorkbenchSection;
