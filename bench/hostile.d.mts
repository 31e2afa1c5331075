export const HOSTILE: Record<string, () => string>;
