// *Migrate this dossier to NMPA 2022* (issue 6 part 3): each step on the fixtures of
// test/fixtures/migrate (frontmatter, headings, moves, templates), the whole pipeline, and the
// project's own 2017 example migrated on disk and checked under 2022 — where only the inserted
// templates' placeholders and the plan's named manual items may remain.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine, type FileReport } from '../../server/src/engine/engine';
import { nodeHost } from '../../server/src/engine/host';
import { ChunkCache } from '../../server/src/engine/model';
import { LineIndex, stripNumbering } from '../../server/src/engine/text';
import { viewOf } from '../../server/src/features/view';
import {
  applyEdits,
  manualSummary,
  migrationActions,
  planMigration,
  resolveMigrationAction,
  MIGRATE_COMMAND,
  MIGRATE_KIND,
  type MigrationEdit,
  type MigrationPlan,
} from '../../server/src/features/migrate';
import { composePipeline, disjoint, toOffsets } from '../../server/src/features/migrate/edits';
import { memHost, ROOT } from '../helpers';
import { fixture } from '../fixtures';

const RC = "dossierGlobs: ['**/*.md']\n";
const FILE = path.join(ROOT, 'doc.md');

function engineFor(files: Record<string, string>): Engine {
  return new Engine({ host: memHost({ '.cyberdossierrc.yaml': RC, ...files }), chunkCache: new ChunkCache() });
}

function plan(text: string, opts: { pipeline?: boolean; locale?: 'en' | 'zh-CN' } = {}): MigrationPlan {
  const p = planMigration(engineFor({ 'doc.md': text }), FILE, opts);
  if (!p) throw new Error('no plan');
  return p;
}

const mine = (p: MigrationPlan) => p.files.find((f) => f.path === FILE)!;

