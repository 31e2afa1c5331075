// Dossier, scope and configuration findings: document kinds and documents, facts across files, duplicates, scope, the rc file, file size, privacy, skipped sections.
// One entry per code: default severity, title and the docs/rules/<code>.md content (descriptors/types.ts).

import type { CodeSource } from './types';
import { GOOD_T, D_FM } from './examples';

export const DOSSIER_CODES = {
  'wrong-document-kind': {
    severity: 'error',
    title: { zh: '文档类型与申报类型不符', en: 'Document kind contradicts the submission' },
    what: { zh: '文档类型与 submission/updates 矛盾，例如产品注册时提交了常规安全补丁描述文档。', en: 'The document kind contradicts submission/updates, e.g. a patch description at an initial registration.' },
    why: { zh: '五(一)(二)(三)：不同申报情形提交不同的网络安全文档。', en: '五(一)(二)(三): each submission case needs its own cybersecurity documents.' },
    fix: { zh: '更正 document 或 submission/updates，或从本次申报中移除该文件。', en: 'Correct document or submission/updates, or take the file out of this submission.' },
    bad: GOOD_T.replace('document: technical-requirements', 'document: authenticity-statement'),
    good: GOOD_T,
  },
  'missing-document': {
    severity: 'error',
    title: { zh: '缺少申报文档', en: 'Dossier document missing' },
    what: { zh: '按文件夹检查 dossier 时，缺少申报情形所需的文档类型（报告在 dossier.yaml 的 submission 上）。', en: 'A dossier folder, checked as a folder, lacks a document kind its submission needs (reported on dossier.yaml’s submission key).' },
    why: { zh: '五：产品注册需要网络安全描述文档、产品技术要求与说明书；变更需要描述文档、补丁描述文档或真实性声明之一。', en: '五: initial registration needs the description, technical requirements and IFU; a change needs the description, the patch description or the authenticity statement.' },
    fix: { zh: '使用“新建申报文档”命令创建缺少的文档。', en: 'Create the missing document with the *New dossier document…* command.' },
    choices: {
      zh: '在检查整个文件夹时报告：CLI 的文件夹参数，或编辑器中打开该文件夹的任一文档时（语言服务器把所在文件夹当作整份申报资料检查，无需“检查工作区”，随每次检查去抖、缓存、可取消；issue 18）。CLI 只给出单个文件时不报告。没有 dossier.yaml 的单个文件从不报告。“如适用”的文档从不报告缺失。它和其他发现一样计入申报资料的总数（CLI 摘要、报告、检查清单、状态栏、Word 导出）。',
      en: 'Reported when the folder is checked as a dossier: a CLI folder argument, or in the editor as soon as any document of that folder is open (the language server checks the folder it belongs to as the whole dossier, no “Check workspace” needed — debounced, cached and cancellable with each check; issue 18). A CLI run naming only a file does not report it. A file without dossier.yaml never gets it; “where applicable” documents are never missing. It counts in the dossier’s totals like any other finding (CLI summary, report, checklist, status item, Word export).',
    },
    file: 'dossier.yaml',
    bad: 'submission: initial-registration\nproduct: { name: 中央监护系统, class: II }\ndata: { types: [device] }\ninterfaces: { network: { wired: true } }\n',
    good: 'submission: renewal\nproduct: { name: 中央监护系统, class: II }\ndata: { types: [device] }\ninterfaces: { network: { wired: true } }\n',
  },
  'inconsistent-fact': {
    severity: 'warning',
    foldsIntoPlaceholder: true, // a fact the section does not state yet; not the OTS-table-versus-SBOM mismatch (data.mismatch), which has its own fix
    title: { zh: '事实不一致', en: 'Inconsistent fact' },
    what: {
      zh: '同一 dossier 文件夹中不同文件的同一事实取值不同（如 product.software_version），或 frontmatter 中声明的协议/格式没有在应列出它的章节（T1、D1.4）中出现；或现成软件表格与 .cyberdossierrc.yaml 的 sbom 所指定的 SBOM 不一致（表格中有而 SBOM 中没有的软件、SBOM 中有而表格中没有的软件、完整版本不同、供应商明显不同）。',
      en: 'The same fact differs between files of one dossier folder (product.software_version, say), or a protocol/format declared in the frontmatter is absent from the section that must list it (T1, D1.4); or the off-the-shelf software table disagrees with the SBOM that `sbom` in .cyberdossierrc.yaml names (software in the table but not in the SBOM, in the SBOM but not in the table, a different full version, a clearly different vendor).',
    },
    why: { zh: '各申报资料描述的是同一产品；审评员会比对版本与接口是否一致。', en: 'All documents describe one product; reviewers compare versions and interfaces across them.' },
    fix: {
      zh: '统一取值（共享事实写在 dossier.yaml 中），或在章节中写明该协议/格式。现成软件表格与 SBOM 不一致时，更正错误的一方（版本不同时有快速修复：改为 SBOM 中的版本）；可用 `cyberdossier sbom import` 从 SBOM 生成表格。',
      en: 'Make the values agree (keep shared facts in dossier.yaml), or name the protocol/format in the section. When the OTS table and the SBOM disagree, correct the wrong side (a version mismatch has a quick fix: use the SBOM’s version); `cyberdossier sbom import` generates the table from the SBOM.',
    },
    choices: {
      zh: '只比较文件 frontmatter 中显式写出的值（与 dossier.yaml 或路径顺序中第一个写出它的文件比较）；覆盖 dossier.yaml 中的值是允许的，但会以警告提示各文件不一致。正文中的版本号从不比较。协议名称按规范化（去空格、标点、大小写）后的包含关系在整个章节（含子章节）中查找；协议写在 dossier.yaml 中时，诊断位于该章节标题上。章节不适用或为空时不检查。SBOM 比对（见 docs/sbom.md）：比对的章节由规则集给出（nmpa-2017 为 D1.6，nmpa-2022 为说明书的 M8 现成软件清单）；按名称、purl 名称或 CPE 产品名匹配（名称互相包含且唯一时也算），版本按规范化后比较（v3.0.13 与 3.0.13 相同），供应商只在没有共同的标识词时才报告（法律形式、大小写、标点不算差异），SBOM 的作者（authors）不与供应商比较。缺失的组件报告在表格表头行，其余报告在对应行或单元格。章节只引用附件、没有表格时不比对；章节回答“无/不适用”而 SBOM 列有软件时报告一次。无法读取或无效的 SBOM 在配置文件的 sbom 值上报告一次 config-invalid，且不做比对。（fda-premarket-2025）“必须写到”类检查（B3 每个已声明的连接、K4 蓝牙、L1 Windows 的防恶意软件）的诊断带 data.fact（如 connectivity.wireless）与 data.value（如 bluetooth；cloud、usb 等开关为 true）。H2 子树中必须出现 change.prior_submission 的值（忽略空白与大小写），否则在 H2.1 标题上（没有 H2.1 时在 H2 上）报告，data.fact 为 change.prior_submission，data.value 为该值。',
      en: 'Only values a file states explicitly are compared (with dossier.yaml, else the first file in path order that states them); overriding a dossier.yaml value is allowed but warned about, since the files then disagree. Versions in prose are never compared. Protocol names are looked for, normalised (spaces, punctuation, case), in the whole section and its sub-sections; when the protocol is declared in dossier.yaml the finding sits on the section’s heading. Sections answered not applicable, or empty, are not checked. SBOM comparison (see docs/sbom.md): the rule set names the section (D1.6 under nmpa-2017, the IFU’s M8 现成软件清单 under nmpa-2022); components match by name, purl name or CPE product (also when one name contains the other and the candidate is unique); versions compare normalised (v3.0.13 is 3.0.13); a vendor is reported only when the two share no identifying word (legal forms, case and punctuation are no difference), and SBOM authors are not compared with vendors. A component missing from the table is reported on the table’s header row, the rest on their row or cell. A section that only refers to an attachment (no table) is not compared; one answered none / not applicable while the SBOM lists software is reported once. An unreadable or invalid SBOM is one config-invalid on the rc file’s sbom value, and nothing is compared. (fda-premarket-2025) The “must name” checks (every declared connection in B3, Bluetooth in K4, anti-malware in L1 under Windows) carry data.fact (connectivity.wireless) and data.value (bluetooth; true for the cloud, usb … flags). H2’s subtree must name the value of change.prior_submission (whitespace and case aside), else the finding is on the H2.1 heading (on H2’s without it), data.fact change.prior_submission, data.value the value.',
    },
    bad: GOOD_T.replace('与医院信息系统之间采用 HL7 v2.6 协议，TLS 1.2 加密。', '与医院信息系统之间采用标准协议，TLS 1.2 加密。'),
    good: GOOD_T,
  },
  'duplicate-section': {
    severity: 'warning',
    title: { zh: '章节重复', en: 'Duplicate section' },
    what: { zh: '同一要求的章节在同一父章节下出现了两次；只检查第一次出现的章节。', en: 'The same requirement’s section appears twice under one parent; only the first is checked.' },
    why: { zh: '重复的章节让审评员无法判断以哪一处为准。', en: 'A duplicate leaves the reviewer guessing which one counts.' },
    fix: { zh: '合并两个章节。', en: 'Merge the two sections.' },
    bad: GOOD_T.replace('## 2.2 用户类型及权限', '## 2.2 用户类型及权限\n\n见下。\n\n## 2.3 用户角色及权限'),
    good: GOOD_T,
  },
  'out-of-scope': {
    severity: 'info',
    title: { zh: '不适用本指导原则', en: 'Outside the guideline’s scope' },
    what: { zh: '第一类医疗器械，或既无网络也无存储媒介数据交换的产品：本指导原则不适用。只报告一次，不检查正文（frontmatter 错误仍报告）。', en: 'A class I device, or one with neither a network nor storage-media exchange: the guideline does not apply. Reported once; the body is not checked (frontmatter errors still are).' },
    why: { zh: '一、适用范围：第二类、第三类具有网络连接或通过存储媒介交换数据的医疗器械。', en: '一 (scope): class II and III devices with a network connection or storage-media data exchange.' },
    fix: { zh: '确认产品事实无误；若确实不适用，无需网络安全文档。', en: 'Check the facts; if the guideline indeed does not apply, no cybersecurity document is needed.' },
    choices: {
      zh: '仅当 interfaces.network 与 interfaces.storage_media 都不存在，且 functions.exchange 与 functions.remote_control 都不存在或为 none 时才不适用；声明了数据交换但未写接口仍在范围内。无效值不能使文件“不适用”。类别 I 来自 dossier.yaml 时，诊断位于文件第 0 行。不适用时也不报告 wrong-document-kind 与 missing-document。',
      en: 'Only when interfaces.network and interfaces.storage_media are both absent and functions.exchange and functions.remote_control are absent or none; a device that declares data exchange without interfaces stays in scope. An invalid value never puts a file out of scope. When class I comes from dossier.yaml the finding sits on line 0 of the file. Out of scope, neither wrong-document-kind nor missing-document is reported.',
    },
    bad: GOOD_T.replace('class: II', 'class: I'),
    good: GOOD_T,
  },
  'config-invalid': {
    severity: 'error',
    title: { zh: '配置无效', en: 'Invalid configuration' },
    what: { zh: '.cyberdossierrc.yaml（或 dossier.yaml）不是有效的 YAML，或有未知键、错误取值、无效的正则表达式。其余配置照常生效。', en: '.cyberdossierrc.yaml (or dossier.yaml) is not valid YAML, or has an unknown key, a bad value or an invalid regular expression. The rest of the file still applies.' },
    why: { zh: '配置错误会悄悄改变检查结果；必须让用户看到。', en: 'A configuration mistake silently changes the results; it must be visible.' },
    fix: { zh: '按消息修正（支持“您是否想写”）；编辑器通过随附的 JSON Schema 提供补全与校验。', en: 'Fix it as the message says (with did-you-mean); the shipped JSON Schema gives completion and validation in the editor.' },
    choices: {
      zh: '申报资料仓库可能来自他人，配置只作数据处理（SECURITY.md）。正则表达式：ids 中的模式在 RE2（re2js，纯 JavaScript 实现）上运行，匹配时间与文本长度成线性关系，任何模式（如 (a+)+$）都不会使检查卡住，因此这类模式被接受而不报告；RE2 不支持的写法（前后断言 (?=…) (?<!…)、反向引用 \\1）报告 config-invalid。整词边界不再用前后断言实现，而是匹配前后各一个边界字符。每个模式最多 256 个字符、编译后最多 1000 条指令，每类最多 16 个模式，超出部分报告 config-invalid：这样每次检查的耗时至多是 TC-\\d+ 的固定倍数。\\u4e00 等 JavaScript 写法会自动转换。dossierGlobs 与 .gitignore 同样转换为 RE2 匹配；不支持的 !(…) 报告 config-invalid，[!a] 按 bash 与 git 理解为“非 a”。路径：sbom、export.referenceDocx、vulnerabilities 及今后命名文件的键，相对于所在配置文件解析，解析符号链接后必须位于该文件所在文件夹、档案文件夹或工作区（命令行为当前目录，或 --allow-path 明确允许的文件夹）之内，必须是普通文件（不是 FIFO、套接字、设备或文件夹），SBOM 不超过 50 MB、参考样式文档不超过 20 MB；否则在该值上报告 config-invalid，且不打开该文件。消息只说明问题与位置（如“不是有效的 JSON，第 3 行第 7 列”），从不引用文件内容。受限模式（未信任的工作区）下，ids、dossierGlobs、sbom、export、vulnerabilities 暂不使用，并在各键上以“信息”级别的 config-invalid 说明；信任后自动生效。当 dossier.yaml（或 .cyberdossierrc.yaml）本身无法解析时，申报资料中的每个文件在第 1 行报告一次 config-invalid（data.file、data.line、data.column），relatedInformation 指向该错误，而不是报告一连串缺少的键：dossier.yaml 的事实未加载时文件正文不检查（所有条件要求都取决于这些事实），rc 文件无法解析时按默认设置检查。解析器的英文原文只保留在 data.detail 中，消息给出行号、列号和本地化的说明。',
      en: 'A dossier repository may come from someone else, so configuration is only data (SECURITY.md). Regular expressions: ids patterns run on RE2 (re2js, a pure JavaScript port), in time linear in the text, so no pattern (such as (a+)+$) can hang a check; such a pattern is therefore accepted, not reported. What RE2 does not support (lookaround such as (?=…) or (?<!…), backreferences such as \\1) is config-invalid. The whole-token boundaries are matched as one boundary character before and after, not with lookaround. A pattern is at most 256 characters and 1000 compiled instructions, a kind at most 16 patterns; more is config-invalid — so one check costs at most a fixed multiple of what it costs with TC-\\d+. JavaScript spellings such as \\u4e00 are translated. dossierGlobs and .gitignore lines are translated to RE2 as well; the unsupported !(…) is config-invalid, and [!a] means “not a”, as in bash and git. Paths: sbom, export.referenceDocx, vulnerabilities (files or folders; docs/vulnerabilities.md) and every future key naming a file are resolved against the configuration file and must lie, symbolic links followed, inside its folder, the dossier’s folder or the workspace (on the command line: the current directory, or a folder allowed with --allow-path); they must be regular files (not a FIFO, socket, device or folder), an SBOM at most 50 MB, a reference document at most 20 MB. Otherwise config-invalid on the value, and the file is not opened. Messages say what is wrong and where (“not valid JSON at line 3, column 7”), never what the file holds. In Restricted Mode (a workspace that is not trusted) ids, dossierGlobs, sbom, export and vulnerabilities are not applied, each with an info-level config-invalid on its key; trusting the folder applies them. When dossier.yaml (or .cyberdossierrc.yaml) itself does not parse, every file of the dossier gets one config-invalid on line 1 (data.file, data.line, data.column) with relatedInformation pointing at the error, instead of a cascade of missing keys: with dossier.yaml’s facts not loaded the body is not checked (every conditional requirement depends on them); with the rc file unreadable the file is checked with the defaults. The parser’s English message is kept only as data.detail; the message gives line, column and a localized description.',
    },
    file: '.cyberdossierrc.yaml',
    bad: 'rules:\n  placeholdr: warning\n',
    good: 'rules:\n  placeholder: warning\n',
  },
  'file-too-large': {
    severity: 'error',
    title: { zh: '文件过大', en: 'File too large' },
    what: { zh: '文件超过配置的大小上限（默认 10 MB），未检查。', en: 'The file is over the configured size limit (default 10 MB) and was not checked.' },
    why: { zh: '保护编辑器与 CI 不被超大文件拖慢。', en: 'Keeps the editor and CI responsive on huge files.' },
    fix: { zh: '拆分文件（同类文件会合并为一个文档检查），或在 .cyberdossierrc.yaml 中调整 maxFileSize。', en: 'Split the file (files of one kind are checked as one document), or raise maxFileSize in .cyberdossierrc.yaml.' },
    choices: { zh: '大小按 UTF-8 字节计；上限可写作 10MB、512KB 或字节数。', en: 'Size counts UTF-8 bytes; the limit may be written 10MB, 512KB or a number of bytes.' },
    config: 'maxFileSize: 4KB\n',
    bad: `${GOOD_T}\n## 附录 测试记录\n\n${'测试用例 TC 执行记录：全部通过，未发现异常。\n'.repeat(60)}`,
    good: GOOD_T,
  },
  'privacy-not-addressed': {
    severity: 'warning',
    foldsIntoPlaceholder: true, // on the section that declares the data (2017 D1.1, 2022 R1.2.2)
    title: { zh: '未说明隐私保护', en: 'Privacy not addressed' },
    what: { zh: 'data.types 声明了健康数据，但网络安全描述文档从未提及隐私（隐私、个人信息、个人数据、患者信息保护、privacy、personal data、personal information）。', en: 'data.types declares health data but the cybersecurity description never mentions privacy (隐私, 个人信息, 个人数据, 患者信息保护, privacy, personal data, personal information).' },
    why: { zh: '三(一)：对于健康数据，注册申请人应当遵循患者隐私保护的相关规定。', en: '三(一): for health data the applicant follows the rules on patient privacy.' },
    fix: { zh: '说明如何保护患者隐私（如去标识化、加密存储与传输、访问控制）。', en: 'Describe how patient privacy is protected (de-identification, encryption, access control).' },
    choices: {
      zh: '位置：D1.1 标题；没有 D1.1 时为 data.types 的值（在本文件中时），否则为 frontmatter 后第一行。检查整份描述文档（同类型的所有文件），标题也算提及。不带 data.requirement（这是对整份文档的要求），data.clause 为 三(一)。',
      en: 'Position: the D1.1 heading; without D1.1 the data.types value (when in this file), else the first line after the frontmatter. The whole description is searched (every file of the kind), headings included. No data.requirement (it concerns the whole document); data.clause is 三(一).',
    },
    bad: `${D_FM}\n\n# 1 基本信息\n\n## 1.1 类型\n\n健康数据：患者姓名、病历号与生理参数；设备数据：运行日志。\n`,
    good: `${D_FM}\n\n# 1 基本信息\n\n## 1.1 类型\n\n健康数据：患者姓名、病历号与生理参数，涉及患者隐私，采用加密存储与传输保护；设备数据：运行日志。\n`,
  },
  'section-skipped': {
    severity: 'warning',
    title: { zh: '章节未检查', en: 'Section not checked' },
    what: {
      zh: `某一节没有被解析和检查：块引用或列表嵌套超过 100 层（解析器在这种输入上会变得极慢），或解析器在这一节出错。该节的标题仍参与章节匹配，正文视为非空。`,
      en: 'A section was not parsed or checked: its block quotes or lists nest more than 100 levels deep (the parser slows down badly on such input), or the parser failed on it. Its heading still counts for section matching; its body counts as not empty.',
    },
    why: { zh: '检查器必须在任何输入下保持响应、从不崩溃，同时不能悄悄略过内容：跳过的内容必须明确告知。', en: 'The checker must stay responsive and never crash on any input, and must never skip content silently.' },
    fix: { zh: '减少嵌套层级（真实的申报资料不会嵌套到这个深度，通常是粘贴错误）。', en: 'Reduce the nesting (a real dossier never nests this deep; it is usually a paste accident).' },
    choices: { zh: '上限为 100 层（块引用层数加上列表缩进的一半）。', en: 'The limit is 100 levels (block quote markers plus half the list indentation).' },
    bad: `${GOOD_T}\n${'>'.repeat(150)} 误粘贴的内容\n`,
    good: GOOD_T,
  },
} satisfies Record<string, CodeSource>;
