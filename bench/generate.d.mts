export function generate(target: number, seed?: number): string;
export function parseSize(s: string): number;
