import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './notifications.css';
import { App } from './App';

// zod 4 probes for eval with Function('') before it compiles a parser: under our CSP (no
// unsafe-eval) that probe is a reported violation on every page. Jitless parses without it.
z.config({ jitless: true });

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
