// `cyberdossier sbom import` as a pipeline sees it: a real process (the bundle built by the global
// setup), real files, exit codes 0 / 1 / 2, stdout the table alone, messages on stderr. The usage
// and unreadable-input cases run the same CLI in-process (a spawn each would only add time).

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderOtsTable } from '../../server/src/sbom';
import { runInProcess } from '../cli/in-process';
import { bigCycloneDx, CDX, description, OTS_TABLE, SBOM_DIR, sbom } from './helpers';

const CLI = path.join(__dirname, '..', '..', 'bin', 'cyberdossier.js');
let tmp: string;

function run(args: string[], cwd = tmp) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Usage and unreadable input, where the process is not what is tested: in-process (../cli/in-process.ts). */
const usage = (args: string[], cwd = tmp) => runInProcess(args, cwd);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-sbom-'));
  fs.mkdirSync(path.join(tmp, '.git'));
  fs.cpSync(SBOM_DIR, path.join(tmp, 'sbom'), { recursive: true });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('cyberdossier sbom import', () => {
  test('exit 1 when components are flagged: stdout is the table, stderr says what was read and what to fix', () => {
    const r = run(['sbom', 'import', 'sbom/cyclonedx-1.4.json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe(renderOtsTable(sbom('cyclonedx-1.4.json').components, 'zh-CN'));
    expect(r.err.replace(/\(\d+ ms\)/, '(N ms)')).toMatchInlineSnapshot(`
      "CycloneDX 1.4 SBOM（PM-9000 中央监护软件 V2.1.0.3）：10 个现成软件组件，0 个补丁 (N ms)
        合并了 1 个重复组件（相同 purl 或名称与版本）
        未列入现成软件表格 1 项（不随产品运行（scope: excluded））：WiX Toolset 3.11.2
        未列入现成软件表格 1 项（不是软件）：Intel Ethernet Connection I219-LM rev 31
        8 个组件在 SBOM 中没有型号规格（cyberdossier:model 属性或 CPE 的版本/平台字段），已填入占位符 <型号规格>
      2 个组件需要补充（完整版本、供应商），填写后才能用于申报：
        ⚠ NLog 5.x：版本“5.x”不是完整版本
        ⚠ protobuf 3.21.12：没有供应商
      "
    `);
  });
  test('exit 0 when nothing is flagged; --locale en', () => {
    const clean = { bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components: [{ type: 'library', name: 'DCMTK', version: '3.6.8', supplier: { name: 'OFFIS e.V.' } }] };
    fs.writeFileSync(path.join(tmp, 'clean.json'), JSON.stringify(clean));
    const r = run(['sbom', 'import', 'clean.json', '--locale', 'en']);
    expect([r.code, r.out]).toEqual([0, '| Name | Model/spec | Full version | Vendor | Category |\n| --- | --- | --- | --- | --- |\n| DCMTK | \\<insert model\\> | 3.6.8 | OFFIS e.V. | Support software (library) |\n']);
  });
  test('--table patches: rows from the SBOM, or the empty template and a note', () => {
    const p = run(['sbom', 'import', 'sbom/cyclonedx-1.5.json', '--table=patches']);
    expect(p.code).toBe(0);
    expect(p.out).toContain('| CVE-2024-2511 | 3.0.13 | 2024-04-10 | OpenSSL 3.0.13 |\n');
    const t = run(['sbom', 'import', 'sbom/cyclonedx-1.6.json', '--table', 'patches', '--locale', 'en']);
    expect(t.code).toBe(0);
    expect(t.out).toBe('| Patch name | Full version | Release date | Applies to |\n| --- | --- | --- | --- |\n| \\<insert patch name or ID\\> | \\<insert full version\\> | \\<insert release date\\> | \\<insert software\\> |\n');
    expect(t.err).toContain('the SBOM carries no reliable patch information');
  });
  test('--format json: the normalised components, the flags and the table', () => {
    const r = run(['sbom', 'import', 'sbom/spdx-2.3.json', '--format', 'json', '--locale', 'en']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['version', 'file', 'markdown', 'table', 'template', 'format', 'specVersion', 'subject', 'components', 'patches', 'flagged', 'skipped', 'notes']);
    expect(j).toMatchObject({ version: 1, file: 'sbom/spdx-2.3.json', format: 'SPDX', specVersion: '2.3', table: 'ots' });
    expect(j.components).toHaveLength(8);
    expect(j.components[0]).toEqual({
      name: 'Debian GNU/Linux',
      version: '12.5',
      versionSource: 'version',
      vendor: 'Debian Project',
      vendorSource: 'supplier',
      model: 'amd64',
      modelSource: 'cpe',
      type: 'operating-system',
      category: { id: 'system', zh: '系统软件（操作系统）', en: 'System software (operating system)' },
      cpe: 'cpe:2.3:o:debian:debian_linux:12.5:*:*:*:*:*:amd64:*',
      licenses: [],
      ref: 'SPDXRef-debian',
      flags: [],
      path: 'packages[1]',
    });
    expect(j.flagged.map((f: { message: string }) => f.message)).toEqual(['log4j-core >=2.17.1: the version “>=2.17.1” is not a full version', 'zlib 1.3.1: no vendor']);
  });
  test('--output writes the file, never over an existing one without --force', () => {
    const first = run(['sbom', 'import', 'sbom/cyclonedx-1.6.json', '--output', 'out/ots.md']);
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/^已写入 out\/ots\.md：CycloneDX 1\.6 SBOM（PM-9000 嵌入式软件 V2\.1\.0\.3）：8 个现成软件组件，0 个补丁（\d+ ms）\n$/);
    expect(first.err).toContain('⚠ lwIP vers:generic/>=2.1.0|<2.2.0：版本“vers:generic/>=2.1.0|<2.2.0”不是完整版本');
    const written = fs.readFileSync(path.join(tmp, 'out/ots.md'), 'utf8');
    expect(written).toBe(renderOtsTable(sbom('cyclonedx-1.6.json').components, 'zh-CN'));
    fs.writeFileSync(path.join(tmp, 'out/ots.md'), '# 网络安全描述文档\n');
    const again = run(['sbom', 'import', 'sbom/cyclonedx-1.4.json', '--output', 'out/ots.md']);
    expect([again.code, again.err]).toEqual([2, 'cyberdossier sbom: out/ots.md 已存在：不会覆盖（使用 --force 覆盖，或把表格输出到标准输出后粘贴）\n']);
    expect(fs.readFileSync(path.join(tmp, 'out/ots.md'), 'utf8')).toBe('# 网络安全描述文档\n');
    expect(run(['sbom', 'import', 'sbom/cyclonedx-1.4.json', '--output', 'out/ots.md', '--force']).code).toBe(1);
    expect(fs.readFileSync(path.join(tmp, 'out/ots.md'), 'utf8')).toContain('| OpenSSL |');
  });
  test('the language of .cyberdossierrc.yaml applies', () => {
    const dir = path.join(tmp, 'en-project');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '.cyberdossierrc.yaml'), 'locale: en\n');
    const r = run(['sbom', 'import', '../sbom/cyclonedx-1.5.json'], dir);
    expect(r.out.split('\n')[0]).toBe('| Name | Model/spec | Full version | Vendor | Category |');
    expect(r.err).toContain('⚠ libusb >=1.0.26: the version “>=1.0.26” is not a full version');
  });
});

