// `cyberdossier report` as a pipeline runs it: a real process on copies of the example dossiers
// and the checklist fixtures. Markdown and CSV are compared exactly (the generation time is fixed
// with SOURCE_DATE_EPOCH); the HTML page must be well-formed and refer to nothing outside itself.
// The usage cases run the same CLI in-process.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runInProcess } from './in-process';

const REPO = path.join(__dirname, '..', '..');
const CLI = path.join(REPO, 'bin', 'cyberdossier.js');
const EPOCH = '1714521600'; // 2024-05-01 00:00 UTC
let tmp: string;

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, 'report', ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `report` usage cases: the same CLI in-process (./in-process.ts); a usage error does not depend on the process. */
const usage = (args: string[]) => runInProcess(['report', ...args], tmp);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdossier-report-'));
  fs.mkdirSync(path.join(tmp, '.git')); // a repository root: dossier.yaml search stops here
  fs.cpSync(path.join(REPO, 'examples', 'nmpa-2017'), path.join(tmp, 'examples'), { recursive: true });
  fs.cpSync(path.join(REPO, 'test', 'fixtures', 'checklist'), path.join(tmp, 'fixtures'), { recursive: true });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** CSV checks that a snapshot cannot show: the BOM, CRLF line ends, every field quoted. */
function csvLines(out: string): string[] {
  expect(out.startsWith('\uFEFF')).toBe(true);
  expect(out.endsWith('\r\n')).toBe(true);
  const lines = out.slice(1, -2).split('\r\n');
  for (const l of lines) {
    expect(l).not.toMatch(/[\r\n]/);
    expect(l).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/);
  }
  return lines;
}