/** Heading lines only (the outline a reviewer reads). */
function outline(text: string): string {
  let fence = false;
  let fm = text.startsWith('---');
  return text
    .split(/\r\n|\r|\n/)
    .filter((l, i) => {
      if (fm) {
        if (i > 0 && l === '---') fm = false;
        return false;
      }
      if (/^(```|~~~)/.test(l)) fence = !fence;
      return !fence && /^#{1,6} /.test(l);
    })
    .join('\n');
}

function frontmatter(text: string): string {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return m ? m[1] : '';
}

function sortedDisjoint(text: string, edits: MigrationEdit[]): boolean {
  const o = toOffsets(new LineIndex(text), edits);
  for (let i = 1; i < o.length; i++) if (o[i].start < o[i - 1].end || (o[i].start === o[i - 1].start && o[i - 1].end > o[i - 1].start)) return false;
  return disjoint(o);
}

/** Runs the steps one at a time, each planned on the text the previous ones produced. */
function stepwise(text: string): { after: Record<string, string>; waited: string[] } {
  const after: Record<string, string> = {};
  const waited: string[] = [];
  let t = text;
  for (const step of ['frontmatter', 'headings', 'moves', 'templates'] as const) {
    const first = mine(plan(t)).steps;
    // A step that builds on a pending one waits (undefined) — until that one is applied.
    for (const s of ['moves', 'templates'] as const) if (first[s] === undefined && !waited.includes(s)) waited.push(s);
    const e = first[step];
    if (e === undefined) throw new Error(`${step} still waits`);
    expect(sortedDisjoint(t, e), `${step} edits sorted, disjoint`).toBe(true);
    t = applyEdits(t, e);
    after[step] = t;
  }
  return { after, waited };
}

describe('step 1: frontmatter', () => {
  test('a research report: guideline, document kind, health → sensitive-medical, placeholders for the facts only the user knows; comments and order kept', () => {
    const text = fixture('migrate/description-all-rows.md');
    const f = mine(plan(text, { pipeline: false }));
    expect(f.from).toBe('cybersecurity-description');
    expect(f.to).toBe('cybersecurity-research-report');
    expect(frontmatter(applyEdits(text, f.steps.frontmatter))).toMatchInlineSnapshot(`
      "document: cybersecurity-research-report # 网络安全描述文档
      guideline: nmpa-2022
      submission: initial-registration
      product:
        name: 测试监护仪
        model: TM-1
        class: II
        software_version: V1.0.0.1
      software:
        safety_level: <待确认：minor 轻微 | moderate 中等 | major 严重>
      data:
        types: [sensitive-medical, device] # 健康数据与设备数据
      functions:
        exchange: bidirectional
        remote_control: realtime
        user_access: <待确认：true | false>
      uses: [clinical]
      interfaces:
        network:
          wired: true
          wireless: true
          dedicated_wireless: true
          protocols:
            - { name: HL7 v2.6, kind: standard }
            - { name: TMP 私有协议 v1, kind: custom }
      security_software: true"
    `);
    // Only the frontmatter is touched by this step.
    expect(applyEdits(text, f.steps.frontmatter).split('\n---\n')[1]).toBe(text.split('\n---\n')[1]);
  });

  test('a patch description (change, minor): update_content [patch], block list item replaced in place', () => {
    const text = fixture('migrate/patch-description.md');
    const p = plan(text, { pipeline: false });
    expect(frontmatter(applyEdits(text, mine(p).steps.frontmatter))).toMatchInlineSnapshot(`
      "document: cybersecurity-patch-update-report
      guideline: nmpa-2022
      submission: change
      updates: [minor]   # 轻微网络安全更新
      update_content: [patch]
      product:
        name: 测试监护仪
        class: II
        software_version: V1.0.1.2
      software:
        safety_level: <待确认：minor 轻微 | moderate 中等 | major 严重>
      data:
        types:
          - sensitive-medical   # 健康数据
          - device
      functions:
        exchange: unidirectional
        user_access: <待确认：true | false>"
    `);
    expect(p.manual.map((m) => m.key)).toContain('frontmatter.update_content');
  });

  test('flow mappings and a zh kind alias: the zh health alias becomes the zh 2022 alias; no report facts for an IFU', () => {
    const text = fixture('migrate/instructions-for-use.md');
    expect(frontmatter(applyEdits(text, mine(plan(text, { pipeline: false })).steps.frontmatter))).toMatchInlineSnapshot(`
      "document: 说明书
      guideline: nmpa-2022
      submission: initial-registration
      product: { name: 测试监护仪, class: II, software_version: V1.0.0.1 }
      data: { types: [敏感医疗数据] }
      functions: { exchange: unidirectional }"
    `);
  });

  test('guideline: nmpa-2017 is replaced, not duplicated; an authenticity statement of a change gets update_content', () => {
    const tr = fixture('migrate/technical-requirements.md');
    expect(frontmatter(applyEdits(tr, mine(plan(tr, { pipeline: false })).steps.frontmatter)).match(/guideline/g)).toHaveLength(1);
    const a = fixture('migrate/authenticity-statement.md');
    expect(frontmatter(applyEdits(a, mine(plan(a, { pipeline: false })).steps.frontmatter))).toContain('updates: [none]\nupdate_content: [none]\n');
  });
});

describe('steps 2–4 on the full 2017 description', () => {
  const text = fixture('migrate/description-all-rows.md');
  let run: ReturnType<typeof stepwise>;
  beforeAll(() => {
    run = stepwise(text);
  });

  test('moves and templates wait for the headings step', () => {
    expect(run.waited).toEqual(['moves', 'templates']);
  });

  test('headings: renames in place and new parents wrap what stays in order; no text moves yet', () => {
    expect(outline(run.after.headings)).toMatchInlineSnapshot(`
      "# 测试监护仪 网络安全描述文档
      ## 1 基本信息
      ### 1.2 数据架构
      #### 1.2.2 数据情况
      ##### 1.2.2.1 类型
      ##### 1.2.2.2 功能
      ##### 1.2.2.3 用途
      #### 1.2.3 电子接口情况
      ##### 1.2.3.1 无线电管理符合性
      ### 1.5 安全软件
      ### 1.6 现成软件
      ## 2 风险管理
      ### 2.1 风险分析报告
      ### 2.2 风险管理报告
      ## 2 实现过程
      ### 2.3 验证与确认
      #### 2.3.1 网络安全测试计划
      #### 2.3.2 网络安全测试报告
      #### 2.3.3 可追溯性分析报告
      #### 2.3.3 安全软件兼容性测试报告
      #### 2.3.4 真实性声明
      #### 2.3.5 完整性测试总结报告
      #### 2.3.6 完整性和可得性测试报告
      ### 2.5 维护计划
      #### 2.5.1 网络安全更新
      ##### 2.5.1.1 更新确认
      ##### 2.5.1.2 用户告知
      #### 2.5.3 软件版本命名规则
      ## 5 网络安全能力"
    `);
    // Nothing but heading lines and inserted skeleton headings changed: bodies in the same order.
    const bodies = (t: string) => t.split('\n').filter((l) => l && !/^#/.test(l) && !frontmatter(t).includes(l));
    expect(bodies(run.after.headings)).toEqual(bodies(run.after.frontmatter));
  });

  test('moves: each section with its subtree under its new parent, offered one by one', () => {
    const p = plan(run.after.headings);
    expect(mine(p).moves.map((m) => `${m.heading} → ${m.under || '(top)'} ${m.requirement ?? ''}`)).toMatchInlineSnapshot(`
      [
        "1.2.3.1 无线电管理符合性 → 2.3 验证与确认 R2.3.7",
        "2 风险管理 → 2 实现过程 R2.1",
        "2.3.3 可追溯性分析报告 → 2 实现过程 R2.4",
        "5 网络安全能力 → 1 基本信息 R1.3",
      ]
    `);
    // Each move applies on its own.
    for (const m of mine(p).moves) expect(() => applyEdits(run.after.headings, m.edits)).not.toThrow();
    expect(outline(run.after.moves)).toMatchInlineSnapshot(`
      "# 测试监护仪 网络安全描述文档
      ## 1 基本信息
      ### 1.2 数据架构
      #### 1.2.2 数据情况
      ##### 1.2.2.1 类型
      ##### 1.2.2.2 功能
      ##### 1.2.2.3 用途
      #### 1.2.3 电子接口情况
      ### 1.3 网络安全能力
      ### 1.5 安全软件
      ### 1.6 现成软件
      ## 2 实现过程
      ### 2.1 风险管理
      #### 2.1.1 风险分析报告
      #### 2.1.2 风险管理报告
      ### 2.3 验证与确认
      #### 2.3.1 网络安全测试计划
      #### 2.3.2 网络安全测试报告
      #### 2.3.3 安全软件兼容性测试报告
      #### 2.3.4 真实性声明
      #### 2.3.5 完整性测试总结报告
      #### 2.3.6 完整性和可得性测试报告
      #### 2.3.7 无线电管理符合性
      ### 2.4 可追溯性分析报告
      ### 2.5 维护计划
      #### 2.5.1 网络安全更新
      ##### 2.5.1.1 更新确认
      ##### 2.5.1.2 用户告知
      #### 2.5.3 软件版本命名规则"
    `);
  });

  test('templates: the newly required sections and capability rows, as the quick fixes insert them', () => {
    expect(outline(run.after.templates)).toMatchInlineSnapshot(`
      "# 测试监护仪 网络安全描述文档
      ## 1 基本信息
      ### 1.1 软件信息
      ### 1.2 数据架构
      #### 1.2.1 网络环境和数据流图
      #### 1.2.2 数据情况
      ##### 1.2.2.1 类型
      ##### 1.2.2.2 功能
      ##### 1.2.2.3 用途
      #### 1.2.3 电子接口情况
      ### 1.3 网络安全能力
      ### 1.4 网络安全补丁
      ### 1.5 安全软件
      ### 1.6 现成软件
      ## 2 实现过程
      ### 2.1 风险管理
      #### 2.1.1 风险分析报告
      #### 2.1.2 风险管理报告
      ### 2.2 需求规范
      ### 2.3 验证与确认
      #### 2.3.1 网络安全测试计划
      #### 2.3.2 网络安全测试报告
      #### 2.3.3 安全软件兼容性测试报告
      #### 2.3.4 真实性声明
      #### 2.3.5 完整性测试总结报告
      #### 2.3.6 完整性和可得性测试报告
      #### 2.3.7 无线电管理符合性
      ### 2.4 可追溯性分析报告
      ### 2.5 维护计划
      #### 2.5.1 网络安全更新
      ##### 2.5.1.1 更新确认
      ##### 2.5.1.2 用户告知
      #### 2.5.3 软件版本命名规则
      ## 3 漏洞评估
      ## 4 结论"
    `);
    expect(run.after.templates).toContain('- RMOT 远程访问与控制：<适用及实现方式，或不适用及理由>');
  });

  test('the steps one by one give the composed plan; the result plans no edit', () => {
    const p = plan(text);
    expect(mine(p).result).toBe(run.after.templates);
    expect(applyEdits(text, mine(p).all)).toBe(mine(p).result);
    expect(sortedDisjoint(text, mine(p).all)).toBe(true);
    expect(mine(plan(mine(p).result)).all).toEqual([]);
  });
});

describe('the other kinds', () => {
  test.each(['patch-description', 'instructions-for-use', 'technical-requirements', 'authenticity-statement'])('%s: step by step equals the plan, and is idempotent', (name) => {
    const text = fixture(`migrate/${name}.md`);
    const { after } = stepwise(text);
    const p = plan(text);
    expect(mine(p).result).toBe(after.templates);
    expect(mine(plan(after.templates)).all).toEqual([]);
  });

  test('patch description: renames, new U3 / U6 parents in catalogue order, new sections numbered in reading order', () => {
    expect(outline(mine(plan(fixture('migrate/patch-description.md'))).result)).toMatchInlineSnapshot(`
      "# 常规安全补丁描述文档
      ## 1 软件信息
      ## 2 网络安全补丁
      ## 3 风险管理
      ### 3.1 风险分析报告
      ### 3.2 风险管理报告
      ## 4 验证与确认
      ### 4.1 网络安全测试计划
      ### 4.2 网络安全测试报告
      ## 5 可追溯性分析
      ## 6 维护计划
      ### 6.1 用户告知计划
      ## 7 漏洞评估
      ## 8 结论"
    `);
  });

  test('instructions for use: renames in place; new sections after the last sibling when the document orders them unlike the catalogue', () => {
    expect(outline(mine(plan(fixture('migrate/instructions-for-use.md'))).result)).toMatchInlineSnapshot(`
      "# 使用说明书（网络安全部分）
      ## 9.1 运行环境
      ### 9.1.1 硬件配置
      ### 9.1.2 外部软件环境
      ### 9.1.3 网络环境
      ## 9.2 安全软件兼容性列表
      ## 9.3 电子接口
      ## 9.4 用户访问控制机制
      ## 9.5 外部软件环境与安全软件更新
      ## 9.6 现成软件清单
      ## 9.7 网络安全特征配置
      ## 9.8 数据备份与灾难恢复"
    `);
  });

  test('technical requirements: T1 / T2 kept (no 2022 requirement), N1 › N1.1 inserted', () => {
    expect(outline(mine(plan(fixture('migrate/technical-requirements.md'))).result)).toMatchInlineSnapshot(`
      "# 产品技术要求（网络安全部分）
      ## 1 数据接口
      ### 1.1 传输协议
      ## 2 用户访问控制
      ### 2.1 用户身份鉴别方法
      ### 2.2 用户类型及权限
      ## 3 产品型号/规格及其划分说明
      ### 3.1 软件版本命名规则"
    `);
  });

  test('authenticity statement: frontmatter only; the legal-responsibility item is manual', () => {
    const p = plan(fixture('migrate/authenticity-statement.md'));
    expect(mine(p).steps.headings).toEqual([]);
    expect(p.manual.map((m) => m.key)).toEqual(['S1']);
  });

  test('English headings get English 2022 titles', () => {
    const text = '---\ndocument: patch-description\nsubmission: change\nupdates: [minor]\n---\n\n# XY-1 monitor: routine security patch\n\n## 1 Patch description\n\nA.\n\n## 2 Impact analysis\n\nB.\n\n## 3 User notification plan\n\nC.\n\n## 4 Test plan and report\n\nD.\n\n## 5 New known residual defects\n\nE.\n';
    expect(outline(mine(plan(text, { locale: 'en' })).result)).toMatchInlineSnapshot(`
      "# XY-1 monitor: routine security patch
      ## 1 Software information
      ## 2 Cybersecurity patches
      ## 3 Risk management
      ### 3.1 Risk analysis report
      ### 3.2 Risk management report
      ## 4 Verification and validation
      ### 4.1 Cybersecurity test plan
      ### 4.2 Cybersecurity test report
      ## 5 Traceability analysis
      ## 6 Maintenance plan
      ### 6.1 User notification plan
      ## 7 Vulnerability assessment
      ## 8 Conclusion"
    `);
  });

  test('CRLF line ends are kept', () => {
    const text = fixture('migrate/patch-description.md').replace(/\n/g, '\r\n');
    const r = mine(plan(text)).result;
    expect(r.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test('a native 2022 document plans nothing and gets no migrate offer', () => {
    const text = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'nmpa-2022', 'monitor', 'technical-requirements.md'), 'utf8');
    const yaml = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'nmpa-2022', 'monitor', 'dossier.yaml'), 'utf8');
    const engine = engineFor({ 'doc.md': text, 'dossier.yaml': yaml });
    engine.check({ files: [FILE], members: true });
    const p = planMigration(engine, FILE);
    expect(p?.files.every((f) => f.all.length === 0) ?? true).toBe(true);
    const ctx = { engine, uri: 'file:///ws/doc.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, locale: 'en' as const, toUri: (f: string) => `file://${f}` };
    expect(migrationActions(viewOf(engine, FILE), ctx)).toEqual([]);
  });
});

describe('code actions (pure)', () => {
  const text = fixture('migrate/description-all-rows.md');
  const setup = () => {
    const engine = engineFor({ 'doc.md': text });
    engine.check({ files: [FILE], members: true });
    return { engine, view: viewOf(engine, FILE) };
  };
  const ctx = (engine: Engine, line: number, extra: object = {}) => ({
    engine,
    uri: 'file:///ws/doc.md',
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    locale: 'en' as const,
    toUri: (f: string) => `file://${f}`,
    ...extra,
  });

  test('anywhere: the source action, lazily resolved; the steps only as source actions when asked for', () => {
    const { engine, view } = setup();
    const body = migrationActions(view, ctx(engine, 30));
    expect(body.map((a) => a.kind)).toEqual([MIGRATE_KIND]);
    expect(body[0].edit).toBeUndefined();
    const resolved = resolveMigrationAction(engine, body[0], (u) => u.replace('file://', ''), (f) => `file://${f}`, 'en');
    expect(applyEdits(text, resolved.edit!.changes['file:///ws/doc.md'])).toBe(mine(plan(text)).result);
    // The quick-fix list (no `only`) on the `document:` line: the dossier action once, no step.
    const onDocument = migrationActions(view, ctx(engine, 1));
    expect(onDocument.map((a) => a.kind)).toEqual([MIGRATE_KIND]);
    const source = migrationActions(view, ctx(engine, 30, { only: ['source'] }));
    expect(source.map((a) => a.kind)).toEqual([MIGRATE_KIND, 'source.migrateSteps.nmpa2022.frontmatter', 'source.migrateSteps.nmpa2022.headings']);
  });

  test('with the client command, the dossier action is the command', () => {
    const { engine, view } = setup();
    const [a] = migrationActions(view, ctx(engine, 30, { command: true, only: [MIGRATE_KIND] }));
    expect(a.command).toEqual({ title: a.title, command: MIGRATE_COMMAND, arguments: ['file:///ws/doc.md'] });
    expect(a.data).toBeUndefined();
  });

  test('on a heading: no step in the quick-fix list; the headings step as a source action (moves wait for it)', () => {
    const { engine, view } = setup();
    const line = text.split('\n').indexOf('### 1.4 交换方式');
    expect(migrationActions(view, ctx(engine, line)).map((a) => a.kind)).toEqual([MIGRATE_KIND]);
    const kinds = migrationActions(view, ctx(engine, line, { only: ['source.migrateSteps'] })).map((a) => a.kind);
    expect(kinds).toContain('source.migrateSteps.nmpa2022.headings');
    expect(kinds.some((k) => k.endsWith('.moves'))).toBe(false);
  });
});

// ---- the project's own example ----------------------------------------------------------------

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'nmpa-2017', 'monitor');

