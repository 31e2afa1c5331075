// Table findings: incomplete rows, missing columns, versions, residual risks, IDs and traceability, the capability list.
// One entry per code: default severity, title and the docs/rules/<code>.md content (descriptors/types.ts).

import type { CodeSource } from './types';
import { GOOD_T, D_FM } from './examples';

export const TABLE_CODES = {
  'incomplete-row': {
    severity: 'error',
    title: { zh: '表格行不完整', en: 'Incomplete table row' },
    what: { zh: '安全软件、现成软件、补丁或追溯表的某一行缺少必需列的内容。', en: 'A row of a security-software, OTS, patch or traceability table has an empty required cell.' },
    why: { zh: '四(二)1(5)(6) 要求逐项描述名称、型号规格、完整版本、供应商（安全软件还有运行环境要求）；四(二)3 要求追溯需求、设计、测试与风险。', en: '四(二)1(5)(6) require name, model/spec, full version and vendor for each item (runtime requirements for security software); 四(二)3 relates requirement, design, test and risk.' },
    fix: { zh: '填写空单元格。', en: 'Fill in the empty cell.' },
    choices: {
      zh: '只检查必需列（追溯表为需求、设计、测试、风险四列）；缺少的列不再逐行报告；以“无/不适用/N/A”开头的行视为答复而非条目。空版本单元格同时报告 version-not-full。（fda-premarket-2025）data.missing 为缺内容的列角色（data.columns 同值，供快速修复）。SBOM 表中类型为硬件（hardware、device、硬件、设备 等，整格）的行不是软件组件，从不检查。B1 控制类别表中适用性既不是“适用”也不是“不适用”（如 Partly，或为空）的类别行、适用但未写验收准则的行，均为 incomplete-row。工具表（E3、E4）、通信路径表（B3）、端口表（L3）为 B 级。',
      en: 'Only required columns are checked (requirement, design, test and risk in the traceability table); a column the table lacks is not reported row by row; a row whose name is 无 / 不适用 / N/A is an answer, not an item. An empty version cell also gets version-not-full. (fda-premarket-2025) data.missing lists the roles left empty (data.columns holds the same, for the quick fixes). An SBOM row whose type cell is hardware (hardware, device, 硬件, 设备 …, whole cell) is not a software component and is never checked. In the B1 control-category table, a category whose applicability is neither applicable nor not applicable (Partly, or empty) and an applicable one without acceptance criteria are incomplete-row. The tools (E3, E4), path (B3) and port (L3) tables are tier B.',
    },
    bad: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| OpenSSL | 通用版 | 1.1.1w |  |\n`,
    good: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| OpenSSL | 通用版 | 1.1.1w | OpenSSL Software Foundation |\n`,
  },
  'missing-column': {
    severity: 'error',
    title: { zh: '表格缺少必需列', en: 'Table lacks a required column' },
    what: { zh: '上述表格缺少必需的列。表头单元格在规范化后“包含”该列的词即可（如“软件名称”含“名称”），列顺序不限，中英文均可。', en: 'Such a table lacks a required column. A header cell fills a column when, normalised, it contains one of the column’s words (“软件名称” contains 名称); order is free; zh or en.' },
    why: { zh: '同上：条款逐项列出了必须描述的属性。', en: 'As above: the clauses list the attributes each item must have.' },
    fix: { zh: '使用快速修复添加该列（为每一行添加空单元格），然后填写。', en: 'Use the quick fix to add the column (an empty cell on every row), then fill it in.' },
    choices: {
      zh: '现成软件的类别（应用/系统/支持软件）可以是一列，也可以是分组子标题，缺少它不报告。补丁表（P1）需要名称、版本与日期。一个章节中没有含“名称”列的表格时不做表格检查（清单可能在附件中）。（fda-premarket-2025）工具表（E3、E4）缺少版本或设置列为 B 级（正常模式 warning，缩减模式 info），尽管 E3、E4 本身为 A 级（规范 §6）。K9 的追溯表是表头含测试列以及威胁或风险列之一的表格：缺少另一列报告 missing-column。',
      en: 'The OTS category (application/system/support) may be a column or a grouping sub-heading; its absence is not reported. The patch table (P1) needs name, version and date. A listing section without a name-column table gets no table diagnostic (the list may be an attachment). (fda-premarket-2025) A tools table (E3, E4) without its version or settings column is tier B (warning in normal mode, info in reduced mode) although E3 and E4 are tier A (spec §6). K9’s traceability table is a table with a test column and a threat or a risk column: the other one missing is missing-column.',
    },
    bad: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 完整版本 | 供应商 |\n| --- | --- | --- |\n| OpenSSL | 1.1.1w | OpenSSL Software Foundation |\n`,
    good: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| OpenSSL | 通用版 | 1.1.1w | OpenSSL Software Foundation |\n`,
  },
  'version-not-full': {
    severity: 'warning',
    title: { zh: '版本不是完整版本', en: 'Version is not a full version' },
    what: {
      zh: '版本不能唯一标识一个构建：latest、*、x、2.x、>=1.2、~1.2、单个数字（10、V3、Windows 10）或空。两段以上数字（2.31、10.0.19044.3086）、字母后缀版本（1.1.1w）、build 号或 KB 补丁号、发布日期（2024-05-01）均为完整版本。',
      en: 'A version that does not identify one build: latest, *, x, 2.x, >=1.2, ~1.2, a single number (10, V3, Windows 10) or empty. Two or more numeric parts (2.31, 10.0.19044.3086), a letter suffix (1.1.1w), a build or KB number, or a release date (2024-05-01) are full.',
    },
    why: { zh: '四(二)1(5)(6) 要求“完整版本”：漏洞与补丁只能对应到确切的构建。', en: '四(二)1(5)(6) ask for the full version (完整版本): vulnerabilities and patches map only to exact builds.' },
    fix: { zh: '写出确切版本号（Windows 请写 10.0.x.y 形式的 build 号）。', en: 'Write the exact version (for Windows, the 10.0.x.y build number).' },
    choices: { zh: '同样检查 product.software_version；“及以上”“or later”等范围写法也不是完整版本。（fda-premarket-2025）SBOM 表（K5）与工具表（E3、E4）的版本列同样检查；带理由的不适用版本（“N/A – mask ROM, no version published; identified by SHA-256 …”）被接受，只写 N/A 报告 not-applicable-without-reason；硬件行（类型为 hardware 等）从不检查。', en: 'product.software_version is checked too; “及以上” / “or later” ranges are not full versions either. (fda-premarket-2025) The version columns of the SBOM table (K5) and the tools tables (E3, E4) are checked too; a justified not-applicable version (“N/A – mask ROM, no version published; identified by SHA-256 …”) is accepted, a bare N/A is not-applicable-without-reason; hardware rows (type hardware …) are never checked.' },
    bad: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| Windows 10 IoT Enterprise | LTSC 2019 | Windows 10 | Microsoft Corporation |\n`,
    good: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| Windows 10 IoT Enterprise | LTSC 2019 | 10.0.17763.5329 | Microsoft Corporation |\n`,
  },
  'unacceptable-residual-risk': {
    severity: 'error',
    title: { zh: '剩余风险不可接受', en: 'Unacceptable residual risk' },
    what: { zh: '风险表中某行的可接受性为“不可接受 / unacceptable / 否 / no”。风险表指表头含威胁/危害列、控制措施列以及剩余风险或可接受性列的表格。', en: 'A risk-table row whose acceptability says 不可接受 / unacceptable / 否 / no. A risk table has a threat or hazard column, a control column and a residual-risk or acceptability column.' },
    why: { zh: '四(二)2：“确保全部剩余风险均是可接受的”；四(三)：证明新增风险均可接受。', en: '四(二)2: all residual risks must be acceptable; 四(三): every new risk must be shown acceptable.' },
    fix: { zh: '增加风险控制措施并重新评价，直至剩余风险可接受。', en: 'Add risk controls and re-evaluate until the residual risk is acceptable.' },
    choices: {
      zh: '可接受性取自表头含“可接受”的列，否则取“剩余风险”列；接受准则矩阵等其他表格不检查；正文叙述不检查。检查范围为 D2（及其子章节 D2.1、D2.2）和 P5 中的风险表，data.requirement 为 D2 或 P5（要求本身所在的章节）。',
      en: 'The acceptability cell is the column whose header contains 可接受 / acceptab, else the residual column; other tables (an acceptance matrix) and prose are not checked. Risk tables anywhere in D2 (D2.1, D2.2 included) and P5 are checked; data.requirement is D2 or P5, the requirement that asks for acceptable residual risk.',
    },
    bad: `${D_FM}\n\n# 2 风险管理\n\n## 2.1 风险分析报告\n\n| 风险编号 | 威胁 | 控制措施 | 剩余风险 | 是否可接受 |\n| --- | --- | --- | --- | --- |\n| R-001 | 远程篡改报警限 | 报文校验 | 中 | 不可接受 |\n`,
    good: `${D_FM}\n\n# 2 风险管理\n\n## 2.1 风险分析报告\n\n| 风险编号 | 威胁 | 控制措施 | 剩余风险 | 是否可接受 |\n| --- | --- | --- | --- | --- |\n| R-001 | 远程篡改报警限 | 报文校验与床旁确认 | 低 | 可接受 |\n`,
  },
  'undefined-reference': {
    severity: 'error',
    title: { zh: '引用了未定义的编号', en: 'Reference to an undefined ID' },
    what: { zh: '引用了在整个申报资料中都没有定义的编号（SR-、SD-、TC-、R- 等）。编号在表格行的第一个编号、或位于标题/列表项/段落开头且后接冒号或空白时为定义，其他位置为引用。', en: 'An ID (SR-, SD-, TC-, R-, …) is referenced but defined nowhere in the dossier. An ID is defined as the first ID of a table row, or at the start of a heading, list item or paragraph followed by a colon or whitespace; elsewhere it is a reference.' },
    why: { zh: '四(二)3 的可追溯性要求每个引用都能找到对象；悬空的编号会让审评员无法核对。', en: '四(二)3 traceability needs every reference to resolve; a dangling ID cannot be verified by a reviewer.' },
    fix: { zh: '在表格或列表中定义该编号，或更正拼写（跳转到定义/查找引用可帮助核对）。', en: 'Define the ID in a table or list, or correct it (go to definition / find references help).' },
    choices: {
      zh: '同一 dossier 文件夹内的所有文件共享编号；追溯表中的编号都是引用。表格行中，跳过只含数字的单元格（如序号）后，第一个单元格以编号开头时该编号为定义。编号格式可在 .cyberdossierrc.yaml 的 ids 中配置，按完整词匹配（R-\\d+ 不会匹配 SR-012 的一部分），可与中文直接相邻（“见SR-001的”）。没有 data.requirement。',
      en: 'All files of a dossier folder share IDs; IDs in the traceability table are references. In a table row, after cells holding only a number (序号) are skipped, an ID that begins the first cell is a definition. Patterns are configurable (`ids`) and match whole tokens (R-\\d+ never matches inside SR-012), also right next to Chinese text (“见SR-001的”). No data.requirement.',
    },
    bad: `${GOOD_T.replace('TLS 1.2 加密。', 'TLS 1.2 加密（见 SR-004）。')}`,
    good: `${GOOD_T.replace('TLS 1.2 加密。', 'TLS 1.2 加密（见 SR-004）。')}\n## 附录\n\n- SR-004：通信须采用 TLS 1.2 及以上协议加密。\n`,
  },
  'untraced-requirement': {
    severity: 'warning',
    title: { zh: '需求未被追溯', en: 'Requirement not traced' },
    what: { zh: '已定义的需求在可追溯性分析表中没有对应的已定义测试，或没有对应的已定义风险。', en: 'A defined requirement has no defined test, or no defined risk, in the traceability table rows that name it.' },
    why: { zh: '四(二)3：可追溯性分析报告追溯网络安全需求规范、设计规范、测试、风险管理的关系。', en: '四(二)3: the traceability report relates requirements, design, tests and risk management.' },
    fix: { zh: '在追溯表中为该需求补充测试编号与风险编号（并确保它们有定义）。', en: 'Add the test and risk IDs to the requirement’s row of the traceability table (and define them).' },
    choices: {
      zh: '申报资料中没有追溯表（例如以附件提交）时不报告。只看追溯表中含有该需求编号的行；缺测试与缺风险合并为一条，data.missing 列出所缺项。data.requirement 为追溯要求本身（D3.3）。',
      en: 'Not reported when the dossier has no traceability table at all (it is an attachment, say). Only the traceability rows that name the requirement count; a missing test and a missing risk are one finding, data.missing lists them. data.requirement is the traceability requirement (D3.3).',
    },
    bad: `${D_FM}\n\n# 3 验证与确认\n\n## 3.3 可追溯性分析报告\n\n| 需求编号 | 设计编号 | 测试编号 | 风险编号 |\n| --- | --- | --- | --- |\n| SR-001 | SD-001 | TC-001 | R-001 |\n\n- SR-001：HL7 通信采用 TLS 1.2 加密。\n- SR-002：维护报文须经 HMAC 校验。\n- SD-001：通信模块集成 OpenSSL。\n- TC-001：TLS 加密测试。\n- R-001：网络窃听。\n`,
    good: `${D_FM}\n\n# 3 验证与确认\n\n## 3.3 可追溯性分析报告\n\n| 需求编号 | 设计编号 | 测试编号 | 风险编号 |\n| --- | --- | --- | --- |\n| SR-001 | SD-001 | TC-001 | R-001 |\n\n- SR-001：HL7 通信采用 TLS 1.2 加密。\n- SD-001：通信模块集成 OpenSSL。\n- TC-001：TLS 加密测试。\n- R-001：网络窃听。\n`,
  },
  'capability-unaddressed': {
    severity: 'warning',
    title: { zh: '网络安全能力未说明', en: 'Capability not addressed' },
    what: { zh: '网络安全能力章节（D5）没有说明某一项 IEC/TR 80001-2-2 能力：其代码或中英文名称应出现在表格行中，或位于标题、列表项开头。每项缺失报告一次，data.capability 为代码。', en: 'The capability section (D5) does not address an IEC/TR 80001-2-2 capability: its code or zh/en name must stand in a table row or at the start of a heading or list item. One finding per capability; data.capability holds its code.' },
    why: { zh: '三(二)：IEC/TR 80001-2-2 规范了十九项网络安全能力，申请人根据产品特性考虑其适用性。', en: '三(二): IEC/TR 80001-2-2 defines nineteen capabilities whose applicability the applicant considers.' },
    fix: { zh: '使用快速修复添加缺少的能力行，逐项写明适用及实现方式，或不适用及理由。', en: 'Use the quick fix to add the missing rows, then state for each whether it applies and how, or why not.' },
    choices: { zh: '仅在 D5 存在时检查（D5 本身为建议项）。', en: 'Checked only when D5 is present (D5 itself is recommended).' },
    bad: `${D_FM}\n\n# 5 网络安全能力\n\n| 编号 | 网络安全能力 | 是否适用 | 实现方式或不适用理由 |\n| --- | --- | --- | --- |\n| ALOF | 自动注销 | 是 | 无操作 10 分钟自动注销 |\n`,
    good: `${D_FM}\n\n# 5 网络安全能力\n\n${['ALOF 自动注销', 'AUDT 审核控制', 'AUTH 授权', 'CNFS 安全特性配置', 'CSUP 网络安全产品升级', 'DIDT 健康数据身份信息去除', 'DTBK 数据备份与灾难恢复', 'EMRG 紧急访问', 'IGAU 健康数据完整性与真实性', 'MLDP 恶意软件探测与防护', 'NAUT 网络节点鉴别', 'PAUT 人员鉴别', 'PLOK 物理锁', 'RDMP 第三方组件维护计划', 'SAHD 系统与应用软件硬化', 'SGUD 安全指导', 'STCF 健康数据存储保密性', 'TXCF 传输保密性', 'TXIG 传输完整性'].map((c) => `- ${c}：适用，实现方式见设计说明。`).join('\n')}\n`,
  },
} satisfies Record<string, CodeSource>;