describe('markdown', () => {
  test('the dossier with mistakes, zh-CN (exit 0: a report does not fail on findings)', () => {
    const r = run(['examples/monitor-with-mistakes', '--format', 'md']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatchInlineSnapshot(`
      "# 网络安全申报资料检查报告：多参数患者监护仪 PM-9000

      | 申报资料 | 多参数患者监护仪 PM-9000 |
      | --- | --- |
      | 产品 | 多参数患者监护仪 |
      | 型号规格 | PM-9000 |
      | 软件完整版本 | V2 |
      | 管理类别 | II |
      | 申报类型 | 产品注册（五(一)） |
      | 指导原则 | 《医疗器械网络安全注册技术审查指导原则》（2017年） |
      | 完整性 | 33 项必需章节中已具备 22 项 |
      | 发现 | 16（9 错误，6 警告，1 提示） |
      | 生成时间 | 2024-05-01 00:00 UTC |

      ## 概览

      | 文档 | 文件 | 状态 | 必需章节 | 已有 | 不适用 | 缺少 | 空白/占位 | 本次无需 | 发现 |
      | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
      | 网络安全描述文档 | description.md | 已提交 | 16/20 | 16 | 1 | 3 | 1 | 3 | 11（6 错误，4 警告，1 提示） |
      | 常规安全补丁描述文档 | patch.md | 不属于本次申报 | 5/5 | 5 | 0 | 0 | 0 | 0 | 1（1 错误） |
      | 产品技术要求（网络安全部分） | （无文件） | 缺少 | 0/5 | 0 | 0 | 5 | 0 | 1 | 0 |
      | 说明书（网络安全部分） | instructions-for-use.md | 已提交 | 6/8 | 6 | 0 | 1 | 1 | 0 | 2（1 错误，1 警告） |

      dossier.yaml 等其他文件上的发现：2（1 错误，1 警告）

      ## 网络安全描述文档（description.md）

      已提交 · 20 项必需章节中已具备 16 项

      | ID | 要求 | 条款 | 状态 | 说明/原因 | 发现 |
      | --- | --- | --- | --- | --- | --- |
      | D1 | 基本信息 | 四(二)1 | 已有 |  | 0 |
      | D1.1 | 类型 | 四(二)1(1) | 已有 |  | 0 |
      | D1.2 | 功能 | 四(二)1(2) | 已有 |  | 0 |
      | D1.3 | 用途 | 四(二)1(3) | 已有 |  | 0 |
      | D1.4 | 交换方式 | 四(二)1(4) | 已有 |  | 0 |
      | D1.4.1 | 无线电管理符合性 | 四(二)1(4), 三(一) | 本次无需 | interfaces.network.dedicated_wireless: 未声明 | 0 |
      | D1.5 | 安全软件 | 四(二)1(5) | 不适用 | 未说明理由 | 1（1 错误） |
      | D1.6 | 现成软件 | 四(二)1(6) | 已有 |  | 3（1 错误，2 警告） |
      | D2 | 风险管理 | 四(二)2 | 已有 |  | 1（1 错误） |
      | D2.1 | 风险分析报告 | 四(二)2, 二 | 已有 |  | 0 |
      | D2.2 | 风险管理总结报告 | 四(二)2 | 已有 |  | 0 |
      | D3 | 验证与确认 | 四(二)3 | 已有 |  | 0 |
      | D3.1 | 网络安全测试计划 | 四(二)3 | 已有 |  | 0 |
      | D3.2 | 网络安全测试报告 | 四(二)3 | 空白/占位 | 仅有占位符：TODO | 1（1 警告） |
      | D3.3 | 可追溯性分析报告 | 四(二)3 | 已有 |  | 0 |
      | D3.4 | 安全软件兼容性测试报告 | 四(二)3 | 本次无需 | security_software: 未声明；“安全软件”（D1.5）未列出任何条目 | 0 |
      | D3.5 | 标准符合性证明 | 四(二)3 | 已有 | 触发条件：interfaces.network.protocols = HL7 v2.6 (kind: standard) | 0 |
      | D3.6 | 完整性测试总结报告 | 四(二)3 | 本次无需 | interfaces.network.protocols = [HL7 v2.6 (kind: standard)]；interfaces.storage_media.formats: 未声明 | 0 |
      | D3.7 | 完整性和可得性测试报告 | 四(二)3 | 缺少 | 触发条件：functions.remote_control = realtime | 1（1 错误） |
      | D4 | 维护计划 | 四(二)4 | 已有 |  | 0 |
      | D4.1 | 更新确认 | 四(二)4 | 缺少 | 第 27 行的标题不在上级章节之下 | 1（1 错误） |
      | D4.2 | 用户告知 | 四(二)4 | 已有 |  | 0 |
      | D4.3 | 软件版本命名规则 | 四(一) | 已有 |  | 0 |
      | D5 | 网络安全能力 | 三(二) | 缺少 | 建议项 | 1（1 提示） |

      ## 常规安全补丁描述文档（patch.md）

      不属于本次申报：不属于产品注册的申报资料 · 5 项必需章节中已具备 5 项

      | ID | 要求 | 条款 | 状态 | 说明/原因 | 发现 |
      | --- | --- | --- | --- | --- | --- |
      | P1 | 补丁描述 | 四(三) | 已有 |  | 0 |
      | P2 | 影响分析 | 四(三) | 已有 |  | 0 |
      | P3 | 用户告知计划 | 四(三) | 已有 |  | 0 |
      | P4 | 测试计划与报告 | 四(三) | 已有 |  | 0 |
      | P5 | 新增已知剩余缺陷情况说明 | 四(三) | 已有 |  | 0 |

      ## 产品技术要求（网络安全部分）

      缺少：产品注册需要此文档（五(一)） · 5 项必需章节中已具备 0 项

      | ID | 要求 | 条款 | 状态 | 说明/原因 | 发现 |
      | --- | --- | --- | --- | --- | --- |
      | T1 | 数据接口 | 五(一)2(1) | 缺少 |  | 0 |
      | T1.1 | 传输协议 | 五(一)2(1) | 缺少 | 触发条件：已声明 interfaces.network | 0 |
      | T1.2 | 存储格式 | 五(一)2(1) | 本次无需 | interfaces.storage_media: 未声明 | 0 |
      | T2 | 用户访问控制 | 五(一)2(2) | 缺少 |  | 0 |
      | T2.1 | 用户身份鉴别方法 | 五(一)2(2) | 缺少 |  | 0 |
      | T2.2 | 用户类型及权限 | 五(一)2(2) | 缺少 |  | 0 |

      ## 说明书（网络安全部分）（instructions-for-use.md）

      已提交 · 8 项必需章节中已具备 6 项

      | ID | 要求 | 条款 | 状态 | 说明/原因 | 发现 |
      | --- | --- | --- | --- | --- | --- |
      | I1 | 运行环境 | 五(一)3 | 已有 |  | 0 |
      | I1.1 | 硬件配置 | 五(一)3 | 已有 |  | 0 |
      | I1.2 | 软件环境 | 五(一)3 | 已有 |  | 0 |
      | I1.3 | 网络条件 | 五(一)3 | 空白/占位 | 仅有占位符：\\<医院监护专网名称\\> | 1（1 警告） |
      | I2 | 安全软件 | 五(一)3 | 已有 |  | 0 |
      | I3 | 数据与设备接口 | 五(一)3 | 已有 |  | 0 |
      | I4 | 用户访问控制机制 | 五(一)3 | 已有 |  | 0 |
      | I5 | 软件环境与安全软件更新 | 五(一)3 | 缺少 |  | 1（1 错误） |

      ## 可追溯性矩阵

      需求 → 设计 → 测试 → 风险 · 已定义需求 1 项，已追溯 1 项 · 有缺口的行 0 行 · 未定义的编号：SR-007

      | 需求 | 设计 | 测试 | 风险 | 缺口 | 位置 |
      | --- | --- | --- | --- | --- | --- |
      | SR-001 | SD-001 | TC-001 | R-001 |  | description.md:72 |
      "
    `);
  });
  test('the anesthesia workstation fixture, en, from a file of the dossier', () => {
    const r = run(['fixtures/aw-700/产品技术要求.md', '--format=md', '--locale', 'en']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatchInlineSnapshot(`
      "# Cybersecurity dossier report: 麻醉工作站 AW-700

      | Dossier | 麻醉工作站 AW-700 |
      | --- | --- |
      | Product | 麻醉工作站 |
      | Model | AW-700 |
      | Software version | V3.2.1.1024 |
      | Class | III |
      | Submission | Initial registration (五(一)) |
      | Guideline | NMPA Guideline for Technical Review of Medical Device Cybersecurity Registration (2017) |
      | Completeness | 23 of 34 required sections present |
      | Findings | 9 (4 errors, 5 warnings) |
      | Generated | 2024-05-01 00:00 UTC |

      ## Overview

      | Document | Files | Status | Required sections | Present | Not applicable | Missing | Empty / placeholder | Not required here | Findings |
      | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
      | Cybersecurity description | 网络安全描述文档.md | Present | 19/21 | 19 | 1 | 0 | 2 | 2 | 6 (2 errors, 4 warnings) |
      | Product technical requirements (cybersecurity) | 产品技术要求.md | Present | 4/5 | 4 | 0 | 0 | 1 | 1 | 1 (1 warning) |
      | Instructions for use (cybersecurity) | (no file) | Missing | 0/8 | 0 | 0 | 8 | 0 | 0 | 0 |

      Findings on dossier.yaml and other files: 2 (2 errors)

      ## Cybersecurity description (网络安全描述文档.md)

      Present · 19 of 21 required sections present

      | ID | Requirement | Clause | Status | Note / reason | Findings |
      | --- | --- | --- | --- | --- | --- |
      | D1 | Basic information | 四(二)1 | Present |  | 0 |
      | D1.1 | Data types | 四(二)1(1) | Present |  | 0 |
      | D1.2 | Functions | 四(二)1(2) | Present |  | 0 |
      | D1.3 | Uses | 四(二)1(3) | Present |  | 0 |
      | D1.4 | Exchange methods | 四(二)1(4) | Present |  | 0 |
      | D1.4.1 | Radio regulatory compliance | 四(二)1(4), 三(一) | Present | because interfaces.network.dedicated_wireless = true | 0 |
      | D1.5 | Security software | 四(二)1(5) | Present |  | 0 |
      | D1.6 | Off-the-shelf software | 四(二)1(6) | Present |  | 0 |
      | D2 | Risk management | 四(二)2 | Present |  | 0 |
      | D2.1 | Risk analysis report | 四(二)2, 二 | Present |  | 0 |
      | D2.2 | Risk management summary report | 四(二)2 | Empty / placeholder | no content | 1 (1 warning) |
      | D3 | Verification and validation | 四(二)3 | Present |  | 0 |
      | D3.1 | Cybersecurity test plan | 四(二)3 | Present |  | 0 |
      | D3.2 | Cybersecurity test report | 四(二)3 | Present |  | 0 |
      | D3.3 | Traceability analysis report | 四(二)3 | Present |  | 3 (1 error, 2 warnings) |
      | D3.4 | Security software compatibility test report | 四(二)3 | Present | because “Security software” (D1.5) lists items | 0 |
      | D3.5 | Standards conformance evidence | 四(二)3 | Not applicable | HL7 v2.5 接口为选配的信息系统接口模块，本次注册的 AW-700 标准配置不含该模块，选配模块将另行申报。 | 0 |
      | D3.6 | Integrity test summary report | 四(二)3 | Empty / placeholder | placeholders only: \\<AWT 遥测协议 v2 完整性测试总结报告\\> | 1 (1 warning) |
      | D3.7 | Integrity and availability test report | 四(二)3 | Not required here | functions.remote_control is invalid: cannot decide | 0 |
      | D4 | Maintenance plan | 四(二)4 | Present |  | 0 |
      | D4.1 | Update verification | 四(二)4 | Present |  | 0 |
      | D4.2 | User notification | 四(二)4 | Present |  | 0 |
      | D4.3 | Software version naming rule | 四(一) | Not required here | turned off in the configuration or a suppression comment (missing-section/D4.3) | 0 |
      | D5 | Cybersecurity capabilities | 三(二) | Present | recommended | 0 |

      ## Product technical requirements (cybersecurity) (产品技术要求.md)

      Present · 4 of 5 required sections present

      | ID | Requirement | Clause | Status | Note / reason | Findings |
      | --- | --- | --- | --- | --- | --- |
      | T1 | Data interfaces | 五(一)2(1) | Present |  | 0 |
      | T1.1 | Transmission protocols | 五(一)2(1) | Present | because interfaces.network is declared | 0 |
      | T1.2 | Storage formats | 五(一)2(1) | Not required here | interfaces.storage_media: not declared | 0 |
      | T2 | User access control | 五(一)2(2) | Present |  | 0 |
      | T2.1 | User authentication method | 五(一)2(2) | Present |  | 0 |
      | T2.2 | User types and permissions | 五(一)2(2) | Empty / placeholder | placeholders only: TBD | 1 (1 warning) |

      ## Instructions for use (cybersecurity)

      Missing: Initial registration needs this document (五(一)) · 0 of 8 required sections present

      | ID | Requirement | Clause | Status | Note / reason | Findings |
      | --- | --- | --- | --- | --- | --- |
      | I1 | Operating environment | 五(一)3 | Missing |  | 0 |
      | I1.1 | Hardware configuration | 五(一)3 | Missing |  | 0 |
      | I1.2 | Software environment | 五(一)3 | Missing |  | 0 |
      | I1.3 | Network conditions | 五(一)3 | Missing |  | 0 |
      | I2 | Security software | 五(一)3 | Missing |  | 0 |
      | I3 | Data and device (system) interfaces | 五(一)3 | Missing |  | 0 |
      | I4 | User access control | 五(一)3 | Missing |  | 0 |
      | I5 | Software environment and security software updates | 五(一)3 | Missing |  | 0 |

      ## Traceability matrix

      requirement → design → test → risk · 3 of 4 defined requirements traced · 3 row(s) with gaps · Undefined IDs: SD-09

      | Requirement | Design | Test | Risk | Gaps | Location |
      | --- | --- | --- | --- | --- | --- |
      | SR-01 | SD-01 | TC-01 | R-01 |  | 网络安全描述文档.md:79 |
      | SR-02 | SD-02 |  | R-02 | no test | 网络安全描述文档.md:80 |
      | SR-03 | SD-09 (undefined) | TC-03 | R-03 | undefined ID | 网络安全描述文档.md:81 |
      | SR-04 |  |  |  | not in the table |  |
      "
    `);
  });
});

describe('csv', () => {
  test('requirements × documents, zh-CN', () => {
    const r = run(['examples/monitor-with-mistakes', '--format', 'csv']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(csvLines(r.out).join('\n')).toMatchInlineSnapshot(`
      ""ID","要求","条款","必需","网络安全描述文档","常规安全补丁描述文档","产品技术要求（网络安全部分）","说明书（网络安全部分）","说明/原因","发现","位置"
      "D1","基本信息","四(二)1","是","已有","","","","","0","description.md:7"
      "D1.1","类型","四(二)1(1)","是","已有","","","","","0","description.md:11"
      "D1.2","功能","四(二)1(2)","是","已有","","","","","0","description.md:15"
      "D1.3","用途","四(二)1(3)","是","已有","","","","","0","description.md:19"
      "D1.4","交换方式","四(二)1(4)","是","已有","","","","","0","description.md:23"
      "D1.4.1","无线电管理符合性","四(二)1(4), 三(一)","否","本次无需","","","","interfaces.network.dedicated_wireless: 未声明","0",""
      "D1.5","安全软件","四(二)1(5)","是","不适用","","","","未说明理由","1","description.md:31"
      "D1.6","现成软件","四(二)1(6)","是","已有","","","","","3","description.md:35"
      "D2","风险管理","四(二)2","是","已有","","","","","1","description.md:43"
      "D2.1","风险分析报告","四(二)2, 二","是","已有","","","","","0","description.md:45"
      "D2.2","风险管理总结报告","四(二)2","是","已有","","","","","0","description.md:52"
      "D3","验证与确认","四(二)3","是","已有","","","","","0","description.md:56"
      "D3.1","网络安全测试计划","四(二)3","是","已有","","","","","0","description.md:58"
      "D3.2","网络安全测试报告","四(二)3","是","空白/占位","","","","仅有占位符：TODO","1","description.md:64"
      "D3.3","可追溯性分析报告","四(二)3","是","已有","","","","","0","description.md:68"
      "D3.4","安全软件兼容性测试报告","四(二)3","否","本次无需","","","","security_software: 未声明；“安全软件”（D1.5）未列出任何条目","0",""
      "D3.5","标准符合性证明","四(二)3","是","已有","","","","触发条件：interfaces.network.protocols = HL7 v2.6 (kind: standard)","0","description.md:77"
      "D3.6","完整性测试总结报告","四(二)3","否","本次无需","","","","interfaces.network.protocols = [HL7 v2.6 (kind: standard)]；interfaces.storage_media.formats: 未声明","0",""
      "D3.7","完整性和可得性测试报告","四(二)3","是","缺少","","","","触发条件：functions.remote_control = realtime","1",""
      "D4","维护计划","四(二)4","是","已有","","","","","0","description.md:81"
      "D4.1","更新确认","四(二)4","是","缺少","","","","第 27 行的标题不在上级章节之下","1",""
      "D4.2","用户告知","四(二)4","是","已有","","","","","0","description.md:87"
      "D4.3","软件版本命名规则","四(一)","是","已有","","","","","0","description.md:83"
      "D5","网络安全能力","三(二)","建议","缺少","","","","建议项","1",""
      "P1","补丁描述","四(三)","是","","已有","","","","0","patch.md:7"
      "P2","影响分析","四(三)","是","","已有","","","","0","patch.md:13"
      "P3","用户告知计划","四(三)","是","","已有","","","","0","patch.md:17"
      "P4","测试计划与报告","四(三)","是","","已有","","","","0","patch.md:21"
      "P5","新增已知剩余缺陷情况说明","四(三)","是","","已有","","","","0","patch.md:25"
      "T1","数据接口","五(一)2(1)","是","","","缺少","","","0",""
      "T1.1","传输协议","五(一)2(1)","是","","","缺少","","触发条件：已声明 interfaces.network","0",""
      "T1.2","存储格式","五(一)2(1)","否","","","本次无需","","interfaces.storage_media: 未声明","0",""
      "T2","用户访问控制","五(一)2(2)","是","","","缺少","","","0",""
      "T2.1","用户身份鉴别方法","五(一)2(2)","是","","","缺少","","","0",""
      "T2.2","用户类型及权限","五(一)2(2)","是","","","缺少","","","0",""
      "I1","运行环境","五(一)3","是","","","","已有","","0","instructions-for-use.md:7"
      "I1.1","硬件配置","五(一)3","是","","","","已有","","0","instructions-for-use.md:9"
      "I1.2","软件环境","五(一)3","是","","","","已有","","0","instructions-for-use.md:13"
      "I1.3","网络条件","五(一)3","是","","","","空白/占位","仅有占位符：<医院监护专网名称>","1","instructions-for-use.md:17"
      "I2","安全软件","五(一)3","是","","","","已有","","0","instructions-for-use.md:21"
      "I3","数据与设备接口","五(一)3","是","","","","已有","","0","instructions-for-use.md:25"
      "I4","用户访问控制机制","五(一)3","是","","","","已有","","0","instructions-for-use.md:29"
      "I5","软件环境与安全软件更新","五(一)3","是","","","","缺少","","1","""
    `);
  });
  test('en; the change dossier (authenticity statement, changes-only instructions)', () => {
    const r = run(['fixtures/ip-30-change', '--format', 'csv', '--locale', 'en']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(csvLines(r.out).join('\n')).toMatchInlineSnapshot(`
      ""ID","Requirement","Clause","Required","Authenticity statement","Instructions for use (cybersecurity)","Note / reason","Findings","Location"
      "S1","Authenticity statement","五(二)1(3)","yes","Missing","","lacks a date","1",""
      "I1","Operating environment","五(一)3","no","","Not required here","a change: this document describes the changes only","0",""
      "I1.1","Hardware configuration","五(一)3","no","","Not required here","a change: this document describes the changes only","0",""
      "I1.2","Software environment","五(一)3","no","","Not required here","a change: this document describes the changes only","0",""
      "I1.3","Network conditions","五(一)3","no","","Not required here","a change: this document describes the changes only","0",""
      "I2","Security software","五(一)3","no","","Not required here","a change: this document describes the changes only","0",""
      "I3","Data and device (system) interfaces","五(一)3","no","","Not required here","a change: this document describes the changes only","0",""
      "I4","User access control","五(一)3","no","","Not required here","a change: this document describes the changes only","0",""
      "I5","Software environment and security software updates","五(一)3","no","","Present","","0","说明书.md:9""
    `);
  });
  test('--table trace: the traceability matrix', () => {
    const r = run(['fixtures/aw-700', '--format', 'csv', '--table', 'trace']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(csvLines(r.out).join('\n')).toMatchInlineSnapshot(`
      ""需求","设计","测试","风险","缺口","位置"
      "SR-01","SD-01","TC-01","R-01","","网络安全描述文档.md:79"
      "SR-02","SD-02","","R-02","无测试","网络安全描述文档.md:80"
      "SR-03","SD-09（未定义）","TC-03","R-03","编号未定义","网络安全描述文档.md:81"
      "SR-04","","","","未列入追溯表","""
    `);
  });
});

/** Tags nest and close (void elements aside), attributes are quoted: enough to call it well-formed. */
function wellFormed(html: string): string[] {
  const problems: string[] = [];
  const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
  const stack: string[] = [];
  const body = html.replace(/^<!DOCTYPE html>\n/, '');
  if (body === html) problems.push('no doctype');
  const css = /<style>([\s\S]*?)<\/style>/.exec(body)?.[1] ?? '';
  for (const m of body.replace(css, '').matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*(\/?)>|<[^>]*>/g)) {
    if (!m[2]) {
      problems.push(`malformed tag ${m[0].slice(0, 40)}`);
      continue;
    }
    const name = m[2].toLowerCase();
    if (m[1]) {
      const top = stack.pop();
      if (top !== name) problems.push(`</${name}> closes <${top}>`);
    } else if (!VOID.has(name)) stack.push(name);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' ')}`);
  // Text never holds a raw < or > (everything from the dossier is escaped).
  const text = body.replace(/<[^>]*>/g, '');
  if (/[<>]/.test(text.replace(css, ''))) problems.push('raw < or > in text');
  return problems;
}

/** Anything that would make the page load something: a URL scheme, //, src/href to other than #/data:. */
function externalRefs(html: string): string[] {
  return [...html.matchAll(/https?:|\/\/|<script\b|<link\b|<iframe\b|<object\b|@import|url\(|\b(?:src|href|action|srcset)\s*=\s*["']?(?!#|data:)[^\s"'>]*/gi)].map((m) => m[0]);
}

describe('html', () => {
  test('one self-contained, well-formed page with the checklist, the bars and the trace matrix', () => {
    const r = run(['examples/monitor-with-mistakes', '--format', 'html']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(externalRefs(r.out)).toEqual([]);
    expect(wellFormed(r.out)).toEqual([]);
    expect(r.out).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(r.out).toContain('<html lang="zh-CN">');
    expect(r.out).toContain('2024-05-01 00&#58;00 UTC');
    // A completeness bar per document (and one for the dossier, one for the trace matrix).
    expect(r.out.match(/<div class="(?:bar[^"]*)"><span style="width:\d+%"><\/span><\/div>/g)).toHaveLength(1 + 4 * 2 + 1);
    for (const s of ['33 项必需章节中已具备 22 项', '✗ 缺少', '◌ 空白&#47;占位', '⊘ 不适用', '可追溯性矩阵', 'SR-007', 'description.md&#58;31']) expect(r.out).toContain(s);
  });
  test('--output: the format follows the extension; en', () => {
    const r = run(['examples/monitor', '--output', 'out/report.html', '--locale', 'en']);
    expect([r.code, r.out, r.err]).toEqual([0, '', '']);
    const html = fs.readFileSync(path.join(tmp, 'out', 'report.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('34 of 34 required sections present');
    expect(externalRefs(html)).toEqual([]);
    expect(wellFormed(html)).toEqual([]);
  });
  test('every string from the dossier is escaped; URLs in it stay text', () => {
    const dir = path.join(tmp, 'hostile');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'doc.md'),
      `---\ndocument: technical-requirements\nsubmission: initial-registration\nproduct: { name: "<script>alert(1)</script>泵", model: "x\\" onmouseover=\\"y", class: II, software_version: V1.0.0 }\ndata: { types: [device] }\ninterfaces: { network: { wired: true } }\n---\n\n# 技术要求\n\n## 数据接口\n\n### 传输协议\n\n不适用，理由：见 https://evil.example/a.png 与 <img src=x onerror=alert(1)> 的说明文件。\n\n## 用户访问控制\n\n### 用户身份鉴别方法\n\n口令。\n\n### 用户类型及权限\n\n管理员。\n`,
    );
    const r = run(['hostile/doc.md', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(externalRefs(r.out)).toEqual([]);
    expect(wellFormed(r.out)).toEqual([]);
    expect(r.out).not.toMatch(/<script|<img|onmouseover="/);
    expect(r.out).toContain('&lt;script&gt;alert(1)&lt;&#47;script&gt;泵');
    expect(r.out).toContain('https&#58;&#47;&#47;evil.example&#47;a.png');
  });
});

describe('usage', () => {
  test('--help documents the formats, the CSV layout, SOURCE_DATE_EPOCH and the exit status', async () => {
    const r = await usage(['--help']);
    expect(r.code).toBe(0);
    for (const s of ['--format html|md|csv', '--table checklist|trace', 'SOURCE_DATE_EPOCH', 'Exit status: 0', 'CSV columns (checklist)']) expect(r.out).toContain(s);
  });
  test('exit 2: bad option, bad format, two paths, an unreadable path, no dossier, several dossiers', async () => {
    expect((await usage(['--frobnicate'])).code).toBe(2);
    const bad = await usage(['examples/monitor', '--format', 'pdf']);
    expect([bad.code, bad.err.split('\n')[0]]).toEqual([2, 'cyberdossier report: --format must be html, md or csv, not pdf']);
    expect(await usage(['examples/monitor', 'examples/monitor-with-mistakes'])).toMatchObject({ code: 2, err: expect.stringContaining('report takes one PATH') });
    expect(await usage(['nope'])).toMatchObject({ code: 2, err: 'cyberdossier report: cannot read nope\n' });
    fs.mkdirSync(path.join(tmp, 'empty'), { recursive: true });
    expect(await usage(['empty'])).toMatchObject({ code: 2, err: expect.stringContaining('no dossier at empty') });
    expect(await usage(['examples'])).toMatchObject({ code: 2, err: 'cyberdossier report: examples holds 2 dossiers; name one: examples/monitor, examples/monitor-with-mistakes\n' });
    expect((await usage(['examples/monitor', '--format', 'md', '--table', 'trace'])).code).toBe(2);
    expect((await usage(['examples/monitor', '--config', 'nope.yaml'])).err).toBe('cyberdossier report: configuration file not found: nope.yaml\n');
  });
  test('the generation time is now without SOURCE_DATE_EPOCH', () => {
    const r = run(['examples/monitor', '--format', 'md'], { SOURCE_DATE_EPOCH: '' });
    const year = new Date().getUTCFullYear();
    expect(r.out).toMatch(new RegExp(`\\| 生成时间 \\| ${year}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\|`));
  });
});
