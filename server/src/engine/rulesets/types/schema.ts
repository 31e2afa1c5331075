// The subset of JSON Schema the frontmatter schemas use, with our x- extensions (re-exported by
// ../types.ts).

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: (string | number | boolean)[];
  minItems?: number;
  uniqueItems?: boolean;
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  /** zh label of the key. */
  'x-label-zh'?: string;
  /** zh description. */
  'x-description-zh'?: string;
  /** zh labels of enum values. */
  'x-enum-labels-zh'?: Record<string, string>;
  /** Accepted aliases → canonical enum value. */
  'x-aliases'?: Record<string, string | number | boolean>;
  /** Requirement IDs this key switches on (hover). */
  'x-requirements'?: string[];
  [k: string]: unknown;
}