describe('exit 2: bad usage, unreadable, not a valid SBOM — a message, never a stack trace', () => {
  test('unreadable and invalid files', async () => {
    const missing = await usage(['sbom', 'import', 'nope.json', '--locale', 'en']);
    expect([missing.code, missing.out]).toEqual([2, '']);
    expect(missing.err).toBe(`cyberdossier sbom: nope.json: cannot read the SBOM file: ${path.join(tmp, 'nope.json')}\n`);
    const broken = await usage(['sbom', 'import', 'sbom/invalid/broken.json']);
    expect(broken.code).toBe(2);
    expect(broken.err).toBe('cyberdossier sbom: sbom/invalid/broken.json: 不是有效的 JSON（第 9 行第 1 列）\n');
    const fields = await usage(['sbom', 'import', 'sbom/invalid/cyclonedx-missing-fields.json', '--locale', 'en']);
    expect(fields.code).toBe(2);
    expect(fields.err.split('\n').slice(0, 3)).toEqual([
      'cyberdossier sbom: sbom/invalid/cyclonedx-missing-fields.json: the SBOM does not conform to CycloneDX 1.5 (8 problems)',
      '  version: must be at least 1',
      '  components[0].name: required field missing',
    ]);
    for (const f of ['invalid/not-an-sbom.json', 'invalid/cyclonedx-1.3.json', 'invalid/spdx-2.2.json', 'invalid/spdx-missing-fields.json', 'invalid/cyclonedx.xml']) {
      const r = await usage(['sbom', 'import', `sbom/${f}`]);
      expect(r.code, f).toBe(2);
      expect(r.out, f).toBe('');
      expect(r.err, f).not.toMatch(/\n\s+at /);
    }
  });
  test('usage', async () => {
    const none = await usage(['sbom']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^cyberdossier sbom: missing command: cyberdossier sbom import FILE\n\nUsage: cyberdossier sbom import FILE/);
    expect((await usage(['sbom', 'export', 'x.json'])).err).toMatch(/^cyberdossier sbom: unknown sbom command: export/);
    expect((await usage(['sbom', 'import'])).err).toMatch(/^cyberdossier sbom: missing FILE/);
    expect((await usage(['sbom', 'import', 'a.json', 'b.json'])).err).toMatch(/^cyberdossier sbom: sbom import takes one FILE, not 2/);
    expect((await usage(['sbom', 'import', 'a.json', '--format', 'xml'])).err).toMatch(/^cyberdossier sbom: --format must be md or json, not xml/);
    expect((await usage(['sbom', 'import', 'a.json', '--table', 'security'])).err).toMatch(/^cyberdossier sbom: --table must be ots or patches/);
    expect((await usage(['sbom', 'import', 'a.json', '--locale', 'fr'])).code).toBe(2);
    expect((await usage(['sbom', 'import', 'a.json', '--frobnicate'])).err).toMatch(/^cyberdossier sbom: unknown option: --frobnicate/);
    expect((await usage(['sbom', 'import', 'a.json', '--config', 'none.yaml'])).err).toBe('cyberdossier sbom: configuration file not found: none.yaml\n');
  });
  test('--help', async () => {
    for (const args of [['sbom', '--help'], ['sbom', 'import', '--help'], ['sbom', 'help']]) {
      const r = await usage(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toMatch(/^Usage: cyberdossier sbom import FILE/);
      expect(r.out).toContain('Exit status: 0 written, nothing flagged; 1 written, but entries are flagged');
    }
    expect((await usage(['--help'])).out).toContain('cyberdossier sbom import FILE');
  });
});

test('a 5 MB SBOM through the command line', () => {
  const file = path.join(tmp, 'big.json');
  fs.writeFileSync(file, bigCycloneDx(12_000));
  expect(fs.statSync(file).size).toBeGreaterThan(5_000_000);
  const t0 = performance.now();
  const r = run(['sbom', 'import', 'big.json', '--format', 'json']);
  const ms = performance.now() - t0;
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out).components).toHaveLength(10_800);
  expect(ms).toBeLessThan(10_000);
});