describe('the 2017 example dossier migrated on disk', () => {
  let tmp: string;
  let p: MigrationPlan;
  let reports: FileReport[];
  const original = new Map<string, string>();
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-migrate-'));
    fs.mkdirSync(path.join(tmp, '.git'));
    fs.cpSync(EXAMPLE, tmp, { recursive: true });
    const engine = new Engine({ host: nodeHost, chunkCache: new ChunkCache() });
    p = planMigration(engine, path.join(tmp, 'cybersecurity-description.md'))!;
    for (const f of p.files) {
      original.set(f.path, f.text);
      const out = applyEdits(f.text, f.all);
      expect(out).toBe(f.result);
      fs.writeFileSync(f.path, out);
    }
    reports = new Engine({ host: nodeHost, chunkCache: new ChunkCache() }).check({ folders: [tmp] }).reports;
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('every file of the dossier is migrated, under nmpa-2022', () => {
    expect(p.files.map((f) => `${path.basename(f.path)} ${f.from ?? ''} → ${f.to ?? ''}`).sort()).toMatchInlineSnapshot(`
      [
        "cybersecurity-description.md cybersecurity-description → cybersecurity-research-report",
        "dossier.yaml  → ",
        "instructions-for-use.md instructions-for-use → instructions-for-use",
        "technical-requirements.md technical-requirements → technical-requirements",
      ]
    `);
    expect(reports.map((r) => `${path.basename(r.path)} ${r.ruleset}`).sort()).toMatchInlineSnapshot(`
      [
        "cybersecurity-description.md nmpa-2022",
        "dossier.yaml undefined",
        "instructions-for-use.md nmpa-2022",
        "technical-requirements.md nmpa-2022",
      ]
    `);
    expect(p.problems).toEqual([]);
    // The §13 renames happened (2022 knows the old titles too: nothing else would notice).
    expect(outline(fs.readFileSync(path.join(tmp, 'instructions-for-use.md'), 'utf8'))).toMatchInlineSnapshot(`
      "# PM-9000 多参数患者监护仪 使用说明书（网络安全部分）
      ## 9 网络安全
      ### 9.1 运行环境
      #### 9.1.1 硬件配置
      #### 9.1.2 外部软件环境
      #### 9.1.3 网络环境
      ### 9.2 安全软件兼容性列表
      ### 9.3 电子接口
      ### 9.4 用户访问控制机制
      ### 9.5 外部软件环境与安全软件更新
      ### 9.6 现成软件清单
      ### 9.7 网络安全特征配置
      ### 9.8 数据备份与灾难恢复"
    `);
  });

  /** Result offsets inserted by the plan's edits (where a template placeholder may be). */
  function insertedSpans(file: string): [number, number][] {
    const f = p.files.find((x) => x.path === file)!;
    const lines = new LineIndex(f.text);
    const spans: [number, number][] = [];
    let delta = 0;
    for (const e of toOffsets(lines, f.all)) {
      spans.push([e.start + delta, e.start + delta + e.text.length]);
      delta += e.text.length - (e.end - e.start);
    }
    return spans;
  }

  test('checks clean under 2022 but for placeholders inside inserted templates and the plan’s manual items', () => {
    const rest: string[] = [];
    let placeholders = 0;
    for (const r of reports) {
      const text = fs.readFileSync(r.path, 'utf8');
      const lines = new LineIndex(text);
      const spans = insertedSpans(r.path);
      const manual = p.manual.filter((m) => m.file === r.path);
      for (const d of r.diagnostics) {
        const at = lines.offsetAt(d.range.start);
        if (d.code === 'placeholder') {
          expect(spans.some(([a, b]) => at >= a && at < b), `${path.basename(r.path)}:${d.range.start.line + 1} placeholder outside an inserted template`).toBe(true);
          placeholders++;
          continue;
        }
        // Anything else must be one of the §13 manual items the plan names for this file: by
        // the 2022 requirement it concerns, or (a placeholder fact) by its key path.
        const req = d.data.requirement as string | undefined;
        const keyPath = d.data.path as string | undefined;
        const item = manual.find((m) => (req ? new RegExp(`(^|[ (（、])${req.replace(/\./g, '\\.')}([ )）:：,，]|$)`).test(m.message.en) : !!keyPath && m.key === `frontmatter.${keyPath}`));
        rest.push(`${path.basename(r.path)}:${d.range.start.line + 1} ${d.code} ${req ?? keyPath ?? ''} ← ${item?.key ?? 'NOT IN THE MANUAL LIST'}`);
      }
    }
    expect(placeholders).toBeGreaterThan(10);
    expect(rest.filter((x) => x.includes('NOT IN THE MANUAL LIST'))).toEqual([]);
    expect(rest.sort()).toMatchInlineSnapshot(`
      [
        "cybersecurity-description.md:155 missing-column R2.4 ← D3.3",
        "cybersecurity-description.md:180 missing-diagram R2.5.1 ← new-content",
        "cybersecurity-description.md:28 inconsistent-fact R1.2.2 ← D1.1",
        "dossier.yaml:10 config-invalid software.safety_level ← frontmatter.software.safety_level",
        "dossier.yaml:16 config-invalid functions.user_access ← frontmatter.functions.user_access",
        "instructions-for-use.md:27 inconsistent-fact M2 ← I3",
      ]
    `);
  });

  test('every word kept: each original file is a subsequence of its migrated text, but for the named replacements', () => {
    // The replacements the migration may make: frontmatter values and renamed heading titles.
    const replaced = [/^guideline: .*$/m, /\bhealth\b/, /^document: (cybersecurity-description|patch-description)/m];
    const renamedTitles = ['交换方式', '风险管理总结报告', '标准符合性证明', '软件环境', '网络条件', '安全软件', '数据与设备接口', '软件环境与安全软件更新'];
    for (const f of p.files) {
      let before = f.text;
      for (const r of replaced) before = before.replace(new RegExp(r.source, `${r.flags}g`), '');
      // Heading lines: the `#` run, decimal numbers and renamed titles may change; the rest stays.
      before = before.replace(/^(#{1,6}) (\d+(?:\.\d+)* )?(.*)$/gm, (_m, _h, _n, title: string) => (renamedTitles.includes(stripNumbering(title)) ? '' : title));
      const after = fs.readFileSync(f.path, 'utf8');
      // Moves reorder sections: check each original section's text on its own.
      for (const chunk of before.split(/\n(?=\S)/)) {
        let i = 0;
        for (let j = 0; j < after.length && i < chunk.length; j++) if (after[j] === chunk[i]) i++;
        expect(i, `${path.basename(f.path)}: “${chunk.slice(0, 40)}” survives`).toBe(chunk.length);
      }
      // And the body lines themselves survive verbatim.
      for (const line of f.text.split('\n')) if (line && !/^#|^---$/.test(line) && !/^\s*(guideline|document|  types):/.test(line)) expect(after.split('\n')).toContain(line);
    }
  });

  test('the migrated dossier plans nothing more; the manual summary names every item', () => {
    const engine = new Engine({ host: nodeHost, chunkCache: new ChunkCache() });
    const again = planMigration(engine, path.join(tmp, 'cybersecurity-description.md'));
    expect(again?.files.flatMap((f) => f.all) ?? []).toEqual([]);
    const summary = manualSummary([p], 'en');
    for (const m of p.manual) expect(summary).toContain(m.message.en);
    expect(summary.split('\n').filter((l) => l.startsWith('## '))).toMatchInlineSnapshot(`
      [
        "## dossier.yaml",
        "## cybersecurity-description.md",
        "## instructions-for-use.md",
        "## technical-requirements.md",
      ]
    `);
  });

  test('composing the steps equals applying them in turn', () => {
    for (const f of p.files) {
      if (!f.from) continue;
      const o = toOffsets(new LineIndex(f.text), f.all);
      expect(composePipeline(f.text, [o]).result).toBe(f.result);
    }
  });
});
