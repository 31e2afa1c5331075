// Editor artefacts generated from the catalogue: snippets, the Markdown injection grammar, the
// JSON Schemas of .cyberdossierrc.yaml and dossier.yaml. `npm run gen` writes them; a test
// fails when they drift.

import { ALL_CODES } from '../server/src/engine/codes';
import { DEFAULT_IDS, PLACEHOLDER_PATTERNS } from '../server/src/engine/rulesets/common';
import { RULESETS } from '../server/src/engine/rulesets';
import { snippetCatalogue, type SnippetEntry } from '../server/src/features/snippets';
import type { JsonSchema } from '../server/src/engine/rulesets/types';
import { MAX_PATTERN_LENGTH, MAX_PATTERNS_PER_KIND } from '../server/src/engine/pattern';
import { MAX_GLOBS } from '../server/src/engine/glob';

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

export function snippets(): string {
  const out: Record<string, Omit<SnippetEntry, 'ruleset' | 'use'>> = {};
  for (const [name, { ruleset: _r, use: _u, ...e }] of Object.entries(snippetCatalogue())) out[name] = e;
  return json(out);
}

export function grammar(): string {
  const caps = [...new Set(RULESETS.flatMap((rs) => Object.values(rs.capabilities).flat().map((c) => c.code)))].sort();
  const prefixes = [...new Set(RULESETS.flatMap((rs) => rs.kinds.map((k) => k.prefix)))].sort().join('');
  const ids = Object.values(DEFAULT_IDS).flat().map((p) => p.replace(/\\/g, '\\'));
  void PLACEHOLDER_PATTERNS;
  return json({
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    scopeName: 'cyberdossier.markdown.injection',
    injectionSelector: 'L:text.html.markdown -comment -markup.fenced_code -markup.inline.raw -markup.raw -meta.embedded',
    patterns: [{ include: '#placeholder' }, { include: '#not-applicable' }, { include: '#dossier-id' }, { include: '#capability' }, { include: '#requirement-id' }],
    repository: {
      placeholder: {
        name: 'invalid.illegal.placeholder.cyberdossier',
        match: '(?<![A-Za-z0-9_-])(?:TODO|TBD|FIXME|XXX)(?![A-Za-z0-9_-])|待补充|待定|待填写|[（(]\\s*略\\s*[)）]|\\{\\{[^{}]*\\}\\}|<[^<>\\n]*[\\x{4e00}-\\x{9fff}][^<>\\n]*>|<\\s*(?:insert|填写)[^<>\\n]*>|(?i:lorem\\s+ipsum)',
      },
      'not-applicable': {
        name: 'keyword.other.not-applicable.cyberdossier',
        match: '(?<=^|\\s|\\*|>|:|：)(?:不适用|(?i:n/a|not\\s+applicable))(?=$|[\\s\\p{P}])',
      },
      'dossier-id': { name: 'constant.other.reference.dossier-id.cyberdossier', match: `(?<![A-Za-z0-9_-])(?:${ids.join('|')})(?![A-Za-z0-9_])` },
      capability: { name: 'support.constant.capability.cyberdossier', match: `\\b(?:${caps.join('|')})\\b` },
      'requirement-id': { name: 'entity.name.tag.requirement.cyberdossier', match: `\\b[${prefixes}]\\d+(?:\\.\\d+){0,2}\\b(?![A-Za-z-])` },
    },
  });
}

