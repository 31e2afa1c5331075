// The `.cyberdossierrc.yaml` format, described once (issue 15 item 5a). This table drives
//  - the validator (config.ts `loadConfigText`: which keys exist, the did-you-mean list, and each
//    key's `validate`, written in config-keys.ts),
//  - the published JSON Schema (schemas/cyberdossierrc.schema.json, written by `npm run gen`),
//  - the editor settings that mirror rc keys (package.json `contributes.configuration` and the
//    Restricted Mode list `capabilities.untrustedWorkspaces.restrictedConfigurations`, also
//    written by `npm run gen`; descriptions are package.nls*.json keys, zh-CN and en),
//  - which keys wait for Workspace Trust (engine.ts `restricted`).
// Data only: nothing here reads a file (the validators read the parsed YAML they are given).

import { DEFAULT_IDS } from './rulesets/common';
import type { JsonSchema } from './rulesets/types';
import { MAX_PATTERN_LENGTH, MAX_PATTERNS_PER_KIND } from './pattern';
import { MAX_GLOBS } from './glob';
import { LOCALES } from './locale';
import {
  SEVERITY_SETTINGS,
  validateAliases,
  validateDossierGlobs,
  validateExport,
  validateGuideline,
  validateIds,
  validateLocale,
  validateMaxFileSize,
  validateRules,
  validateSbom,
  validateVulnerabilities,
  type RcValidator,
} from './config-keys';

export { SEVERITY_SETTINGS };

/** What the schema of a key depends on besides this table: the registered rule sets and codes. */
export interface RcSchemaContext {
  guidelines: readonly string[];
  codes: readonly string[];
  requirementIds: readonly string[];
}

/** The `cyberdossier.<key>` setting contributed to VS Code, as package.json carries it. */
export type SettingContribution = Record<string, unknown> & { scope: 'resource' | 'window'; markdownDescription: `%${string}%` };

export interface RcKeyDescriptor {
  /** JSON Schema of the key's value in the rc file. */
  schema: (ctx: RcSchemaContext) => JsonSchema;
  /** The key names files or loads patterns the folder supplies: withheld until the workspace is trusted. */
  restricted: boolean;
  /** The editor setting that mirrors the key, or why there is none. */
  setting: SettingContribution | ((ctx: RcSchemaContext) => SettingContribution) | { none: string };
  /** Reads the key's value from the rc file into the configuration input, reporting what is wrong (config-keys.ts). */
  validate: RcValidator;
}

const LOCAL_PATH = '^(?:[fF][iI][lL][eE]://|(?![a-zA-Z][a-zA-Z0-9+.-]*://))';
const stringList = { type: 'array', items: { type: 'string' } } as const;

