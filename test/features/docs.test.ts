// The rule documentation is generated from the catalogue and its examples are executable: every
// "bad" example shows its code, every "good" one does not, and the pages match the generator.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_CODES } from '../../server/src/engine/codes';
import { RULE_DOCS } from '../../server/src/engine/rule-docs';
import { generated } from '../../scripts/gen-all';
import { checkFiles } from '../helpers';

const ROOT = path.join(__dirname, '..', '..');

test('generated files are up to date (run `npm run gen`)', () => {
  for (const [rel, text] of generated(ROOT)) {
    expect(fs.existsSync(path.join(ROOT, rel)), rel).toBe(true);
    expect(fs.readFileSync(path.join(ROOT, rel), 'utf8'), rel).toBe(text);
  }
});

function codesOf(example: string, code: string, which: 'bad' | 'good'): string[] {
  const d = RULE_DOCS[code as keyof typeof RULE_DOCS];
  const files: Record<string, string> = { ...d.files?.[which] };
  if (d.config) files['.cyberdossierrc.yaml'] = d.config;
  if (d.file === 'dossier.yaml') {
    files['d/dossier.yaml'] = example;
    return checkFiles(files, { folders: ['d'] }).flatMap((r) => r.diagnostics.map((x) => x.code));
  }
  if (d.file === '.cyberdossierrc.yaml') {
    files['.cyberdossierrc.yaml'] = example;
    files['doc.md'] = RULE_DOCS['missing-section'].good;
    return checkFiles(files, { files: ['doc.md'] }).flatMap((r) => r.diagnostics.map((x) => x.code));
  }
  files['doc.md'] = example;
  return checkFiles(files, { files: ['doc.md'] }).flatMap((r) => r.diagnostics.map((x) => x.code));
}

describe('every code has a page whose examples are true', () => {
  test.each(ALL_CODES)('%s', (code) => {
    expect(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${code}.md`))).toBe(true);
    expect(codesOf(RULE_DOCS[code].bad, code, 'bad')).toContain(code);
    expect(codesOf(RULE_DOCS[code].good, code, 'good')).not.toContain(code);
  });
});

test('every condition in the requirements pages is written out (no empty parts of an unknown condition form)', () => {
  const dir = path.join(__dirname, '..', '..', 'docs', 'requirements');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    expect(text, f).not.toMatch(/\( (and|or) | (and|or) {2}| (and|or) \)| (and|or) \|/);
  }
});
