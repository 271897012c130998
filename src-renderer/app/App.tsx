import { useState } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from '../lib/queryClient';
import { RunProgressProvider } from './run/RunProgressContext';
import { contrastVariables } from './contrastVariables';
import { router } from './routes';
import { theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    // "auto" follows the OS until the operator picks a theme; the choice is kept in localStorage.
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={contrastVariables}>
      {/* Bottom right, above the status bar: over the log, never over the run actions at the top. */}
      <Notifications position="bottom-right" limit={4} styles={{ root: { marginBottom: 28 } }} />
      <QueryClientProvider client={queryClient}>
        <RunProgressProvider>
          <RouterProvider router={router} />
        </RunProgressProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
