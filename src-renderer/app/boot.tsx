// The app itself, loaded by main.tsx once the first screen's requests are on their way.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './mantineStyles';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './notifications.css';
import { App } from './App';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
