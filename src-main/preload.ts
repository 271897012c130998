// Placeholder until the app shell lands (issue 3).
export {};
