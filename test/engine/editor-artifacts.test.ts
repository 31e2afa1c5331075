// The editor's static parts: the manifest and its localisation, the snippets (skeletons that
// check clean), the injection grammar (tokenised with the real TextMate engine).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { RULESETS } from '../../server/src/engine/rulesets';
import { skeleton } from '../../server/src/engine/skeleton';
import { diag } from '../helpers';

const ROOT = path.join(__dirname, '..', '..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const pkg = JSON.parse(read('package.json'));

describe('manifest and localisation', () => {
  const nls = JSON.parse(read('package.nls.json'));
  const nlsZh = JSON.parse(read('package.nls.zh-cn.json'));
  test('every %key% of the manifest exists in English and Chinese', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) {
      expect(nls[k], k).toBeTruthy();
      expect(nlsZh[k], k).toBeTruthy();
      expect(nlsZh[k]).toMatch(/[\u4e00-\u9fff]|^CyberDossier$/);
    }
    expect(Object.keys(nlsZh).sort()).toEqual(Object.keys(nls).sort());
  });
  test('every l10n.t / l10n.n string of the client has a Chinese translation, and no surface uses vscode.l10n', () => {
    const src = fs
      .readdirSync(path.join(ROOT, 'client', 'src'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => read(`client/src/${f}`))
      .join('\n');
    const strings = [...src.matchAll(/l10n\.t\(\s*'([^']+)'/g)].map((m) => m[1]);
    // Counts: both English forms are keys ("1 finding", "2 findings").
    for (const m of src.matchAll(/l10n\.n\(\s*[^,]+,\s*'([^']+)',\s*'([^']+)'/g)) strings.push(m[1], m[2]);
    expect(strings).toContain('{0} finding');
    // vscode.l10n follows only VS Code's display language, not the dossier's (issue 18 item 5).
    expect(src).not.toMatch(/vscode\.l10n\./);
    for (const f of fs.readdirSync(path.join(ROOT, 'client', 'src')).filter((x) => x.endsWith('.ts') && x !== 'i18n.ts')) expect(read(`client/src/${f}`), f).not.toMatch(/test\(vscode\.env\.language\)/);
    const zh = JSON.parse(read('l10n/bundle.l10n.zh-cn.json'));
    expect(strings.length).toBeGreaterThan(5);
    for (const s of strings) expect(zh[s], s).toMatch(/[\u4e00-\u9fff]/);
  });
  test('activation, trust and virtual-workspace declarations, commands with a category', () => {
    expect(pkg.activationEvents).toContain('onLanguage:markdown');
    // Restricted Mode: limited, with the settings that load patterns withheld until trusted (issue 14).
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    for (const k of pkg.capabilities.untrustedWorkspaces.restrictedConfigurations) expect(Object.keys(pkg.contributes.configuration.properties)).toContain(k);
    expect(pkg.capabilities.virtualWorkspaces.supported).toBe(false);
    for (const c of pkg.contributes.commands) expect(c.category).toBe('%category%');
    expect(pkg.bin.cyberdossier).toBe('bin/cyberdossier.js');
    expect(pkg.bin['cyberdossier-language-server']).toBe('bin/cyberdossier-language-server.js');
  });
  test('Locale and Guideline settings default to a real value, auto, and offer every rule set (issue 18 item 10)', () => {
    const props = pkg.contributes.configuration.properties;
    expect(props['cyberdossier.locale']).toMatchObject({ type: 'string', default: 'auto', enum: ['auto', 'zh-CN', 'en'] });
    expect(props['cyberdossier.guideline']).toMatchObject({ type: 'string', default: 'auto' });
    expect(props['cyberdossier.guideline'].enum).toEqual(['auto', ...RULESETS.map((r) => r.id)]);
    for (const k of ['cyberdossier.locale', 'cyberdossier.guideline']) expect(props[k].markdownEnumDescriptions).toHaveLength(props[k].enum.length);
    // Titles read "CyberDossier: …" in both languages.
    expect(JSON.parse(read('package.nls.json')).category).toBe('CyberDossier');
    expect(JSON.parse(read('package.nls.zh-cn.json')).category).toBe('CyberDossier');
  });
  test('onboarding: icon (128×128 PNG), repository, walkthrough of ≥ 3 steps with bilingual markdown (issue 18 item 4)', () => {
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    expect(png.readUInt32BE(0)).toBe(0x89504e47);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
    expect(pkg.repository.url).toMatch(/^https:\/\/github\.com\/.+\.git$/);
    const [w] = pkg.contributes.walkthroughs;
    expect(w.steps.length).toBeGreaterThanOrEqual(3);
    for (const step of w.steps) {
      const md = read(step.media.markdown);
      expect(md, step.id).toMatch(/[\u4e00-\u9fff]/);
      expect(md, step.id).toMatch(/\*\*English\*\*/);
    }
    // The README still starts the way a new user needs: what it does, install, then the two commands.
    const readme = read('README.md');
    expect(readme.indexOf('code --install-extension')).toBeLessThan(readme.indexOf('npm install && npx cyberdossier check examples/nmpa-2017/monitor'));
    expect(readme).toContain('npm install && npx cyberdossier check examples/nmpa-2017/monitor\nnpm test\n');
  });
  test('walkthrough steps tick when done: completionEvents name real commands and views; each button’s command ticks its step (issue 18 item 4)', () => {
    const [w] = pkg.contributes.walkthroughs;
    const nls = JSON.parse(read('package.nls.json'));
    const nlsZh = JSON.parse(read('package.nls.zh-cn.json'));
    const ours = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
    // VS Code's own commands and views a step may name (the Problems panel).
    const builtinCommands = new Set(['workbench.actions.view.problems']);
    const views = new Set<string>([...Object.values(pkg.contributes.views as Record<string, { id: string }[]>).flat().map((v) => v.id), 'workbench.panel.markers.view']);
    const languages = new Set(['yaml', 'markdown']);
    expect(w.steps.map((s: { id: string }) => s.id)).toEqual(['create', 'facts', 'fix', 'export']);
    for (const step of w.steps as { id: string; description: string; completionEvents?: string[] }[]) {
      expect(step.completionEvents?.length, step.id).toBeGreaterThan(0);
      for (const e of step.completionEvents!) {
        const m = /^(onCommand|onView|onLanguage):(.+)$/.exec(e);
        expect(m, `${step.id}: ${e}`).not.toBeNull();
        const [, kind, id] = m!;
        if (kind === 'onCommand') expect(ours.has(id) || builtinCommands.has(id), `${step.id}: ${e}`).toBe(true);
        if (kind === 'onView') expect(views.has(id), `${step.id}: ${e}`).toBe(true);
        if (kind === 'onLanguage') expect(languages.has(id), `${step.id}: ${e}`).toBe(true);
      }
      // The buttons (command links) are the same in both languages, and pressing one ticks the step.
      const key = step.description.replace(/^%|%$/g, '');
      const links = (text: string) => [...text.matchAll(/\]\(command:([\w.]+)\)/g)].map((x) => x[1]);
      expect(links(nlsZh[key]), step.id).toEqual(links(nls[key]));
      for (const cmd of links(nls[key])) expect(step.completionEvents, `${step.id}: button ${cmd}`).toContain(`onCommand:${cmd}`);
    }
    // The steps: create with the new-document flow, fix in the Problems panel, export report or Word.
    const events = Object.fromEntries(w.steps.map((s: { id: string; completionEvents: string[] }) => [s.id, s.completionEvents]));
    expect(events.create).toContain('onCommand:cyberdossier.newDocument');
    expect(events.fix).toEqual(expect.arrayContaining(['onCommand:workbench.actions.view.problems', 'onView:workbench.panel.markers.view']));
    expect(events.export).toEqual(expect.arrayContaining(['onCommand:cyberdossier.exportReport', 'onCommand:cyberdossier.exportWord']));
  });
  test('the problem matcher parses the CLI’s text output', () => {
    const re = new RegExp(pkg.contributes.problemMatchers[0].pattern.regexp);
    const m = re.exec('dossier/description.md:42:1  error  缺少“完整性和可得性测试报告”（D3.7）章节：……  [missing-section D3.7]');
    expect(m?.slice(1)).toEqual(['dossier/description.md', '42', '1', 'error', '缺少“完整性和可得性测试报告”（D3.7）章节：……', 'missing-section']);
  });
});

describe('dossier.yaml schema for the editor', () => {
  const combined = JSON.parse(read('schemas/dossier.schema.json'));
  const resolve = (ref: string) => ref.slice(2).split('/').reduce((o: Record<string, unknown> | undefined, k) => o?.[k] as Record<string, unknown> | undefined, combined);
  test('the manifest validates dossier.yaml with the schema that dispatches on guideline', () => {
    expect(pkg.contributes.yamlValidation).toContainEqual({ fileMatch: 'dossier.yaml', url: './schemas/dossier.schema.json' });
  });
  test('self-contained: every $ref points inside it, none to a URL; each rule set is inlined whole', () => {
    const refs = [...JSON.stringify(combined).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(RULESETS.length);
    for (const r of refs) {
      expect(r.startsWith('#/'), r).toBe(true);
      expect(resolve(r), r).toBeTypeOf('object');
    }
    for (const rs of RULESETS) {
      const own = JSON.parse(read(`schemas/dossier.${rs.id}.schema.json`));
      expect(Object.keys(combined.definitions[rs.id].properties)).toEqual(Object.keys(own.properties));
    }
  });
  test('guideline: nmpa-2022 / fda-premarket-2025 select their facts; anything else the default', () => {
    let branch = combined;
    const picked: Record<string, string> = {};
    while (branch.if) {
      picked[branch.if.properties.guideline.const] = branch.then.$ref;
      branch = branch.else;
    }
    expect(picked).toEqual({ 'nmpa-2022': '#/definitions/nmpa-2022', 'fda-premarket-2025': '#/definitions/fda-premarket-2025' });
    expect(resolve(picked['fda-premarket-2025'])!.properties).toHaveProperty('cyber_device');
    expect(branch.$ref).toBe(`#/definitions/${RULESETS[0].id}`);
    expect(resolve(picked['nmpa-2022'])!.properties).toHaveProperty('software');
    expect(resolve(branch.$ref)!.properties).not.toHaveProperty('software');
  });
});

describe('snippets', () => {
  const snippets = JSON.parse(read('snippets/cyberdossier.code-snippets'));
  test('a skeleton per kind and language, a snippet per section, the standard tables', () => {
    for (const rs of RULESETS)
      for (const k of rs.kinds) {
        expect(Object.values(snippets).some((s) => (s as { prefix: string[] }).prefix.includes(`cd-${k.id}-zh`))).toBe(true);
        expect(Object.values(snippets).some((s) => (s as { prefix: string[] }).prefix.includes(`cd-${k.id}-en`))).toBe(true);
      }
    for (const t of ['ots', 'security-software', 'risk', 'traceability', 'patches', 'capabilities']) expect(JSON.stringify(snippets)).toContain(`cd-table-${t}`);
  });
  test.each(RULESETS.flatMap((rs) => rs.kinds.flatMap((k) => (['zh', 'en'] as const).map((lang) => [rs.id, k.id, lang] as const))))(
    '%s %s skeleton (%s) has every section: only placeholders are reported',
    (rsId, kindId, lang) => {
      const rs = RULESETS.find((r) => r.id === rsId)!;
      const kind = rs.kinds.find((k) => k.id === kindId)!;
      // The 2022 report kinds require the software safety level; every level-dependent section is in the skeleton.
      const level = rs.id === 'nmpa-2017' ? '' : 'software: { safety_level: major }\n';
      const facts = `submission: initial-registration\nupdates: [none]\nproduct: { name: 监护仪, class: II }\n${level}data: { types: [device] }\ninterfaces: { network: { wired: true, dedicated_wireless: true, protocols: [{ name: HL7, kind: standard }] } }\n`;
      // FDA: a cyber device with every connection the skeleton's templates can name; a
      // modification so that the H kind (and every K requirement) applies.
      const fda = `submission: ${kindId === 'modification-documentation' ? 'modification' : '510k'}\nproduct: { name: Infusion pump }\ncyber_device: { software: true, internet: true, vulnerable_characteristics: true }\nconnectivity: {}\nchange: { cybersecurity_impact: may-impact }\n`;
      const own = rs.id === 'fda-premarket-2025' ? fda : kindId === 'authenticity-statement' ? facts.replace('initial-registration', 'change') : facts.replace('updates: [none]\n', '');
      const text = skeleton(rs, kind, lang).replace('---\n\n', `${own}---\n\n`);
      const out = diag(text, { data: [] }).split('\n').filter(Boolean);
      const codes = new Set(out.map((l) => l.split(' ')[2]));
      codes.delete('placeholder');
      codes.delete('inconsistent-fact'); // HL7 is a made-up protocol name the template does not name
      codes.delete('wrong-document-kind');
      expect([...codes]).toEqual([]);
    },
  );
});

describe('injection grammar (real TextMate + Oniguruma)', async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const grammarJson = JSON.parse(read('syntaxes/cyberdossier.injection.tmLanguage.json'));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === 'test.markdown' ? textmate.parseRawGrammar(JSON.stringify({ scopeName: 'test.markdown', patterns: grammarJson.patterns, repository: grammarJson.repository }), 'g.json') : null),
  });
  const grammar = (await registry.loadGrammar('test.markdown'))!;
  const scopesOf = (line: string) => {
    const r = grammar.tokenizeLine(line, textmate.INITIAL);
    return r.tokens.filter((t) => t.scopes.length > 1).map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[1].split('.').slice(0, 2).join('.')]);
  };
  test('highlights placeholders, not-applicable answers, dossier IDs, capability codes and requirement IDs', () => {
    expect(scopesOf('测试结论：TODO，见 SR-001 与 TC-012；ALOF 不适用，理由：无。要求 D3.7 <产品名称>')).toEqual([
      ['TODO', 'invalid.illegal'],
      ['SR-001', 'constant.other'],
      ['TC-012', 'constant.other'],
      ['ALOF', 'support.constant'],
      ['不适用', 'keyword.other'],
      ['D3.7', 'entity.name'],
      ['<产品名称>', 'invalid.illegal'],
    ]);
    expect(scopesOf('todo-list, XXXL, SSR-001 and D3x are not tokens')).toEqual([]);
  });
});
