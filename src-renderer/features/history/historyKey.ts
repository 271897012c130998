/** Under ['migrations', ...]: every run refreshes the history, like the timeline. */
export const historyKey = ['migrations', 'history'] as const;