describe('cyberdossier check with an rc file that names the SBOM', () => {
  function dossier(name: string, table: string, rc = 'locale: en\nsbom: build/bom.cdx.json\n') {
    const dir = path.join(tmp, name);
    fs.mkdirSync(path.join(dir, 'build'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.cyberdossierrc.yaml'), rc);
    fs.writeFileSync(path.join(dir, 'build', 'bom.cdx.json'), CDX);
    fs.writeFileSync(path.join(dir, 'description.md'), description(table));
    return dir;
  }

  test('the table agrees: exit 0, nothing reported', () => {
    const r = run(['check', '.', '--format', 'json'], dossier('agree', OTS_TABLE));
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 0, hints: 0 });
  });

  test('a version that differs, as error by the rc file: exit 1 and the finding in --format json', () => {
    const dir = dossier('differs', OTS_TABLE.replace('| 3.0.13 |', '| 3.0.11 |'), 'locale: en\nsbom: build/bom.cdx.json\nrules:\n  inconsistent-fact: error\n');
    const r = run(['check', '--format', 'json'], dir);
    expect(r.code, r.err).toBe(1);
    const out = JSON.parse(r.out);
    expect(out.files.map((f: { path: string }) => f.path)).toEqual(['description.md']);
    expect(out.files[0].diagnostics).toEqual([
      {
        code: 'inconsistent-fact',
        requirement: 'D1.6',
        clause: '四(二)1(6)',
        severity: 'error',
        message: 'The full version of “OpenSSL” is “3.0.11” in the “1.6 现成软件” (D1.6) table but “3.0.13” in the SBOM (bom.cdx.json): both must name the same build (四(二)1(6))',
        range: { start: { line: 70, character: 18 }, end: { line: 70, character: 24 } },
        data: expect.objectContaining({ mismatch: 'version-differs', tableVersion: '3.0.11', sbomVersion: '3.0.13', sbom: ['bom.cdx.json'] }),
      },
    ]);
  });

  test('a missing SBOM: config-invalid on the rc file (exit 1), not a crash (exit 2)', () => {
    const dir = dossier('missing', OTS_TABLE, 'locale: en\nsbom: build/none.json\n');
    const r = run(['check', '.'], dir);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toBe('');
    expect(r.out.split('\n')[0]).toBe(
      '.cyberdossierrc.yaml:2:7  error  The SBOM build/none.json named by sbom cannot be used: there is no such file. The off-the-shelf software list was not compared with it  [config-invalid]',
    );
  });
});

