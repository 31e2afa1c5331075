// `cyberdossier import` and `cyberdossier export` as a user or a pipeline runs them: real
// processes, real files, exit codes, what is written and what is refused.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makePng } from './helpers';

const CLI = path.join(__dirname, '..', '..', 'bin', 'cyberdossier.js');
const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
let tmp: string;

function run(args: string[], cwd = tmp) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const files = (dir: string) => (fs.readdirSync(path.join(tmp, dir), { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-word-cli-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(path.join(EXAMPLES, 'nmpa-2017'), path.join(tmp, 'examples'), { recursive: true });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('cyberdossier export', () => {
  test('--help, and bad usage is exit 2', () => {
    const h = run(['export', '--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('Usage: cyberdossier export FILE.md|FOLDER --to docx');
    expect(run(['export', 'examples/monitor', '--to', 'pdf']).err).toContain('--to must be docx, not pdf');
    expect(run(['export', 'examples/monitor', '--to', 'pdf']).code).toBe(2);
    expect(run(['export']).code).toBe(2);
    expect(run(['export', 'nope/']).code).toBe(2);
    expect(run(['export', 'examples/monitor', '--output', 'x.md']).code).toBe(2);
  });

  test('a clean dossier folder: exit 0, the default file inside the folder, nothing else written', () => {
    const before = files('examples/monitor');
    const r = run(['export', 'examples/monitor', '--to', 'docx', '--locale', 'en']);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Exported 3 file\(s\) to examples\/monitor\/monitor\.docx \(\d+ ms\): examples\/monitor\/cybersecurity-description\.md, examples\/monitor\/technical-requirements\.md, examples\/monitor\/instructions-for-use\.md\n$/);
    expect(r.code).toBe(0);
    expect(files('examples/monitor')).toEqual([...before, 'monitor.docx'].sort());
  });

  test('a dossier with errors: refused with exit 1 and the first errors; --force writes with a loud warning', () => {
    const refused = run(['export', 'examples/monitor-with-mistakes', '--output', 'out/m.docx', '--locale', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^cyberdossier: not exported: the dossier has \d+ error\(s\) \(run cyberdossier check to see them all; --force exports anyway\)\. The first:\n {2}examples\/monitor-with-mistakes\/\S+:\d+:\d+ {2}.+ {2}\[[a-z-]+/);
    expect(fs.existsSync(path.join(tmp, 'out/m.docx'))).toBe(false);
    const zh = run(['export', 'examples/monitor-with-mistakes', '--output', 'out/m.docx']);
    expect(zh.err).toContain('未导出：档案有');
    const forced = run(['export', 'examples/monitor-with-mistakes', '--output', 'out/m.docx', '--force', '--locale', 'en']);
    expect(forced.code).toBe(0);
    expect(forced.err).toContain('WARNING: the dossier has');
    expect(forced.err).toContain('NOT ready for submission');
    expect(fs.existsSync(path.join(tmp, 'out/m.docx'))).toBe(true);
  });

  test('an image outside the dossier folder is not embedded: a warning names it', () => {
    fs.mkdirSync(path.join(tmp, 'img-dossier/fig'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'img-dossier/fig/arch.png'), makePng(200, 120));
    fs.writeFileSync(path.join(tmp, 'secret.png'), makePng(10, 10));
    fs.writeFileSync(
      path.join(tmp, 'img-dossier/doc.md'),
      '---\ndocument: technical-requirements\n---\n\n# 产品技术要求\n\n![架构](fig/arch.png)\n\n![外部](../secret.png)\n\n![缺失](fig/none.png)\n',
    );
    const r = run(['export', 'img-dossier/doc.md', '--force', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('img-dossier/doc.md:9: Image outside the dossier folder, not embedded: ../secret.png');
    expect(r.err).toContain('img-dossier/doc.md:11: Image not found: fig/none.png');
    expect(fs.existsSync(path.join(tmp, 'img-dossier/doc.docx'))).toBe(true);
  });
});

describe('cyberdossier import', () => {
  test('--help, bad usage and unreadable files are exit 2', () => {
    const h = run(['import', '--help']);
    expect([h.code, h.out.split('\n')[0]]).toEqual([0, 'Usage: cyberdossier import FILE.docx [--kind KIND] [--out FILE.md] [--force]']);
    expect(run(['import']).code).toBe(2);
    expect(run(['import', 'a.md']).err).toContain('not a .docx file: a.md');
    expect(run(['import', 'missing.docx']).code).toBe(2);
    fs.writeFileSync(path.join(tmp, 'fake.docx'), 'not a zip');
    const fake = run(['import', 'fake.docx', '--locale', 'en']);
    expect([fake.code, fake.err]).toEqual([2, 'cyberdossier: Not a Word document (.docx): it cannot be read as a ZIP package\n']);
    expect(run(['import', 'x.docx', '--kind', 'nonsense']).code).toBe(2);
  });

  test('writes the Markdown, images and report beside it, prints the report and the check; exit 1 on errors', () => {
    expect(run(['export', 'img-dossier/doc.md', '--output', 'in/doc.docx', '--force']).code).toBe(0);
    const r = run(['import', 'in/doc.docx', '--locale', 'en']);
    expect(r.out).toMatch(/^Wrote in\/doc\.md, 1 image\(s\) in in\/doc\.assets\/, import report in\/doc\.import-report\.md \(\d+ ms\)\n/);
    expect(r.out).toContain('Document kind: Product technical requirements (cybersecurity) (technical-requirements) (from the cover table; review)');
    expect(r.out).toContain('Check of the imported file:');
    expect(r.out).toMatch(/in\/doc\.md:1:1 {2}error {2}/);
    expect(r.code).toBe(1);
    expect(files('in')).toEqual(['doc.assets', 'doc.assets/image-1.png', 'doc.docx', 'doc.import-report.md', 'doc.md']);
    expect(fs.readFileSync(path.join(tmp, 'in/doc.md'), 'utf8')).toContain('![架构](doc.assets/image-1.png)');
    expect(fs.readFileSync(path.join(tmp, 'in/doc.import-report.md'), 'utf8')).toMatch(/^<!-- cyberdossier-disable-file -->\n\n# Import report: doc\.docx\n/);
  });

  test('never overwrites an existing .md without --force', () => {
    const md = path.join(tmp, 'in/doc.md');
    fs.writeFileSync(md, 'my edits\n');
    const again = run(['import', 'in/doc.docx']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在；使用 --force 覆盖');
    expect(fs.readFileSync(md, 'utf8')).toBe('my edits\n');
    const forced = run(['import', 'in/doc.docx', '--force', '--kind', 'technical-requirements', '--out', 'in/doc.md']);
    expect(forced.code).toBe(1);
    expect(forced.out).toContain('已写入 in/doc.md');
    expect(fs.readFileSync(md, 'utf8')).toContain('\ndocument: technical-requirements\n');
  });

  test('the round trip through both commands keeps the example’s sections and tables', () => {
    expect(run(['export', 'examples/monitor/cybersecurity-description.md', '--output', 'rt/d.docx']).code).toBe(0);
    run(['import', 'rt/d.docx', '--out', 'rt/d.md']);
    const body = (f: string) =>
      fs
        .readFileSync(path.join(tmp, f), 'utf8')
        .replace(/^---\n[\s\S]*?\n---\n/, '')
        .split('\n')
        .filter((l) => /^(#|\|)/.test(l))
        .join('\n');
    expect(body('rt/d.md')).toBe(body('examples/monitor/cybersecurity-description.md'));
  });
});
