// `cyberdossier report PATH --crosswalk OTHER` as a real process: usage errors exit 2 (the same
// CLI in-process), either order gives the same report, the formats and --output.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runInProcess } from './in-process';

const REPO = path.join(__dirname, '..', '..');
const CLI = path.join(REPO, 'bin', 'cyberdossier.js');
const EPOCH = '1714521600';
let tmp: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'report', ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Usage errors: the same CLI in-process (./in-process.ts). */
const usage = (args: string[]) => runInProcess(['report', ...args], tmp);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-crosswalk-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'crosswalk', 'gaps'), path.join(tmp, 'gaps'), { recursive: true });
  fs.cpSync(path.join(REPO, 'examples', 'nmpa-2017', 'monitor'), path.join(tmp, 'old'), { recursive: true });
  fs.cpSync(path.join(REPO, 'examples', 'crosswalk'), path.join(tmp, 'crosswalk'), { recursive: true });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('report --crosswalk', () => {
  test('Markdown on stdout, the same in either order', () => {
    const a = run(['gaps/nmpa-2022', '--crosswalk', 'gaps/fda-premarket-2025', '--locale', 'en']);
    const b = run(['gaps/fda-premarket-2025', '--crosswalk', 'gaps/nmpa-2022', '--locale', 'en']);
    expect(a.code).toBe(0);
    expect(a.err).toBe('');
    expect(a.out).toContain('| R2.5 | Maintenance plan | Missing | G (whole document) Missing | neither |');
    expect(b.out).toBe(a.out);
    const file = run(['gaps/nmpa-2022/cybersecurity-research-report.md', '--crosswalk', 'gaps/fda-premarket-2025/labeling.md', '--locale', 'en']);
    expect(file.out).toBe(a.out);
  });

  test('the example pair (examples/crosswalk/infusion-pump): both check clean, no gap, the NMPA-only rows explained', () => {
    for (const dir of ['crosswalk/infusion-pump/nmpa-2022', 'crosswalk/infusion-pump/fda-premarket-2025']) {
      const r = spawnSync(process.execPath, [CLI, 'check', dir, '--locale', 'en'], { cwd: tmp, encoding: 'utf8' });
      expect([r.status, r.stdout, r.stderr], dir).toEqual([0, expect.stringMatching(/^\d file\(s\) checked: 0 error\(s\), 0 warning\(s\), 0 info, 0 hint\(s\) — no problems\n$/), '']);
    }
    const a = run(['crosswalk/infusion-pump/nmpa-2022', '--crosswalk', 'crosswalk/infusion-pump/fda-premarket-2025', '--locale', 'en']);
    expect([a.code, a.err]).toEqual([0, '']);
    expect(a.out).toContain('\nboth 39, NMPA only 0, FDA only 0, neither 0, not required 0, no counterpart 7\n');
    expect(a.out).toContain('\n**Gaps**: none: every mapped requirement that either dossier needs is covered on both sides.\n');
    expect(a.out).toContain('| R2.3.3 | Security-software compatibility test report | Not required here | — | no counterpart | FDA asks for no compatibility test with security software;');
    expect(a.out).toContain('| R3.2 | Third-party vulnerability assessment report | Present | E4 Present; E7 Present | both |');
    expect(run(['crosswalk/infusion-pump/fda-premarket-2025', '--crosswalk', 'crosswalk/infusion-pump/nmpa-2022', '--locale', 'en']).out).toBe(a.out);
    const zh = run(['crosswalk/infusion-pump/nmpa-2022', '--crosswalk', 'crosswalk/infusion-pump/fda-premarket-2025', '--output', 'out/pump.html']);
    expect([zh.code, zh.out, zh.err]).toEqual([0, '', '']);
    const html = fs.readFileSync(path.join(tmp, 'out', 'pump.html'), 'utf8');
    expect(html).toContain('<b>缺口</b> 无：对照表中任一方要求的条目在两份资料中均已具备。');
    expect(html).not.toMatch(/https?:/);
  });

  test('formats and --output', () => {
    const csv = run(['gaps/nmpa-2022', '--crosswalk', 'gaps/fda-premarket-2025', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.out.startsWith('\uFEFF"表","NMPA ID"')).toBe(true);
    expect(csv.out).toContain('\r\n');
    const o = run(['gaps/nmpa-2022', '--crosswalk', 'gaps/fda-premarket-2025', '--output', 'out/x.html']);
    expect(o.code).toBe(0);
    expect(o.out).toBe('');
    const html = fs.readFileSync(path.join(tmp, 'out', 'x.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('两者均无');
    expect(html).not.toMatch(/https?:/);
  });

  test.each([
    [['gaps/nmpa-2022', '--crosswalk'], /--crosswalk/],
    [['--crosswalk', 'gaps/nmpa-2022'], /needs PATH and OTHER/],
    [['gaps/nmpa-2022', 'gaps/fda-premarket-2025', '--crosswalk', 'gaps/nmpa-2022'], /one PATH/],
    [['gaps/nmpa-2022', '--crosswalk', 'gaps/nmpa-2022'], /mapped pair of rule sets .*not nmpa-2022 and nmpa-2022/],
    [['old', '--crosswalk', 'gaps/fda-premarket-2025'], /not nmpa-2017 and fda-premarket-2025/],
    [['gaps/nmpa-2022', '--crosswalk', 'nowhere'], /cannot read nowhere/],
    [['gaps/nmpa-2022', '--crosswalk', 'gaps/fda-premarket-2025', '--format', 'pdf'], /--format must be/],
    [['gaps/nmpa-2022', '--crosswalk', 'gaps/fda-premarket-2025', '--table', 'trace'], /--table does not apply/],
    [['gaps/nmpa-2022', '--crosswalk', 'gaps/fda-premarket-2025', '--crosswalk', 'old'], /one OTHER/],
  ])('usage error %j exits 2', async (args, message) => {
    const r = await usage(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });
});
