import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return <main data-testid="app-loaded">PGM Studio</main>;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