/** Every rc key, in the order the schema lists them. */
export const RC_SCHEMA = {
  guideline: {
    validate: validateGuideline,
    schema: (ctx) => ({ description: 'Default rule set when a dossier does not say.', enum: [...ctx.guidelines] }),
    restricted: false,
    setting: (ctx) => ({
      scope: 'resource',
      type: 'string',
      enum: ['auto', ...ctx.guidelines],
      default: 'auto',
      // nmpa-2017 → %configuration.guideline.nmpa2017%, fda-premarket-2025 → …fdaPremarket2025%
      markdownEnumDescriptions: ['%configuration.guideline.auto%', ...ctx.guidelines.map((g) => `%configuration.guideline.${g.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}%`)],
      markdownDescription: '%configuration.guideline%',
    }),
  },
  locale: {
    validate: validateLocale,
    schema: () => ({ description: 'Language of the messages; default: the editor’s display language, else zh-CN.', enum: [...LOCALES] }),
    restricted: false,
    setting: {
      scope: 'resource',
      type: 'string',
      enum: ['auto', ...LOCALES],
      default: 'auto',
      markdownEnumDescriptions: ['%configuration.locale.auto%', '%configuration.locale.zh%', '%configuration.locale.en%'],
      markdownDescription: '%configuration.locale%',
    },
  },
  rules: {
    validate: validateRules,
    schema: (ctx) => ({
      description: 'Severity per code, or per code + requirement (the more specific wins).',
      type: 'object',
      propertyNames: { pattern: `^(?:${ctx.codes.map((c) => c.replace(/-/g, '\\-')).join('|')})(?:/(?:${ctx.requirementIds.map((r) => r.replace(/\./g, '\\.')).join('|')}))?$` },
      additionalProperties: { enum: [...SEVERITY_SETTINGS] },
    }),
    restricted: false,
    setting: {
      scope: 'resource',
      type: 'object',
      default: {},
      markdownDescription: '%configuration.rules%',
      propertyNames: { pattern: '^[a-z-]+(/[A-Z][0-9.]+)?$' },
      additionalProperties: { type: 'string', enum: [...SEVERITY_SETTINGS] },
    },
  },
  aliases: {
    validate: validateAliases,
    schema: (ctx) => ({
      description: 'Extra heading titles per requirement ID (exact match after normalisation).',
      type: 'object',
      propertyNames: { enum: [...ctx.requirementIds] },
      additionalProperties: stringList,
    }),
    restricted: false,
    setting: { scope: 'resource', type: 'object', default: {}, markdownDescription: '%configuration.aliases%', additionalProperties: stringList },
  },
  ids: {
    validate: validateIds,
    schema: () => ({
      description: `ID patterns (regular expressions, whole-token) per kind. They run on RE2, in linear time: no lookaround, no backreferences; at most ${MAX_PATTERNS_PER_KIND} per kind, ${MAX_PATTERN_LENGTH} characters each. Not applied in an untrusted workspace.`,
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        Object.entries(DEFAULT_IDS).map(([k, v]) => [k, { type: 'array', maxItems: MAX_PATTERNS_PER_KIND, items: { type: 'string', format: 'regex', minLength: 1, maxLength: MAX_PATTERN_LENGTH }, default: v }]),
      ),
    }),
    restricted: true,
    setting: {
      scope: 'resource',
      type: 'object',
      default: {},
      markdownDescription: '%configuration.ids%',
      properties: Object.fromEntries(Object.keys(DEFAULT_IDS).map((k) => [k, stringList])),
      additionalProperties: false,
    },
  },
  dossierGlobs: {
    validate: validateDossierGlobs,
    schema: () => ({
      description: `Markdown files treated as dossier files even without \`document:\` (globs, matched in linear time; at most ${MAX_GLOBS}, ${MAX_PATTERN_LENGTH} characters each; \`!(…)\` is not supported). Not applied in an untrusted workspace.`,
      type: 'array',
      maxItems: MAX_GLOBS,
      items: { type: 'string', maxLength: MAX_PATTERN_LENGTH },
    }),
    restricted: true,
    setting: { scope: 'resource', type: 'array', items: { type: 'string' }, default: [], markdownDescription: '%configuration.dossierGlobs%' },
  },
  maxFileSize: {
    validate: validateMaxFileSize,
    schema: () => ({ description: 'Larger files get `file-too-large` (e.g. 10MB, 512KB, or bytes).', type: ['string', 'integer'], pattern: '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgG]i?[bB]?|[bB])?\\s*$', default: '10MB' }),
    restricted: false,
    setting: { scope: 'resource', type: 'string', default: '10MB', markdownDescription: '%configuration.maxFileSize%' },
  },
  export: {
    validate: validateExport,
    schema: () => ({
      description: 'Word export (`cyberdossier export --to docx`).',
      type: 'object',
      additionalProperties: false,
      properties: {
        referenceDocx: {
          description:
            'A .docx whose styles the export uses (path relative to this file). It must be a regular file of at most 20 MB inside this file’s folder, the dossier’s folder or the workspace (symbolic links followed). Not applied in an untrusted workspace.',
          type: 'string',
          pattern: '\\.[dD][oO][cC][xX]$',
        },
      },
    }),
    restricted: true,
    setting: {
      scope: 'resource',
      type: 'object',
      default: {},
      markdownDescription: '%configuration.export%',
      properties: { referenceDocx: { type: 'string', pattern: '\\.[dD][oO][cC][xX]$', markdownDescription: '%configuration.export.referenceDocx%' } },
      additionalProperties: false,
    },
  },
  sbom: {
    validate: validateSbom,
    schema: () => ({
      description:
        'SBOM file(s) (CycloneDX 1.4–1.6 or SPDX 2.3, JSON) of the device; the dossier’s off-the-shelf software table must agree with them (`inconsistent-fact`). Paths relative to this file; several are one list. Each must be a regular file of at most 50 MB inside this file’s folder, the dossier’s folder or the workspace (symbolic links followed). Not applied in an untrusted workspace.',
      anyOf: [
        // a local path: no URL other than file://
        { type: 'string', minLength: 1, pattern: LOCAL_PATH },
        { type: 'array', minItems: 1, items: { type: 'string', minLength: 1, pattern: LOCAL_PATH } },
      ],
    }),
    restricted: true,
    setting: { none: 'The SBOM belongs to the dossier the rc file governs (config.ts resolveConfig): an editor setting would apply one SBOM to every dossier of the workspace.' },
  },
  vulnerabilities: {
    validate: validateVulnerabilities,
    schema: () => ({
      description:
        'Vulnerability data kept on this machine (never fetched): OSV JSON records and per-ecosystem zip exports, NVD CVE API 2.0 JSON, CVE JSON 5 records, the CISA KEV catalog, and VEX (CycloneDX, OpenVEX, CSAF 2.0). Files or folders relative to this file, inside this file’s folder, the dossier’s folder or the workspace (symbolic links followed); an item may be {path, maxAge}. The components of the SBOM (else of the dossier’s off-the-shelf software table) are matched against them; an index is cached in .cyberdossier-cache/ beside the data. Not applied in an untrusted workspace.',
      anyOf: [
        { type: 'string', minLength: 1, pattern: LOCAL_PATH },
        {
          type: 'array',
          minItems: 1,
          items: {
            anyOf: [
              { type: 'string', minLength: 1, pattern: LOCAL_PATH },
              {
                type: 'object',
                additionalProperties: false,
                required: ['path'],
                properties: {
                  path: { type: 'string', minLength: 1, pattern: LOCAL_PATH, description: 'A vulnerability data file or folder, relative to this file.' },
                  maxAge: {
                    description:
                      'How old the data may be (30d, 12h, 2w; a number is days) before vulnerability-data-outdated reports it. The data’s date is the newest date it states (NVD timestamp, KEV dateReleased, OSV / CVE modified), else the newest file’s modification time.',
                    anyOf: [{ type: 'string', pattern: '^\\s*\\d+(?:\\.\\d+)?\\s*(?:d|day|days|h|hour|hours|w|week|weeks|m|min|minutes|天|小时|周)?\\s*$' }, { type: 'number', exclusiveMinimum: 0 }],
                  },
                },
              },
            ],
          },
        },
      ],
    }),
    restricted: true,
    setting: { none: 'Like the SBOM, the vulnerability data belongs to the dossier the rc file governs (config.ts resolveConfig).' },
  },
} satisfies Record<string, RcKeyDescriptor>;

