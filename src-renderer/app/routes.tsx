import { createHashRouter, Navigate, type RouteObject } from 'react-router';
import { defaultSection, sections } from './sections';
import { Shell } from './Shell';

/**
 * Hash routes (#/timeline): they survive a reload, and work the same under Electron's file:// and
 * in server mode, where the path and its ?token= query belong to the server.
 */
const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to={defaultSection.path} replace /> },
      ...sections.map(({ path, subPaths, component: Section }): RouteObject => ({ path: subPaths ? `${path.slice(1)}/*` : path.slice(1), element: <Section /> })),
      { path: '*', element: <Navigate to={defaultSection.path} replace /> },
    ],
  },
];

export const router = createHashRouter(routes);
