export function electronBinary(): { path: string } | { missing: string };
export function skipReason(missing: string): string;
