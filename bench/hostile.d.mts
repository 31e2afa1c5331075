export const HOSTILE: Record<string, () => string>;
export interface HostileConfigCase {
  rc: string;
  doc: () => string;
  fifo?: string[];
  links?: Record<string, string>;
  files?: Record<string, string>;
}
export const HOSTILE_CONFIG: Record<string, HostileConfigCase>;