export type RcKey = keyof typeof RC_SCHEMA;
export const RC_KEYS = Object.keys(RC_SCHEMA) as RcKey[];

/** Keys that wait for Workspace Trust (engine.ts `restricted`). */
export const RC_RESTRICTED_KEYS = RC_KEYS.filter((k) => RC_SCHEMA[k].restricted);

/** The published JSON Schema of `.cyberdossierrc.yaml`. */
export function rcJsonSchema(ctx: RcSchemaContext): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://cyberdossier.dev/schemas/cyberdossierrc.schema.json',
    title: 'CyberDossier configuration (.cyberdossierrc.yaml)',
    description: 'One format for the editor and the CLI. Everything is data; nothing is executed.',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(RC_KEYS.map((k) => [k, RC_SCHEMA[k].schema(ctx)])),
  };
}

/** The editor settings mirroring rc keys, `cyberdossier.<key>` → package.json contribution. */
export function settingContributions(ctx: RcSchemaContext): Map<string, SettingContribution> {
  const out = new Map<string, SettingContribution>();
  for (const k of RC_KEYS) {
    const s: RcKeyDescriptor['setting'] = RC_SCHEMA[k].setting;
    if (typeof s === 'function') out.set(`cyberdossier.${k}`, s(ctx));
    else if (!('none' in s)) out.set(`cyberdossier.${k}`, s);
  }
  return out;
}