export function rcSchema(): string {
  const severities = ['off', 'hint', 'info', 'warning', 'error'];
  const reqIds = [...new Set(RULESETS.flatMap((rs) => rs.kinds.flatMap((k) => k.requirements.map((r) => r.id))))];
  const codeAlt = ALL_CODES.map((c) => c.replace(/-/g, '\\-')).join('|');
  return json({
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://cyberdossier.dev/schemas/cyberdossierrc.schema.json',
    title: 'CyberDossier configuration (.cyberdossierrc.yaml)',
    description: 'One format for the editor and the CLI. Everything is data; nothing is executed.',
    type: 'object',
    additionalProperties: false,
    properties: {
      guideline: { description: 'Default rule set when a dossier does not say.', enum: RULESETS.map((r) => r.id) },
      locale: { description: 'Language of the messages; default: the editor’s display language, else zh-CN.', enum: ['zh-CN', 'en'] },
      rules: {
        description: 'Severity per code, or per code + requirement (the more specific wins).',
        type: 'object',
        propertyNames: { pattern: `^(?:${codeAlt})(?:/(?:${reqIds.map((r) => r.replace(/\./g, '\\.')).join('|')}))?$` },
        additionalProperties: { enum: severities },
      },
      aliases: {
        description: 'Extra heading titles per requirement ID (exact match after normalisation).',
        type: 'object',
        propertyNames: { enum: reqIds },
        additionalProperties: { type: 'array', items: { type: 'string' } },
      },
      ids: {
        description: `ID patterns (regular expressions, whole-token) per kind. They run on RE2, in linear time: no lookaround, no backreferences; at most ${MAX_PATTERNS_PER_KIND} per kind, ${MAX_PATTERN_LENGTH} characters each. Not applied in an untrusted workspace.`,
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          Object.entries(DEFAULT_IDS).map(([k, v]) => [k, { type: 'array', maxItems: MAX_PATTERNS_PER_KIND, items: { type: 'string', format: 'regex', minLength: 1, maxLength: MAX_PATTERN_LENGTH }, default: v }]),
        ),
      },
      dossierGlobs: {
        description: `Markdown files treated as dossier files even without \`document:\` (globs, matched in linear time; at most ${MAX_GLOBS}, ${MAX_PATTERN_LENGTH} characters each; \`!(…)\` is not supported). Not applied in an untrusted workspace.`,
        type: 'array',
        maxItems: MAX_GLOBS,
        items: { type: 'string', maxLength: MAX_PATTERN_LENGTH },
      },
      maxFileSize: { description: 'Larger files get `file-too-large` (e.g. 10MB, 512KB, or bytes).', type: ['string', 'integer'], pattern: '^\\s*\\d+(\\.\\d+)?\\s*([kKmMgG]i?[bB]?|[bB])?\\s*$', default: '10MB' },
      export: {
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
      },
      sbom: {
        description:
          'SBOM file(s) (CycloneDX 1.4–1.6 or SPDX 2.3, JSON) of the device; the dossier’s off-the-shelf software table must agree with them (`inconsistent-fact`). Paths relative to this file; several are one list. Each must be a regular file of at most 50 MB inside this file’s folder, the dossier’s folder or the workspace (symbolic links followed). Not applied in an untrusted workspace.',
        anyOf: [
          // a local path: no URL other than file://
          { type: 'string', minLength: 1, pattern: '^(?:[fF][iI][lL][eE]://|(?![a-zA-Z][a-zA-Z0-9+.-]*://))' },
          { type: 'array', minItems: 1, items: { type: 'string', minLength: 1, pattern: '^(?:[fF][iI][lL][eE]://|(?![a-zA-Z][a-zA-Z0-9+.-]*://))' } },
        ],
      },
      vulnerabilities: {
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
      },
    },
  });
}

const LOCAL_PATH = '^(?:[fF][iI][lL][eE]://|(?![a-zA-Z][a-zA-Z0-9+.-]*://))';

/** dossier.yaml: the frontmatter's facts without `document`, nothing required (files add the rest). */
export function dossierSchema(schema: JsonSchema, id: string): string {
  const copy = JSON.parse(JSON.stringify(schema)) as JsonSchema;
  copy.$id = `https://cyberdossier.dev/schemas/dossier.${id}.schema.json`;
  copy.title = `CyberDossier dossier.yaml (${id})`;
  copy.description = 'Facts shared by every file of a dossier folder; each file’s frontmatter is deep-merged over them.';
  delete copy.properties!.document;
  delete copy.required;
  return json(copy);
}

/**
 * dossier.yaml under any rule set: the `guideline:` it states picks that set's schema (the first
 * rule set is the default). Self-contained — the schemas are inlined, their internal references
 * re-pointed — so an editor validating it never resolves a URL.
 */
export function combinedDossierSchema(): string {
  const [first, ...rest] = RULESETS;
  const inline = (id: string): JsonSchema => {
    const copy = JSON.parse(dossierSchema(RULESETS.find((r) => r.id === id)!.schema, id), (k, v) =>
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `#/definitions/${id}/${v.slice(2)}` : v,
    ) as JsonSchema;
    delete copy.$schema;
    delete copy.$id;
    return copy;
  };
  let body: JsonSchema = { $ref: `#/definitions/${first.id}` };
  for (const rs of [...rest].reverse()) {
    body = { if: { properties: { guideline: { const: rs.id } }, required: ['guideline'] }, then: { $ref: `#/definitions/${rs.id}` }, else: body };
  }
  return json({
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'CyberDossier dossier.yaml',
    description: `Facts shared by every file of a dossier folder, checked against the rule set its \`guideline:\` names (default ${first.id}).`,
    ...body,
    definitions: Object.fromEntries(RULESETS.map((r) => [r.id, inline(r.id)])),
  } as JsonSchema);
}

export function editorFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('snippets/cyberdossier.code-snippets', snippets());
  files.set('syntaxes/cyberdossier.injection.tmLanguage.json', grammar());
  files.set('schemas/cyberdossierrc.schema.json', rcSchema());
  for (const rs of RULESETS) files.set(`schemas/dossier.${rs.id}.schema.json`, dossierSchema(rs.schema, rs.id));
  files.set('schemas/dossier.schema.json', combinedDossierSchema());
  return files;
}
