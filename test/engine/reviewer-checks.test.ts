// Issue 12: the content a CMDE reviewer reads for, one rule at a time. Each rule: the bundled
// example dossier (which checks clean) with one defect put in — the finding, rendered in zh and
// en — and the same place written correctly, which stays clean.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { nmpa2017 } from '../../server/src/engine/rulesets/nmpa-2017';
import { nmpa2022 } from '../../server/src/engine/rulesets/nmpa-2022';
import { skeleton } from '../../server/src/engine/skeleton';
import { checkFiles, render } from '../helpers';

const EX = path.join(__dirname, '..', '..', 'examples');

function folder(rel: string, dir = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(path.join(EX, rel))) {
    const p = path.join(EX, rel, name);
    if (fs.statSync(p).isFile() && /\.(md|ya?ml)$/.test(name)) out[`${dir}${name}`] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

const M22 = folder('nmpa-2022/monitor', 'd/');
const M17 = folder('nmpa-2017/monitor', 'd/');
const REPORT = 'd/cybersecurity-research-report.md';
const DESC = 'd/cybersecurity-description.md';

/** Replace the body of the section whose heading line starts with `heading` (up to the next heading of any level). */
function body(text: string, heading: string, lines: string[]): string {
  const all = text.split('\n');
  const at = all.findIndex((l) => l.startsWith(heading));
  if (at < 0) throw new Error(`no heading ${heading}`);
  let end = at + 1;
  while (end < all.length && !/^#{1,6} /.test(all[end])) end++;
  return [...all.slice(0, at + 1), '', ...lines, '', ...all.slice(end)].join('\n');
}

function edit(files: Record<string, string>, file: string, f: (t: string) => string): Record<string, string> {
  const t = files[file];
  const next = f(t);
  if (next === t) throw new Error('edit changed nothing');
  return { ...files, [file]: next };
}

const yamlEdit = (files: Record<string, string>, from: string, to: string) => edit(files, 'd/dossier.yaml', (t) => t.replace(from, to));

function check(files: Record<string, string>, message?: 'zh' | 'en'): string {
  return render(checkFiles(files, { folders: ['d'] }), message ? { message } : {});
}

test('the examples check clean (the base of every case)', () => {
  expect(check(M22)).toBe('');
  expect(check(M17)).toBe('');
  // The NMPA 2022 dossier of the crosswalk pair (examples/crosswalk/infusion-pump): a major-level pump.
  expect(check(folder('crosswalk/infusion-pump/nmpa-2022', 'd/'))).toBe('');
});

describe('software version naming rule (2022 二（八）1, 七; 2017 四(一))', () => {
  test('2022: missing from the technical requirements and from 软件信息 → version-rule-incomplete', () => {
    const files = edit(M22, 'd/technical-requirements.md', (t) => body(t, '### 1.2 软件版本命名规则', ['软件名称：PM-9000 多参数患者监护仪嵌入式软件；发布版本：V2。']).replace('### 1.2 软件版本命名规则', '### 1.2 软件版本'));
    const noRule = edit(files, REPORT, (t) => t.replace('（版本命名规则见产品技术要求 1.2）', ''));
    expect(check(noRule, 'zh')).toMatchInlineSnapshot(`
      "d/cybersecurity-research-report.md:15 warning version-rule-incomplete R1.1 — “1.1 软件信息”（R1.1）没有写明软件版本命名规则，申报资料中也没有产品技术要求的软件版本命名规则（N1.1）：软件版本命名规则应涵盖网络安全更新情况，区分重大和轻微网络安全更新（二（八）1, 七（三））
      d/technical-requirements.md:7 error missing-section N1.1 — 缺少“软件版本命名规则”（N1.1）章节：指导原则 七（三）, 二（八）1 要求产品技术要求包含此项：软件版本命名规则：涵盖网络安全更新情况，区分重大网络安全更新与轻微网络安全更新。"
    `);
    expect(check(noRule, 'en')).toMatchInlineSnapshot(`
      "d/cybersecurity-research-report.md:15 warning version-rule-incomplete R1.1 — “1.1 软件信息” (R1.1): no software version naming rule is given here, and the dossier has no technical requirements stating one (N1.1): the rule must cover cybersecurity updates and tell major from minor ones (二（八）1, 七（三）)
      d/technical-requirements.md:7 error missing-section N1.1 — Missing section “软件版本命名规则” (N1.1): guideline 七（三）, 二（八）1 requires it in the Product technical requirements: The version naming rule: covers cybersecurity updates and tells major from minor ones."
    `);
  });
  test('2022: a rule that does not tell major from minor cybersecurity updates → version-rule-incomplete', () => {
    const files = edit(M22, 'd/technical-requirements.md', (t) =>
      body(t, '### 1.2 软件版本命名规则', ['完整版本格式为 V X.Y.Z.B：X 为主版本号，Y 为次版本号，Z 为修订号，B 为构建号。']),
    );
    expect(check(files, 'zh')).toMatchInlineSnapshot(`"d/technical-requirements.md:13 warning version-rule-incomplete N1.1 — 软件版本命名规则应涵盖网络安全更新情况，区分重大网络安全更新和轻微网络安全更新（未写到：网络安全更新、重大网络安全更新、轻微网络安全更新；七（三）, 二（八）1）"`);
    expect(check(files, 'en')).toMatchInlineSnapshot(`"d/technical-requirements.md:13 warning version-rule-incomplete N1.1 — The software version naming rule must cover cybersecurity updates and tell major from minor ones (not stated: cybersecurity updates, major cybersecurity updates, minor cybersecurity updates; 七（三）, 二（八）1)"`);
  });
  test('2022: the rule in the technical requirements answers 软件信息 too; written in 软件信息 itself it is checked there', () => {
    // 软件信息 need not repeat a rule the dossier's technical requirements state.
    expect(check(edit(M22, REPORT, (t) => t.replace('（版本命名规则见产品技术要求 1.2）', '')))).toBe('');
    const inReport = (rule: string) => edit(M22, REPORT, (t) => t.replace('| 软件安全性级别 | 中等 |', `| 软件版本命名规则 | ${rule} |\n| 软件安全性级别 | 中等 |`));
    expect(check(inReport('V X.Y.Z.B：X 为重大软件更新（含重大网络安全更新），Y 为轻微功能更新，Z 为轻微网络安全更新（补丁），B 为构建号'))).toBe('');
    expect(check(inReport('V X.Y.Z.B：X 主版本，Y 次版本，Z 修订，B 构建号'), 'en')).toMatchInlineSnapshot(`""`);
  });
  test('2017: a naming rule that names only one kind of update, wherever it is written → version-rule-incomplete', () => {
    const files = edit(M17, DESC, (t) => t.replace(/(#+ [^\n]*软件版本命名规则\n+)[\s\S]*?(?=\n#)/u, '$1版本号格式为 V X.Y.Z，X 为重大网络安全更新时递增。\n'));
    expect(check(files, 'zh')).toMatchInlineSnapshot(`"d/cybersecurity-description.md:136 warning version-rule-incomplete D4.3 — 软件版本命名规则应考虑网络安全更新的情况：四(一)将网络安全更新分为重大与轻微两类，命名规则应写明两者如何体现（未写到：轻微网络安全更新；四(一)）"`);
    expect(check(files, 'en')).toMatchInlineSnapshot(`"d/cybersecurity-description.md:136 warning version-rule-incomplete D4.3 — The software version naming rule must take cybersecurity updates into account: 四(一) divides them into major and minor, and the rule must say how each shows in the version (not stated: minor cybersecurity updates; 四(一))"`);
  });
});

describe('2017 renewal with declared minor updates (四(一), 五(三))', () => {
  test('no 常规安全补丁描述文档 in the folder → missing-document; with it → none of that', () => {
    const renewal = yamlEdit(M17, 'submission: initial-registration', 'submission: renewal\nupdates: [minor]');
    const out = check(renewal, 'en');
    expect(out).toContain('missing-document');
    expect(out.split('\n').filter((l) => l.includes('missing-document'))).toMatchInlineSnapshot(`
      [
        "d/dossier.yaml:2 error missing-document — A renewal with declared minor cybersecurity updates needs a Routine security patch description, and this dossier folder has none (guideline 五(三), 四(一)): add a file with document: patch-description",
      ]
    `);
    // The patch description in the folder (a skeleton still being written): no missing-document.
    const kind = nmpa2017.kinds.find((k) => k.id === 'patch-description')!;
    const withPatch = { ...renewal, 'd/patch-description.md': skeleton(nmpa2017, kind, 'zh') };
    expect(check(withPatch)).not.toContain('missing-document');
    // Renewal without declared minor updates: nothing asked.
    expect(check(yamlEdit(M17, 'submission: initial-registration', 'submission: renewal\nupdates: [none]'))).not.toContain('missing-document');
  });
});

describe('capability answers consistent with the facts (二（四）, R1.3)', () => {
  const na = (files: Record<string, string>, code: string) =>
    edit(files, REPORT, (t) => t.replace(new RegExp(`^(\\| ${code} \\| [^|]+ \\| )是( \\| )[^|]+\\|`, 'mu'), `$1不适用$2本产品不涉及该能力，故不适用 |`));
  test.each(['SBOM', 'TXCF', 'TXIG', 'PAUT', 'AUTH', 'CSUP', 'RMOT'])('%s answered 不适用 where the facts require it → inconsistent-fact (error) naming the capability', (code) => {
    const out = render(checkFiles(na(M22, code), { folders: ['d'] }), { data: ['capability'] });
    expect(out).toMatch(new RegExp(`error inconsistent-fact R1\\.3 capability="${code}"`));
  });
  test('the messages name the fact (zh, en)', () => {
    expect(check(na(M22, 'SBOM'), 'zh')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:99 error inconsistent-fact R1.3 — SBOM（现成软件清单）被答复为不适用，但 frontmatter 声明了使用现成软件（software.ots_usage 为 partial / full）：二（四）16 要求“产品为用户提供全部现成软件清单的能力”"`);
    expect(check(na(M22, 'PAUT'), 'en')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:88 error inconsistent-fact R1.3 — PAUT (person authentication) is answered not applicable, but the frontmatter declares user access (functions.user_access: true): 二（四） asks how user access control is implemented"`);
  });
  test('without the facts, 不适用 with a reason is accepted', () => {
    const noUsers = yamlEdit(M22, 'user_access: true', 'user_access: false');
    expect(check(na(noUsers, 'PAUT'))).toBe('');
  });
  test('the strength of the capabilities and other capabilities not stated: hints', () => {
    const files = edit(M22, REPORT, (t) =>
      t
        .replace(/各项能力的强弱程度按监护仪的风险水平[^。]*。/u, '')
        .replace('用户名加口令（不少于 8 位，含三类字符），连续 5 次失败锁定 15 分钟；维护工程师另需动态口令', '用户名加口令')
        .replace(/\n其他网络安全能力：[^\n]*\n/u, '\n'),
    );
    expect(check(files, 'zh')).toMatchInlineSnapshot(`
      "d/cybersecurity-research-report.md:78 hint section-incomplete R1.3 — 网络安全能力分析没有说明能力的强弱程度：二（四）要求根据产品风险水平明确网络安全能力的强弱程度（如口令强度、动态口令、生物识别），风险水平越高要求越严格（未写到：能力强弱程度与产品风险水平的关系；二（四））
      d/cybersecurity-research-report.md:78 hint section-incomplete R1.3 — 网络安全能力分析没有说明其他网络安全能力的适用情况：六（一）1（3）“若适用，提供其他网络安全能力的适用情况说明”（未写到：其他网络安全能力的适用情况说明；六（一）1（3））"
    `);
    expect(check(files, 'en')).toMatchInlineSnapshot(`
      "d/cybersecurity-research-report.md:78 hint section-incomplete R1.3 — The capability analysis does not say how strong the capabilities are: 二（四） asks that their strength follow the device’s risk level (password strength, one-time passwords, biometrics) — the higher the risk, the stricter (not stated: how the strength of the capabilities follows the risk level; 二（四）)
      d/cybersecurity-research-report.md:78 hint section-incomplete R1.3 — The capability analysis says nothing about further capabilities: 六（一）1（3） asks, where applicable, for a statement on the applicability of other capabilities (not stated: a statement on other capabilities; 六（一）1（3）)"
    `);
  });
});

describe('vulnerability assessment evidence at 中等 and above (六（一）3)', () => {
  // The tools paragraph and table of 3.1 replaced; the residual list after them stays.
  const noTools = (lines: string[]) => edit(M22, REPORT, (t) => t.replace(/网络安全漏洞自评报告 PM9000-VAR-002 采用以下软件工具和漏洞库：[\s\S]*?(?=已知剩余漏洞的内容)/u, `${lines.join('\n')}\n\n`));
  test('neither tool nor database named anywhere → error', () => {
    const files = noTools(['网络安全漏洞自评报告 PM9000-VAR-002 结论为已知剩余漏洞的综合剩余风险均可接受。']);
    expect(check(files, 'zh')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:268 error vulnerability-assessment-incomplete R3 — “3 漏洞评估”（R3）未写明漏洞扫描所用软件工具和漏洞库：中等、严重级别的网络安全漏洞自评报告须明确漏洞扫描所用软件工具、漏洞库（基于国家信息安全漏洞库或互认的国际信息安全漏洞库）的基本信息（六（一）3）"`);
    expect(check(files, 'en')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:268 error vulnerability-assessment-incomplete R3 — “3 漏洞评估” (R3) does not name the scanning tools or the vulnerability database: at moderate and major level the self-assessment names the scanning tools and the vulnerability database (the national one or a mutually recognised international one) (六（一）3)"`);
  });
  test('the database named but no tool → warning', () => {
    expect(check(noTools(['漏洞自评基于国家信息安全漏洞共享平台（CNVD，2024-05-10 数据）开展，结论为综合剩余风险均可接受。']), 'en')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:268 warning vulnerability-assessment-incomplete R3 — “3 漏洞评估” (R3) does not name the scanning tools: at moderate and major level the self-assessment names the scanning tools and the vulnerability database (the national one or a mutually recognised international one) (六（一）3)"`);
  });
  test('only a reference to the attached self-assessment → hint', () => {
    expect(check(noTools(['网络安全漏洞自评报告见附件 7，文件编号 PM9000-VAR-002。']), 'en')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:268 hint vulnerability-assessment-incomplete R3 — “3 漏洞评估” (R3) does not name the scanning tools or the vulnerability database and refers to 附件 7: that self-assessment must give their name, full version, release date and supplier (六（一）3)"`);
  });
  test('named in prose without any version or date → warning; with them → clean', () => {
    expect(check(noTools(['漏洞扫描采用 Nessus，漏洞库采用 CNVD 与 NVD，结论为综合剩余风险均可接受。']), 'en')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:268 warning vulnerability-assessment-incomplete R3 — “3 漏洞评估” (R3) names the scanning tools and the vulnerability database but gives no version or date (六（一）3)"`);
    expect(check(noTools(['漏洞扫描采用 Nessus Professional 10.7.3，漏洞库采用 CNVD 与 NVD（2024-05-10 数据），结论为综合剩余风险均可接受。']))).toBe('');
  });
  test('at 轻微 the tools are not asked for', () => {
    const minor = yamlEdit(noTools(['网络安全漏洞自评报告结论为综合剩余风险均可接受。']), 'safety_level: moderate', 'safety_level: minor');
    expect(check(minor)).not.toContain('item="tools"');
    expect(check(minor)).not.toMatch(/vulnerability-assessment-incomplete R3\b/);
  });
});

describe('data rules (二（二）)', () => {
  test('device data that names personal information → device-data-personal-information', () => {
    const files = edit(M22, REPORT, (t) => t.replace('软件版本、网络配置；不含个人信息 |', '软件版本、网络配置、患者姓名与住院号（便于工程师定位故障） |'));
    expect(check(files, 'zh')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:56 error device-data-personal-information R1.2.2 — 设备数据写到了个人信息：二（二）规定设备数据是记录医疗器械运行状况的数据（含日志），“不得含有个人信息”；含个人信息的数据属于敏感医疗数据（写到了“姓名”；二（二））"`);
    expect(check(files, 'en')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:56 error device-data-personal-information R1.2.2 — The device data names personal information: under 二（二） device data records how the device runs (logs included) and must not contain personal information; data with personal information is sensitive medical data (it names “姓名”; 二（二）)"`);
  });
  test('a negated mention (不含患者姓名) is not a finding', () => {
    const files = edit(M22, REPORT, (t) => t.replace('软件版本、网络配置；不含个人信息 |', '软件版本、网络配置，不含患者姓名、住院号等个人信息 |'));
    expect(check(files)).toBe('');
  });
  test('no isolation of medical and device data described: a hint on 数据架构, a warning in 远程维护与升级', () => {
    const files = edit(M22, REPORT, (t) =>
      t
        .replace(/\n敏感医疗数据与设备数据分库存储：[^\n]*\n/u, '\n')
        .replace(/- 设备数据与医疗数据的隔离方法：[^\n]*\n/u, '')
        .replace('远程维护通道不能访问医疗数据。', '')
        .replace('PMX 协议不提供读取医疗数据的命令', ''),
    );
    expect(check(files, 'zh')).toMatchInlineSnapshot(`
      "d/cybersecurity-research-report.md:33 hint section-incomplete R1.2 — 数据架构没有说明医疗数据和设备数据如何隔离：二（二）要求保证医疗数据和设备数据的有效隔离（如访问权限控制等方法）（未写到：医疗数据和设备数据的隔离方法；二（二））
      d/cybersecurity-research-report.md:69 warning section-incomplete R1.2.4 — 远程维护与升级未写明全部技术特征：五（三）要求明确远程维护与升级的实现方法、所用电子接口情况、设备数据所含内容、设备数据与医疗数据的隔离方法、网络安全保证措施等技术特征（未写到：设备数据与医疗数据的隔离方法；五（三））"
    `);
    expect(check(files, 'en')).toMatchInlineSnapshot(`
      "d/cybersecurity-research-report.md:33 hint section-incomplete R1.2 — The data architecture does not say how medical and device data are isolated: 二（二） requires their effective isolation (e.g. by access control) (not stated: how medical and device data are isolated; 二（二）)
      d/cybersecurity-research-report.md:69 warning section-incomplete R1.2.4 — Remote maintenance and upgrade lacks some of its technical characteristics: 五（三） asks for the implementation method, the electronic interfaces used, what the device data contains, how device and medical data are isolated, and the cybersecurity measures (not stated: how device and medical data are isolated; 五（三）)"
    `);
  });
});

describe('depth a reviewer reads for', () => {
  test('remote maintenance without its technical characteristics (五（三）) → section-incomplete', () => {
    const files = edit(M22, REPORT, (t) => body(t, '#### 1.2.4 远程维护与升级', ['授权维护工程师可远程读取日志并升级软件。']));
    expect(check(files, 'zh')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:70 warning section-incomplete R1.2.4 — 远程维护与升级未写明全部技术特征：五（三）要求明确远程维护与升级的实现方法、所用电子接口情况、设备数据所含内容、设备数据与医疗数据的隔离方法、网络安全保证措施等技术特征（未写到：实现方法、所用电子接口情况、设备数据所含内容、设备数据与医疗数据的隔离方法；五（三））"`);
    expect(check(files, 'en')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:70 warning section-incomplete R1.2.4 — Remote maintenance and upgrade lacks some of its technical characteristics: 五（三） asks for the implementation method, the electronic interfaces used, what the device data contains, how device and medical data are isolated, and the cybersecurity measures (not stated: the implementation method, the electronic interfaces used, what the device data contains, how device and medical data are isolated; 五（三）)"`);
  });
  test('declared remote maintenance with no 1.2.4 at all → missing-section error', () => {
    const files = edit(M22, REPORT, (t) => t.replace(/#### 1\.2\.4 远程维护与升级\n[\s\S]*?(?=\n### 1\.3)/u, ''));
    expect(check(files, 'en')).toMatch(/error missing-section R1\.2\.4/);
  });
  test('incident response without its phases (二（七）) → section-incomplete; the plan document named → none', () => {
    const files = edit(M22, REPORT, (t) => body(t, '#### 2.5.2 网络安全事件应急响应', ['![图 5 网络安全事件应急响应流程图](figures/fig5.svg)', '', '依据图 5：客服接到投诉后通知研发部处理。']));
    expect(check(files, 'zh')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:234 warning section-incomplete R2.5.2 — 网络安全事件应急响应未涵盖全部阶段：二（七）要求明确计划与准备、探测与报告、评估与决策、应急响应实施、总结与改进等阶段的任务和要求（未写到：计划与准备、探测与报告、评估与决策、应急响应实施、总结与改进；二（七））"`);
    expect(check(files, 'en')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:234 warning section-incomplete R2.5.2 — Incident response does not cover every phase: 二（七） names planning and preparation, detection and reporting, assessment and decision, response, and review and improvement (not stated: planning and preparation, detection and reporting, assessment and decision, response, review and improvement; 二（七）)"`);
    const plan = edit(M22, REPORT, (t) => body(t, '#### 2.5.2 网络安全事件应急响应', ['网络安全事件应急响应按应急响应预案 ZM-QP-CS-005（附件 6）执行。']));
    expect(check(plan)).toMatchInlineSnapshot(`""`);
  });
  test('one phase missing: 计划与准备 (often left implicit by a chart) → hint; any other → warning', () => {
    const phases = (chart: string[]) =>
      edit(M22, REPORT, (t) => body(t, '#### 2.5.2 网络安全事件应急响应', ['```mermaid', 'flowchart LR', ...chart, '```', '', '依据上图描述相关活动：各小组按上图分工，24 小时内告知受影响用户临时措施。']));
    const noPlan = phases(['    B[探测与报告] --> C[评估与决策] --> D[应急响应实施] --> F[总结与改进]']);
    expect(check(noPlan)).toBe('d/cybersecurity-research-report.md:234 hint section-incomplete R2.5.2');
    const noReview = phases(['    A[计划与准备] --> B[探测与报告] --> C[评估与决策] --> D[应急响应实施]']);
    expect(check(noReview, 'en')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:234 warning section-incomplete R2.5.2 — Incident response does not cover every phase: 二（七） names planning and preparation, detection and reporting, assessment and decision, response, and review and improvement (not stated: review and improvement; 二（七）)"`);
  });
  test('a use scenario without its data-flow diagram → missing-diagram on that scenario', () => {
    const files = edit(M22, REPORT, (t) => t.replace('![图 2 院内转运场景网络环境和数据流图](figures/fig2-transport-dataflow.svg)\n', ''));
    expect(check(files, 'zh')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:43 warning missing-diagram R1.2.1 — 使用场景“院内转运”没有网络环境和数据流图：指导原则 六（一）1（2） 要求提供每个使用场景的网络环境和数据流图"`);
    expect(check(files, 'en')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:43 warning missing-diagram R1.2.1 — The use scenario “院内转运” has no network environment and data-flow diagram: guideline 六（一）1（2） asks for one for every use scenario"`);
  });
  test('the declared remote maintenance scenario: never named → one inconsistent-fact; named but without its own figure → missing-diagram', () => {
    const gone = edit(M22, REPORT, (t) => t.replace(/\*\*远程维护与升级\*\*：[^\n]*\n\n!\[图 3[^\n]*\n/u, ''));
    expect(check(gone, 'en')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:37 warning inconsistent-fact R1.2.1 — functions.remote_maintenance: true, but the network environment and data-flow diagrams never cover the remote maintenance and upgrade scenario: 六（一）1（2） asks for a diagram for every use scenario, remote maintenance and upgrade included"`);
    const noFigure = edit(M22, REPORT, (t) => t.replace(/\*\*远程维护与升级\*\*：([^\n]*)\n\n!\[图 3[^\n]*\n/u, '另外，远程维护与升级时：$1\n'));
    expect(check(noFigure, 'en')).toMatchInlineSnapshot(`"d/cybersecurity-research-report.md:47 warning missing-diagram R1.2.1 — The use scenario “另外，远程维护与升级时” has no network environment and data-flow diagram: guideline 六（一）1（2） asks for one for every use scenario"`);
  });
});

describe('functional update report: evidence for what the update introduces (二（八）2, 六（一）2（3）)', () => {
  const kind = nmpa2022.kinds.find((k) => k.id === 'cybersecurity-functional-update-report')!;
  const FACTS = [
    'submission: change',
    'updates: [minor]',
    'update_content: [functional]',
    'product: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.2.0.1 }',
    'software: { safety_level: moderate, ots_usage: partial }',
    'data: { types: [sensitive-medical, device] }',
    'interfaces: { network: { wired: true, protocols: [{ name: HL7 v2.6, kind: standard }, { name: PMX 维护协议 v1.3, kind: custom }] } }',
  ];
  /** The F skeleton, the given section headings removed; only the structural findings. */
  const missing = (introduces: string[], drop: string[]) => {
    let text = skeleton(nmpa2022, kind, 'zh').replace('---\n\n', `${[...FACTS, `update_introduces: [${introduces.join(', ')}]`].join('\n')}\n---\n\n`);
    for (const id of drop) {
      const r = kind.requirements.find((x) => x.id === id)!;
      text = text.replace(new RegExp(`^#+ [0-9.]+ ${r.title.zh}\\n[\\s\\S]*?(?=\\n#)`, 'mu'), '');
    }
    return render(checkFiles({ 'doc.md': text }, { files: ['doc.md'] }))
      .split('\n')
      .filter((l) => / (missing-section|empty-section)\b/.test(l));
  };
  const EVIDENCE = ['F2.3.3', 'F2.3.5', 'F2.3.6', 'F2.3.7', 'F2.5.3'];
  test.each([
    ['security-software', 'F2.3.3'],
    ['private-protocol', 'F2.3.5'],
    ['realtime-remote-control', 'F2.3.6'],
    ['dedicated-wireless', 'F2.3.7'],
    ['remote-maintenance', 'F2.5.3'],
  ])('update_introduces %s: %s absent → missing-section; not introduced → not asked', (what, id) => {
    expect(missing([what], EVIDENCE).map((l) => l.split(' ').slice(1, 4).join(' '))).toEqual([expect.stringMatching(new RegExp(`missing-section ${id.replace('.', '\\.')}$`))]);
    expect(missing([], EVIDENCE)).toEqual([]);
  });
});

describe('quotes cited to the clause they come from', () => {
  const GUIDELINE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'guideline', 'nmpa-2022-cybersecurity-guideline.zh.txt'), 'utf8');
  const req = (id: string) => nmpa2022.kinds.flatMap((k) => k.requirements).find((r) => r.id === id)!;
  test('R2.1.2 quotes 三（二）, R2.5 quotes 表1; both verbatim', () => {
    expect(req('R2.1.2').clause).toContain('三（二）');
    expect(req('R2.5').clause).toContain('表1');
    for (const id of ['R2.1.2', 'R2.5']) expect(GUIDELINE.replace(/\s+/g, ''), id).toContain(req(id).quote.replace(/\s+/g, ''));
  });
});
