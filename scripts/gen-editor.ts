// Editor artefacts generated from the catalogue: snippets, the Markdown injection grammar, the
// JSON Schemas of .cyberdossierrc.yaml and dossier.yaml. `npm run gen` writes them; a test
// fails when they drift.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_CODES } from '../server/src/engine/codes';
import { DEFAULT_IDS, PLACEHOLDER_PATTERNS } from '../server/src/engine/rulesets/common';
import { RULESETS } from '../server/src/engine/rulesets';
import { snippetCatalogue, type SnippetEntry } from '../server/src/features/snippets';
import type { JsonSchema } from '../server/src/engine/rulesets/types';
import { RC_KEYS, RC_RESTRICTED_KEYS, rcJsonSchema, settingContributions, type RcSchemaContext } from '../server/src/engine/config-schema';

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

/** What the rc format's schema and settings take from the catalogue. */
function rcContext(): RcSchemaContext {
  return { guidelines: RULESETS.map((r) => r.id), codes: ALL_CODES, requirementIds: [...new Set(RULESETS.flatMap((rs) => rs.kinds.flatMap((k) => k.requirements.map((r) => r.id))))] };
}

export function rcSchema(): string {
  return json(rcJsonSchema(rcContext()));
}

interface PackageJson {
  contributes: { configuration: { properties: Record<string, unknown> } };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
}

/**
 * package.json with the settings that mirror rc keys written from config-schema.ts: each in its
 * place, a new one after the last of them; the Restricted Mode list likewise. Everything else
 * (other settings, their order, the rest of the manifest) is kept as it is.
 */
export function packageJson(text: string): string {
  const pkg = JSON.parse(text) as PackageJson;
  const gen = settingContributions(rcContext());
  const mirrors = new Set(RC_KEYS.map((k) => `cyberdossier.${k}`));
  const props = pkg.contributes.configuration.properties;
  const present = Object.keys(props);
  const last = present.reduce((at, k, i) => (mirrors.has(k) ? i : at), -1);
  const out: Record<string, unknown> = {};
  const added = () => {
    for (const [k, v] of gen) if (!(k in props)) out[k] = v;
  };
  if (last < 0) added();
  present.forEach((k, i) => {
    if (gen.has(k)) out[k] = gen.get(k);
    else if (!mirrors.has(k)) out[k] = props[k];
    if (i === last) added();
  });
  pkg.contributes.configuration.properties = out;
  const trust = pkg.capabilities.untrustedWorkspaces;
  trust.restrictedConfigurations = [...RC_RESTRICTED_KEYS.map((k) => `cyberdossier.${k}`).filter((k) => gen.has(k)), ...trust.restrictedConfigurations.filter((k) => !mirrors.has(k))];
  return json(pkg);
}

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

/** `root`: the repository, whose package.json gets the settings that mirror rc keys. */
export function editorFiles(root?: string): Map<string, string> {
  const files = new Map<string, string>();
  if (root) files.set('package.json', packageJson(fs.readFileSync(path.join(root, 'package.json'), 'utf8')));
  files.set('snippets/cyberdossier.code-snippets', snippets());
  files.set('syntaxes/cyberdossier.injection.tmLanguage.json', grammar());
  files.set('schemas/cyberdossierrc.schema.json', rcSchema());
  for (const rs of RULESETS) files.set(`schemas/dossier.${rs.id}.schema.json`, dossierSchema(rs.schema, rs.id));
  files.set('schemas/dossier.schema.json', combinedDossierSchema());
  return files;
}
