export const cliOutDir: string;
/** Builds out/cli; false when esbuild is not installed (the CLI then runs through tsx). */
export function buildCli(options?: { quiet?: boolean }): Promise<boolean>;
