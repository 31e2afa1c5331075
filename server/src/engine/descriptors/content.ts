// Content findings inside present sections (nmpa-2022 §14, issue 12, fda-premarket-2025 §13, requirements.md §3a).
// One entry per code: default severity, title and the docs/rules/<code>.md content (descriptors/types.ts).

import type { CodeSource } from './types';
import { D_FM, FDA_FM, FDA_PLAN } from './examples';

export const CONTENT_CODES = {
  // nmpa-2022 (requirements-nmpa-2022.md §14)
  'missing-diagram': {
    severity: 'warning',
    foldsIntoPlaceholder: true,
    title: { zh: '缺少图示', en: 'Diagram missing' },
    what: {
      zh: '（nmpa-2022）指导原则要求以图示给出的章节没有图：网络环境和数据流图（R1.2.1、O1.2.1），网络安全更新、网络安全事件应急响应、远程维护与升级的流程图（R2.5.1–R2.5.3 及 O 镜像）。',
      en: '(nmpa-2022) A section the guideline asks to be given as a diagram has none: the network environment and data-flow diagrams (R1.2.1, O1.2.1) and the flow charts of cybersecurity updates, incident response and remote maintenance (R2.5.1–R2.5.3 and the O mirrors).',
    },
    why: { zh: '六（一）1（2）要求提供网络环境和数据流图；六（一）2（5）要求以流程图形式提供并依据图示描述相关活动。', en: '六（一）1（2） asks for network environment and data-flow diagrams; 六（一）2（5） asks for flow charts with the activities described after them.' },
    fix: { zh: '插入图片（![…](图.png) 或 <img>）、mermaid / plantuml / dot 代码块，或引用编号的图（“见图 3”“附件 2 中的图 1”）。应急响应也可改为写明所附的网络安全事件应急响应预案。', en: 'Insert an image (![…](fig.png) or <img>), a mermaid / plantuml / dot block, or refer to a numbered figure (“see Figure 3”, “Figure 1 of Annex 2”). For incident response, naming the attached incident response plan also satisfies it.' },
    choices: {
      zh: 'Markdown 没有“流程图”对象，因此图示按以下形式识别：Markdown 或 HTML 图片；语言为 mermaid、plantuml、puml、dot、graphviz 的代码块；对编号图的引用（图 3、见图、如图、Figure 3、Fig. 3）；同一句中提到附件与图。识别是启发式的，所以默认级别为警告。章节不适用、为空或缺失时不报告（缺失由 missing-section 报告）。（fda-premarket-2025）B2.1–B2.4 与 L2 同样需要图示（另认 Figure N、Fig. N、see Figure、Diagram N）；以引用作答的视图（“Global System View: see Threat Model, Section 2.3”“见《威胁模型》第 2.3 节”）不报告：审评员接受指向图示所在之处的引用，只给出 answered-by-reference 提示。缩减模式（非网络设备、IDE）下为 info。',
      en: 'Markdown has no flow-chart object, so a diagram is: a Markdown or HTML image; a fenced block in mermaid, plantuml, puml, dot or graphviz; a reference to a numbered figure (图 3, 见图, 如图, Figure 3, Fig. 3); an attachment and a figure named in one sentence. Detection is heuristic, hence a warning. Sections answered not applicable, empty or missing are not reported (missing-section covers those). (fda-premarket-2025) B2.1–B2.4 and L2 need a diagram too (Figure N, Fig. N, see Figure, Diagram N also count); a view answered by a reference (“Global System View: see Threat Model, Section 2.3”, “见《威胁模型》第 2.3 节”) is not reported — a reviewer accepts a pointer to where the diagram is — and gets the answered-by-reference hint instead. Info in reduced mode (not a cyber device, IDE).',
    },
    bad: `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 2 实现过程\n\n## 2.5 维护计划\n\n### 2.5.1 网络安全更新\n\n更新由研发部评估后发布，用户在设备端确认安装。\n`,
    good: `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 2 实现过程\n\n## 2.5 维护计划\n\n### 2.5.1 网络安全更新\n\n\`\`\`mermaid\nflowchart LR\n  评估 --> 验证 --> 发布 --> 用户确认安装\n\`\`\`\n\n更新由研发部评估后发布，用户在设备端确认安装。\n`,
  },
  'vulnerability-assessment-incomplete': {
    severity: 'error',
    foldsIntoPlaceholder: true,
    title: { zh: '漏洞评估不完整', en: 'Vulnerability assessment incomplete' },
    what: {
      zh: '（nmpa-2022）漏洞评估（R3 / F3 / U7 / O3 / Q3）没有按 CVSS 漏洞等级列明已知漏洞总数和已知剩余漏洞数（没有数量表，或某一等级没有数量）；或在安全性级别为中等、严重且已知剩余漏洞数大于 0 时，没有列明已知剩余漏洞的内容、对产品的影响及综合剩余风险。data.item 说明缺少的是什么（counts、level、residual-list）。',
      en: '(nmpa-2022) The vulnerability assessment (R3 / F3 / U7 / O3 / Q3) lacks the counts of known and residual vulnerabilities per CVSS level (no count table, or a level without a count), or — at level moderate or major with residual vulnerabilities — the list of them with their impact and overall residual risk. data.item says what is missing (counts, level, residual-list).',
    },
    why: { zh: '六（一）3 与表1、表2：按现行有效的 CVSS 漏洞等级明确已知漏洞总数和已知剩余漏洞数；中等、严重级别还需列明已知剩余漏洞的内容、对产品的影响及综合剩余风险。', en: '六（一）3 with 表1 / 表2: give known and residual vulnerability counts per CVSS level; at moderate and major also list the residual vulnerabilities with impact and overall residual risk.' },
    fix: { zh: '添加数量表（等级 × 已知漏洞数 / 已知剩余漏洞数，没有漏洞写 0），需要时添加剩余漏洞表（漏洞、对产品的影响、综合剩余风险）。', en: 'Add a count table (levels × known / residual counts, 0 where there are none) and, where required, the residual vulnerability table (vulnerability, impact, overall residual risk).' },
    choices: {
      zh: 'CVSS 等级取 v3.1 / v4.0 的定性等级：严重（超危）、高（高危）、中（中危）、低（低危）；“无”可列出但不要求。数量表可横排（等级为列）或竖排（等级为行）。数量表只要出现在漏洞评估的任何子章节中即可。剩余漏洞表的行数与剩余漏洞总数不一致、剩余数大于已知数、合计不等于各等级之和，报告为 inconsistent-fact；空白或非整数的数量报告为 incomplete-row。',
      en: 'CVSS levels are the v3.1 / v4.0 qualitative ones: Critical (严重 / 超危), High, Medium, Low; None may be listed but is not required. The count table may run across (levels as columns) or down (levels as rows), anywhere in the assessment’s subtree. A residual table whose rows differ from the residual total, a residual count above the known one, or a total that is not the sum is inconsistent-fact; an empty or non-integer count is incomplete-row.',
    },
    bad: `---\ndocument: cybersecurity-patch-update-report\nguideline: nmpa-2022\nsubmission: change\nupdates: [minor]\nupdate_content: [patch]\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.1.0 }\nsoftware: { safety_level: minor }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 7 漏洞评估\n\n本次补丁更新后已使用漏洞扫描工具进行了检查，未发现高风险漏洞。\n`,
    good: `---\ndocument: cybersecurity-patch-update-report\nguideline: nmpa-2022\nsubmission: change\nupdates: [minor]\nupdate_content: [patch]\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.1.0 }\nsoftware: { safety_level: minor }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 7 漏洞评估\n\n| 漏洞等级（CVSS v3.1） | 已知漏洞数 | 已知剩余漏洞数 |\n| --- | --- | --- |\n| 严重 | 0 | 0 |\n| 高 | 2 | 0 |\n| 中 | 3 | 1 |\n| 低 | 4 | 2 |\n`,
  },
  'version-rule-incomplete': {
    severity: 'warning',
    foldsIntoPlaceholder: true,
    title: { zh: '软件版本命名规则不完整', en: 'Version naming rule incomplete' },
    what: { zh: '（nmpa-2022）产品技术要求的软件版本命名规则（N1.1）没有涵盖网络安全更新，或没有区分重大和轻微网络安全更新。', en: '(nmpa-2022) The software version naming rule of the technical requirements (N1.1) does not cover cybersecurity updates, or does not tell major from minor ones.' },
    why: { zh: '七（三）与二（八）1：软件版本命名规则应涵盖网络安全更新情况，区分重大网络安全更新和轻微网络安全更新。', en: '七（三） and 二（八）1: the version naming rule covers cybersecurity updates and distinguishes major from minor ones.' },
    fix: { zh: '在命名规则中写明哪一位标识重大网络安全更新、哪一位标识轻微网络安全更新。', en: 'State which part of the version marks a major and which a minor cybersecurity update.' },
    choices: { zh: '检查 N1.1 整个子树中是否同时出现“网络安全”（或 cybersecurity / security）、“重大”（major）与“轻微”（minor）；data.missing 列出未写到的项。', en: 'N1.1’s whole subtree must say 网络安全 (or cybersecurity / security), 重大 (major) and 轻微 (minor); data.missing lists what is not stated.' },
    bad: `---\ndocument: technical-requirements\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 1 产品型号/规格及其划分说明\n\n## 1.1 软件版本命名规则\n\n软件完整版本格式为 V X.Y.Z.B，X 为重大软件更新，Y 为轻微软件更新，Z 为纠正性更新，B 为构建号。\n`,
    good: `---\ndocument: technical-requirements\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\ndata: { types: [device] }\nfunctions: { user_access: true }\n---\n\n# 1 产品型号/规格及其划分说明\n\n## 1.1 软件版本命名规则\n\n软件完整版本格式为 V X.Y.Z.B：X 为重大软件更新（含重大网络安全更新），Y 为轻微软件更新（含轻微网络安全更新），Z 为纠正性更新，B 为构建号。\n`,
  },
  // Issue 12: what a reviewer reads for inside a present section; personal data in device data.
  'section-incomplete': {
    severity: 'warning',
    foldsIntoPlaceholder: true,
    title: { zh: '章节内容不完整', en: 'Section incomplete' },
    what: {
      zh: '（nmpa-2022）一个已有的章节缺少指导原则为它列出的要素：远程维护与升级（R1.2.4）的实现方法、所用电子接口、设备数据所含内容、隔离方法、网络安全保证措施（五（三））；网络安全事件应急响应（R2.5.2）的计划与准备、探测与报告、评估与决策、应急响应实施、总结与改进五个阶段（二（七））；数据架构（R1.2、F1.2）中医疗数据与设备数据的隔离方法（二（二））；网络安全能力（R1.3）的强弱程度与风险水平（二（四））及其他能力的适用情况（六（一）1（3），提示）。data.missing 列出未写到的要素。',
      en: '(nmpa-2022) A present section lacks elements the guideline names for it: remote maintenance and upgrade (R1.2.4) — implementation method, interfaces used, device data content, isolation, security measures (五（三））; incident response (R2.5.2) — the five phases planning and preparation, detection and reporting, assessment and decision, response, review and improvement (二（七））; the data architecture (R1.2, F1.2) — how medical and device data are isolated (二（二））; the capability analysis (R1.3) — how strength follows the risk level (二（四）) and other capabilities (六（一）1（3）, hints). data.missing lists what is not stated.',
    },
    why: {
      zh: '审评员按指导原则逐项阅读这些章节：章节标题在、内容却缺少指导原则点名的要素，同样会被要求补正。',
      en: 'A reviewer reads these sections against the elements the guideline names; a section that has its title but not those elements is sent back just the same.',
    },
    fix: {
      zh: '逐项写明 data.missing 列出的要素；若内容在所附文件中，写明出处（见附件 N），该发现即改为提示。网络安全事件应急响应写明所附的网络安全事件应急响应预案文档即可（六（一）2（5）允许以预案代替流程图）。',
      en: 'State each element data.missing lists; where the content is in an attached document, name it (see Annex N) and the finding becomes a hint. For incident response, naming the attached incident response plan is enough (六（一）2（5） accepts the plan instead of the chart).',
    },
    choices: {
      zh: '每个要素按一组词识别（如隔离：隔离、分离、分库、分别存储、访问权限控制、访问控制、isolat）；应急响应读取源文本，流程图（mermaid 等）中的阶段名称也算，只缺“计划与准备”（流程图常从“探测与报告”开始）为提示，缺其他阶段为警告。严重程度的选择：远程维护与升级的五项技术特征为警告（五（三）逐项要求）；数据架构中的隔离方法为提示——二（二）提出隔离要求，但六（一）1（2）未把它列为数据架构的内容，且有远程维护时 R1.2.4 已按警告要求写明隔离方法；能力的强弱程度为提示——申请人通常通过能力表中的实现方式（如“用户名加口令，连续 5 次失败锁定”）体现强弱，审评员据此判断；其他网络安全能力为提示（六（一）1（3）“若适用”）。仍含占位符（<…>、TODO、待补充）的章节只报告 placeholder，写完后再检查这些要素。章节以引用作答且无表格时，改为 answered-by-reference 提示。',
      en: 'Each element is recognised by a group of words (isolation: 隔离, 分离, 分库, 分别存储, 访问权限控制, 访问控制, isolat …); incident response reads the source lines, so the phases in a flow chart (mermaid and the like) count, and planning and preparation alone missing (charts often start at detection) is a hint, any other phase a warning. Severities chosen: the five technical characteristics of remote maintenance are a warning (五（三） asks for each); isolation in the data architecture is a hint — 二（二） asks for isolation but 六（一）1（2） does not list it for the data architecture, and with remote maintenance R1.2.4 already requires it as a warning; the strength of capabilities is a hint — applicants show it through the mechanisms of the capability table (“user name and password, locked after 5 failures”), which is what the reviewer reads; other capabilities are a hint (六（一）1（3）, “where applicable”). A section still holding a placeholder (<…>, TODO, 待补充) gets only the placeholder finding; its elements are checked once it is written. A section answered by reference without a table gets the answered-by-reference hint instead.',
    },
    bad: `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\ndata: { types: [sensitive-medical, device] }\nfunctions: { user_access: true }\n---\n\n# 1 基本信息\n\n## 1.2 数据架构\n\n### 1.2.2 数据情况\n\n| 数据类型 | 具体内容 | 功能 | 用途 |\n| --- | --- | --- | --- |\n| 敏感医疗数据 | 个人信息、生理参数 | 双向电子数据交换 | 医疗活动 |\n| 设备数据 | 运行日志 | 非实时远程访问与控制 | 设备维护 |\n`,
    good: `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\ndata: { types: [sensitive-medical, device] }\nfunctions: { user_access: true }\n---\n\n# 1 基本信息\n\n## 1.2 数据架构\n\n### 1.2.2 数据情况\n\n| 数据类型 | 具体内容 | 功能 | 用途 |\n| --- | --- | --- | --- |\n| 敏感医疗数据 | 个人信息、生理参数 | 双向电子数据交换 | 医疗活动 |\n| 设备数据 | 运行日志 | 非实时远程访问与控制 | 设备维护 |\n\n患者数据库与设备日志分库存储，以不同的操作系统用户和访问权限控制隔离。\n`,
  },
  'device-data-personal-information': {
    severity: 'error',
    title: { zh: '设备数据含有个人信息', en: 'Device data contains personal information' },
    what: {
      zh: '（nmpa-2022）数据情况（R1.2.2、F1.2）中描述设备数据的表格行或句子写到了个人信息（患者姓名、身份证号、住院号、手机号等）。',
      en: '(nmpa-2022) A data-table row or sentence describing device data (R1.2.2, F1.2) names personal information (patient name, ID number, inpatient number, phone number …).',
    },
    why: {
      zh: '二（二）：设备数据是指记录医疗器械运行状况的数据（含日志），用于监视、控制医疗器械运行或者医疗器械的维护与升级，不得含有个人信息。含个人信息的数据属于敏感医疗数据，适用更严格的要求。',
      en: '二（二）: device data records how the device runs (logs included), for monitoring, control, maintenance and upgrade, and must not contain personal information. Data with personal information is sensitive medical data, with stricter requirements.',
    },
    fix: {
      zh: '把含个人信息的内容归入敏感医疗数据，或说明设备数据已去除个人信息（如“日志不含患者姓名”）。',
      en: 'Class the data with personal information as sensitive medical data, or state that it is removed from the device data (“logs contain no patient names”).',
    },
    choices: {
      zh: '识别的个人信息：姓名、身份证、住院号、门诊号、病历号、病案号、手机号、电话号码、联系电话、医保号、出生日期、家庭住址、患者编号/ID 及其英文写法；前面 12 个字符内有否定词（不含、不包括、不涉及、不得含有、无、去除、脱敏、not、no、without、excluding）时不算。只检查数据类型列为“设备数据”的行，以及以“设备数据”开头的句子或标注段落（至下一个数据类型为止）。',
      en: 'Personal information recognised: 姓名, 身份证, 住院号, 门诊号, 病历号, 病案号, 手机号, 电话号码, 联系电话, 医保号, 出生日期, 家庭住址, 患者编号/ID and their English forms; not when a negation (不含, 不包括, 不涉及, 不得含有, 无, 去除, 脱敏, not, no, without, excluding) stands within the 12 characters before. Only rows whose data-type cell is 设备数据 are read, and sentences or labelled paragraphs that start with 设备数据 (up to the next data type).',
    },
    bad: `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\ndata: { types: [sensitive-medical, device] }\nfunctions: { user_access: true }\n---\n\n# 1 基本信息\n\n## 1.2 数据架构\n\n### 1.2.2 数据情况\n\n| 数据类型 | 具体内容 | 功能 | 用途 |\n| --- | --- | --- | --- |\n| 敏感医疗数据 | 个人信息、生理参数 | 双向电子数据交换 | 医疗活动 |\n| 设备数据 | 运行日志（含患者姓名、住院号） | 非实时远程访问与控制 | 设备维护 |\n\n两类数据分库存储并隔离。\n`,
    good: `---\ndocument: cybersecurity-research-report\nguideline: nmpa-2022\nsubmission: initial-registration\nproduct: { name: 多参数患者监护仪, model: PM-9000, class: II, software_version: V2.1.0.3 }\nsoftware: { safety_level: moderate }\ndata: { types: [sensitive-medical, device] }\nfunctions: { user_access: true }\n---\n\n# 1 基本信息\n\n## 1.2 数据架构\n\n### 1.2.2 数据情况\n\n| 数据类型 | 具体内容 | 功能 | 用途 |\n| --- | --- | --- | --- |\n| 敏感医疗数据 | 个人信息、生理参数 | 双向电子数据交换 | 医疗活动 |\n| 设备数据 | 运行日志（不含患者姓名、住院号） | 非实时远程访问与控制 | 设备维护 |\n\n两类数据分库存储并隔离。\n`,
  },
  // fda-premarket-2025 (requirements-fda-premarket-2025.md §13)
  'not-a-cyber-device': {
    severity: 'info',
    title: { zh: '不是网络设备（524B(c)）', en: 'Not a cyber device (524B(c))' },
    what: {
      zh: '（fda-premarket-2025）frontmatter 的 524B(c) 三项标准中至少一项为 false（cyber_device.software、internet 或 vulnerable_characteristics）：本器械不是“网络设备”，第 524B 条不适用。每个文件报告一次（info），位于第一个为 false 的标准值上（按 software、internet、vulnerable_characteristics 的顺序；值来自 dossier.yaml 时位于第 0 行）。data.criterion 为该标准。其余检查照常进行，只是缺失类诊断的严重程度降低（A 级 error → warning，B 级 warning → info）。',
      en: '(fda-premarket-2025) One of the three 524B(c) criteria in the frontmatter is false (cyber_device.software, internet or vulnerable_characteristics): the device is not a “cyber device” and section 524B does not apply. Reported once per file (info) on the value of the first false criterion (in the order software, internet, vulnerable_characteristics; on line 0 when it comes from dossier.yaml). data.criterion names it. Everything else is still checked; only the absence codes are reported at lower severity (tier A error → warning, tier B warning → info).',
    },
    why: {
      zh: 'VII.B：第 524B(c) 条的网络设备须同时满足三项标准；Appendix 4：“each type of documentation identified throughout the guidance is recommended for all premarket submissions for devices with potential cybersecurity risks”——指南的建议仍然适用，法定要求不适用。',
      en: 'VII.B: a cyber device under 524B(c) meets all three criteria; Appendix 4: “each type of documentation identified throughout the guidance is recommended for all premarket submissions for devices with potential cybersecurity risks” — the guidance still recommends the documentation, the statute does not require it.',
    },
    fix: {
      zh: '确认三项标准的取值。注意 VII.B 对“连接互联网的能力”作广义理解：USB、以太网、串口连接器以及射频或磁感应通信均算；声明了这些连接而 internet 为 false 时报告 frontmatter-invalid，且该值视为无效。',
      en: 'Check the three criteria. VII.B reads “the ability to connect to the internet” broadly: USB, ethernet and serial connectors and RF or inductive communications count; internet: false with such a connection declared is frontmatter-invalid and the value counts as invalid.',
    },
    choices: {
      zh: '不使用 out-of-scope：out-of-scope 意味着“指导原则不适用、不检查正文”，而此处指南仍然适用（II、Appendix 4），只是法律条文不适用；用户需要知道严重程度为何降低。三项标准有一项缺失或无效且没有一项为 false 时为“未确定”：不报告本代码，严重程度不降低（未知不会降低严重程度）。data.requirement 为空（不针对某一要求）。',
      en: 'Not out-of-scope: out-of-scope means “the guideline does not apply, nothing else is checked”, while here the guidance still applies (II, Appendix 4) and only the statute does not; the user must be told why severities are lower. With a criterion missing or invalid and none false the state is undetermined: no notice, normal severities (an unknown never lowers a severity). data.requirement is empty (no single requirement is meant).',
    },
    bad: `${FDA_FM.replace('vulnerable_characteristics: true', 'vulnerable_characteristics: false')}\n\n${FDA_PLAN}`,
    good: `${FDA_FM}\n\n${FDA_PLAN}`,
  },
  // requirements.md §3a: an item answered by a reference cannot be content-checked.
  'answered-by-reference': {
    severity: 'hint',
    title: { zh: '以引用作答，内容未检查', en: 'Answered by reference: content not checked' },
    what: {
      zh: '一项要求以引用作答（“见附件 2”“详见《网络安全测试报告》（文件编号 STR-CS-001）”），而其内容检查需要本文档中的内容（表格列、完整版本、风险可接受性、追溯关系、能力逐项说明、漏洞数量等）：被引用的文件不在 Markdown 中，这些检查无法进行。提示写明所引用的文件，从不报错。',
      en: 'An item is answered by a reference (“见附件 2”, “详见《网络安全测试报告》（文件编号 STR-CS-001）”, “see Annex 2”) while its content checks need the text itself (table columns, full versions, risk acceptability, traceability rows, capability answers, vulnerability counts): the referenced document is not in the Markdown, so those checks cannot run. The hint names the reference; it is never an error.',
    },
    why: {
      zh: '申请人常在章节内以一句话引用附件作答（requirements.md §3a），审评员会接受这种写法；但检查器看不到附件内容，应当如实说明哪些内容未被检查，而不是误报缺失。',
      en: 'Applicants often answer an item in one sentence that points at an attachment (requirements.md §3a), and reviewers accept it; the checker cannot see the attachment, so it says what it did not check instead of reporting the content missing.',
    },
    fix: {
      zh: '无需修改。若希望检查器也检查这部分内容，把表格（或内容）写入本文档，引用可以保留。',
      en: 'Nothing to fix. To have the checker check the content too, put the table (or text) into the document; the reference may stay.',
    },
    choices: {
      zh: '引用的形式：附件 N / 附录 A（可带“见”“详见”），见《文件名》，文件编号 / 文档编号 …，见说明书第 N 章，see Annex / Attachment / Appendix N，document No. …；仅仅提到一个标准（依据《YY/T 0316》）不是引用。一个章节没有表格而含有引用时：需要表格的检查（清单表、风险表、追溯表）总是给出此提示；其他检查只有在本会报告问题时才改为此提示。每项要求最多一条。只要表格写在文档中，所有检查照常进行（引用不改变任何结果）。英文引用（fda-premarket-2025，规范 §3.1）还有：see <文件>, Section N（“Global System View: see Threat Model, Section 2.3”）、see Section N of …、refer to <文件名>（首字母大写的文件名）、in document <编号>、Doc. No. …、带扩展名的文件名（ip600-sbom.cdx.json）；中文“见《…》第 N 节”同样是引用。data.reference 为所引用的内容（不含 see / 见 及句末标点）。',
      en: 'A reference is: 附件 N / 附录 A (optionally after 见 / 详见), 见《document》, 文件编号 / 文档编号 …, 见说明书第 N 章, see Annex / Attachment / Appendix N, document No. …; merely naming a standard (依据《YY/T 0316》) is not one. When a section has no table and holds a reference: the checks that read a table (listing, risk and traceability tables) always give this hint; the other checks give it only where they would have reported something. At most one per requirement. When the table is in the document, every check runs as usual (a reference changes nothing). English forms (fda-premarket-2025, spec §3.1) also: see <document>, Section N (“Global System View: see Threat Model, Section 2.3”), see Section N of …, refer to <Document> (a capitalised title), in document <number>, Doc. No. …, a file name with an extension (ip600-sbom.cdx.json); 见《…》第 N 节 is one too. data.reference is what is referred to (without see / 见 and the final full stop).',
    },
    bad: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n现成软件清单见附件 2（文件编号 OTS-LIST-003）。\n`,
    good: `${D_FM}\n\n# 1 基本信息\n\n## 1.6 现成软件\n\n| 名称 | 型号规格 | 完整版本 | 供应商 |\n| --- | --- | --- | --- |\n| Windows 10 IoT Enterprise LTSC | 2021 | 10.0.19044.3086 | Microsoft |\n`,
  },
} satisfies Record<string, CodeSource>;
