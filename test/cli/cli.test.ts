// The CLI as a pipeline sees it: a real process, real files, exit codes, JSON and SARIF shapes.
// Usage errors, --help and --version run the same CLI in-process (./in-process.ts).

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runInProcess } from './in-process';

const CLI = path.join(__dirname, '..', '..', 'bin', 'cyberdossier.js');
const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
let tmp: string;

function run(args: string[], cwd = tmp) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
/** Usage errors, --help and --version: the same CLI in-process (./in-process.ts); the spawned cases prove the process's exit status. */
const usage = (args: string[], cwd = tmp) => runInProcess(args, cwd);
function write(rel: string, text: string): string {
  const p = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-cli-'));
  fs.mkdirSync(path.join(tmp, '.git')); // a repository root: dossier.yaml search stops here
  fs.cpSync(path.join(EXAMPLES, 'nmpa-2017'), path.join(tmp, 'examples'), { recursive: true });
  fs.cpSync(path.join(EXAMPLES, 'nmpa-2022'), path.join(tmp, 'examples-2022'), { recursive: true });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('exit codes', () => {
  test('0 on the clean example dossier, text summary', () => {
    const r = run(['check', 'examples/monitor', '--locale', 'en']);
    expect(r.err).toBe('');
    expect(r.out).toBe('3 file(s) checked: 0 error(s), 0 warning(s), 0 info, 0 hint(s) — no problems\n');
    expect(r.code).toBe(0);
  });
  test('0 and no finding at all on the complete 2022 example dossier', () => {
    const r = run(['check', 'examples-2022/monitor', '--locale', 'en']);
    expect(r.err).toBe('');
    expect(r.out).toBe('3 file(s) checked: 0 error(s), 0 warning(s), 0 info, 0 hint(s) — no problems\n');
    expect(r.code).toBe(0);
  });
  test('1 when there is an error; warnings alone are 0 unless --max-warnings', () => {
    expect(run(['check', 'examples/monitor-with-mistakes']).code).toBe(1);
    const w = write('w/doc.md', fs.readFileSync(path.join(tmp, 'examples/monitor/technical-requirements.md'), 'utf8').replace('---\n\n#', 'submission: initial-registration\nproduct: { name: 监护仪, class: II, software_version: V2 }\ndata: { types: [device] }\ninterfaces: { network: { wired: true, protocols: [{ name: HL7 v2.6, kind: standard }, { name: PMX 维护协议 v1.2, kind: custom }] }, storage_media: { types: [usb], formats: [{ name: PDF/A-1b, kind: standard }] } }\n---\n\n#'));
    const rel = path.relative(tmp, w);
    expect(run(['check', rel, '--format', 'json']).code).toBe(0);
    expect(run(['check', rel, '--max-warnings', '1']).code).toBe(0);
    const over = run(['check', rel, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.err).toContain('exceed --max-warnings 0');
  });
  test('2 for bad usage, a missing --config file, an unreadable path — results for readable paths still printed', async () => {
    expect((await usage(['check', '--frobnicate'])).code).toBe(2);
    expect((await usage(['check', '--format', 'xml'])).err).toContain('--format must be text, json or sarif');
    const missing = await usage(['check', 'examples/monitor', '--config', 'nope.yaml']);
    expect([missing.code, missing.err]).toEqual([2, 'cyberdossier: configuration file not found: nope.yaml\n']);
    const mixed = await usage(['check', 'examples/monitor-with-mistakes/patch.md', 'does-not-exist.md', '--format', 'json']);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('does-not-exist.md');
    // dossier.yaml is listed too: its own findings (a version that is not full) concern every file.
    expect(JSON.parse(mixed.out).files.map((f: { path: string }) => f.path)).toEqual(['examples/monitor-with-mistakes/dossier.yaml', 'examples/monitor-with-mistakes/patch.md']);
    expect(mixed.err).not.toMatch(/\n\s+at /); // never a stack trace
  });
  test('--help and --version', async () => {
    expect((await usage(['--help'])).out).toContain('Usage: cyberdossier check');
    expect((await usage(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('json', () => {
  test('exactly the contract’s shape, paths relative with /, files sorted', () => {
    const r = run(['check', 'examples/monitor-with-mistakes', '--format', 'json', '--locale', 'en']);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['version', 'files', 'summary']);
    expect(j.version).toBe(1);
    expect(Object.keys(j.summary)).toEqual(['files', 'errors', 'warnings', 'infos', 'hints']);
    const paths = j.files.map((f: { path: string }) => f.path);
    expect(paths).toEqual([...paths].sort());
    for (const f of j.files) {
      expect(Object.keys(f)).toEqual(['path', 'document', 'diagnostics']);
      expect(f.path).not.toContain('\\');
      for (const d of f.diagnostics) {
        expect(Object.keys(d)).toEqual(['code', 'requirement', 'clause', 'severity', 'message', 'range', 'data']);
        expect(['error', 'warning', 'info', 'hint']).toContain(d.severity);
        expect(d.range.start).toEqual({ line: expect.any(Number), character: expect.any(Number) });
        expect(d.data).not.toHaveProperty('requirement');
      }
    }
    const yaml = j.files.find((f: { path: string }) => f.path.endsWith('dossier.yaml'));
    expect(yaml.document).toBeNull();
    expect(yaml.diagnostics.map((d: { code: string }) => d.code)).toContain('missing-document');
    expect(j.summary.errors).toBe(j.files.flatMap((f: { diagnostics: { severity: string }[] }) => f.diagnostics).filter((d: { severity: string }) => d.severity === 'error').length);
  });
  test('a non-dossier Markdown file named explicitly is listed with no diagnostics; walked ones are not listed', () => {
    write('notes/readme.md', '# 说明\n\nTODO\n');
    const named = JSON.parse(run(['check', 'notes/readme.md', '--format', 'json']).out);
    expect(named.files).toEqual([{ path: 'notes/readme.md', document: null, diagnostics: [] }]);
    const walked = JSON.parse(run(['check', 'notes', '--format', 'json']).out);
    expect(walked.files).toEqual([]);
  });
  test('--output writes the report to a file; --locale switches the language', () => {
    const r = run(['check', 'examples/monitor-with-mistakes/patch.md', '--format', 'json', '--output', 'out/report.json', '--locale', 'zh-CN']);
    expect(r.out).toBe('');
    const j = JSON.parse(fs.readFileSync(path.join(tmp, 'out/report.json'), 'utf8'));
    expect(j.files[0].diagnostics[0].message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('sarif', () => {
  test('SARIF 2.1.0: one run, every code as a rule with a help URI, 1-based regions', () => {
    const r = run(['check', 'examples/monitor-with-mistakes', '--format', 'sarif']);
    const s = JSON.parse(r.out);
    expect(s.version).toBe('2.1.0');
    expect(s.runs).toHaveLength(1);
    const rules = s.runs[0].tool.driver.rules;
    expect(rules.map((x: { id: string }) => x.id)).toContain('missing-section');
    for (const rule of rules) {
      expect(rule.helpUri).toMatch(new RegExp(`docs/rules/${rule.id}\\.md$`));
      expect(fs.existsSync(new URL(rule.helpUri))).toBe(true);
    }
    const results = s.runs[0].results;
    expect(results.length).toBeGreaterThan(0);
    const json = JSON.parse(run(['check', 'examples/monitor-with-mistakes', '--format', 'json']).out);
    const first = json.files.find((f: { diagnostics: unknown[] }) => f.diagnostics.length);
    const res = results.find((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri === encodeURI(first.path));
    expect(res.locations[0].physicalLocation.region.startLine).toBe(first.diagnostics[0].range.start.line + 1);
    for (const x of results) {
      expect(['error', 'warning', 'note']).toContain(x.level);
      expect(rules[x.ruleIndex].id).toBe(x.ruleId);
      expect(x.message.text.length).toBeGreaterThan(0);
    }
  });
});

describe('configuration and baseline', () => {
  test('--config replaces discovery; invalid content is config-invalid, not exit 2', () => {
    write('cfg/strict.yaml', 'rules:\n  placeholder: error\n  version-not-full: off\n  colour: red\n');
    const r = run(['check', 'examples/monitor-with-mistakes/patch.md', '--config', 'cfg/strict.yaml', '--format', 'json']);
    const j = JSON.parse(r.out);
    expect(r.code).toBe(1);
    const cfg = j.files.find((f: { path: string }) => f.path === 'cfg/strict.yaml');
    expect(cfg.diagnostics.map((d: { code: string; range: { start: { line: number } } }) => [d.code, d.range.start.line])).toEqual([['config-invalid', 3]]);
    const codes = j.files.flatMap((f: { diagnostics: { code: string; severity: string }[] }) => f.diagnostics);
    expect(codes.some((d: { code: string }) => d.code === 'version-not-full')).toBe(false);
    expect(codes.filter((d: { code: string }) => d.code === 'placeholder').every((d: { severity: string }) => d.severity === 'error')).toBe(true);
  });
  test('a baseline hides recorded findings, matched by the text of the line, not its number', () => {
    fs.cpSync(path.join(tmp, 'examples/monitor-with-mistakes'), path.join(tmp, 'b'), { recursive: true });
    const upd = run(['check', 'b', '--baseline', 'b/.baseline.json', '--update-baseline']);
    expect(upd.code).toBe(0);
    expect(run(['check', 'b', '--baseline', 'b/.baseline.json']).code).toBe(0);
    // Insert lines above every finding: still hidden.
    const p = path.join(tmp, 'b/description.md');
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(/\n---\n/, '\n---\n\n<!-- 修订记录：2024-04-02 -->\n\n'));
    expect(run(['check', 'b', '--baseline', 'b/.baseline.json']).code).toBe(0);
    // A new finding is reported.
    fs.appendFileSync(p, '\n结论：TODO\n');
    const after = JSON.parse(run(['check', 'b', '--baseline', 'b/.baseline.json', '--format', 'json']).out);
    expect(after.files.flatMap((f: { diagnostics: { code: string }[] }) => f.diagnostics.map((d) => d.code))).toEqual(['placeholder']);
  });
});
