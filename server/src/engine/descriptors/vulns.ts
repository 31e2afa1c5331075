// Issue 17: the SBOM (or OTS table) against the user’s own vulnerability data and VEX.
// One entry per code: default severity, title and the docs/rules/<code>.md content (descriptors/types.ts).

import type { CodeSource } from './types';
import { U_MAJOR, U_MINOR, VULN_RC, VULN_FILES, COUNTS, RESIDUAL, VULN_DATA_CHOICES } from './examples';

export const VULNERABILITY_DATA_CODES = {
  // Issue 17: the SBOM (or OTS table) against the user's own vulnerability data and VEX.
  'known-vulnerability-unaddressed': {
    severity: 'warning',
    title: { zh: '已知漏洞未评估', en: 'Known vulnerability not addressed' },
    what: {
      zh: '.cyberdossierrc.yaml 的 vulnerabilities 指定的本地漏洞数据（OSV、NVD、CVE 5）显示，SBOM（或现成软件表）所列组件的版本有一个已知漏洞，但漏洞评估章节既没有列出它，也没有 VEX 声明评估它。',
      en: 'The local vulnerability data named by vulnerabilities in .cyberdossierrc.yaml (OSV, NVD, CVE 5) shows a known vulnerability of a listed component’s version, but the vulnerability assessment neither lists it nor has a VEX statement assessing it.',
    },
    why: {
      zh: '六（一）3 要求基于国家信息安全漏洞库或互认的国际信息安全漏洞库评估全部已知漏洞，按 CVSS 等级明确已知漏洞总数和已知剩余漏洞数；遗漏的已知漏洞会使数量和剩余风险结论失真。',
      en: '六（一）3 asks for an assessment against the national or a mutually recognised vulnerability database, with the known and residual vulnerabilities counted by CVSS level; a known vulnerability left out makes the counts and the residual-risk conclusion wrong.',
    },
    fix: {
      zh: '在漏洞评估中列出该漏洞（已修复、剩余漏洞并说明影响与剩余风险，或不受影响并说明理由），或在 VEX 文件中说明；cyberdossier vulns 或编辑器命令“起草漏洞评估…”可生成完整的漏洞表。',
      en: 'List it in the assessment (fixed; residual, with its impact and residual risk; or not affected, with the reason), or state it in a VEX file; cyberdossier vulns or the editor command “Draft vulnerability assessment…” drafts the full table.',
    },
    choices: VULN_DATA_CHOICES,
    config: VULN_RC,
    files: { bad: VULN_FILES, good: VULN_FILES },
    bad: `${U_MINOR}\n\n# 7 漏洞评估\n\n${COUNTS(1, 1)}\n`,
    good: `${U_MINOR}\n\n# 7 漏洞评估\n\n${COUNTS(1, 1)}\n\n${RESIDUAL('仅用于内部帮助页面，不处理外部输入')}\n`,
  },
  'vulnerability-count-mismatch': {
    severity: 'warning',
    title: { zh: '漏洞数量与漏洞数据不符', en: 'Vulnerability counts disagree with the data' },
    what: {
      zh: '漏洞评估的数量表中某一 CVSS 等级的已知漏洞数，少于本地漏洞数据显示的所列组件在该等级的已知漏洞数（不受影响的除外）。',
      en: 'The count table of the assessment gives fewer known vulnerabilities for a CVSS level than the local vulnerability data shows for the listed components at that level (those not affecting the device aside).',
    },
    why: {
      zh: '六（一）3 要求按 CVSS 漏洞等级明确已知漏洞总数；数量应与列出的漏洞一致。',
      en: '六（一）3 asks for the number of known vulnerabilities by CVSS level; the counts must agree with the vulnerabilities.',
    },
    fix: { zh: '按漏洞数据更正数量（cyberdossier vulns 会按 CVSS v3.1 基本分数统计），或列明漏洞不受影响的理由。', en: 'Correct the counts from the data (cyberdossier vulns counts by CVSS v3.1 base score), or state why a vulnerability does not affect the device.' },
    choices: {
      zh: `只报告少于数据的等级：扫描工具可能发现数据之外的漏洞，多于数据不算不一致。等级按 CVSS v3.1 基本分数（OSV 只给向量时按规范计算）：严重 ≥ 9.0，高危 ≥ 7.0，中危 ≥ 4.0，低危 ≥ 0.1；没有 CVSS v3 分数的漏洞按数据给出的等级词，仍没有则不计入。${VULN_DATA_CHOICES.zh}`,
      en: `Only a level below the data is reported: a scanner may find vulnerabilities the data does not hold, so more than the data is not a disagreement. Levels by CVSS v3.1 base score (computed from the vector by the specification when OSV gives only the vector): critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low ≥ 0.1; without a CVSS v3 score the data’s severity word, else the vulnerability is not counted. ${VULN_DATA_CHOICES.en}`,
    },
    config: VULN_RC,
    files: { bad: VULN_FILES, good: VULN_FILES },
    bad: `${U_MINOR}\n\n# 7 漏洞评估\n\n${COUNTS(0, 0)}\n\n漏洞 CVE-2020-11023 已修复。\n`,
    good: `${U_MINOR}\n\n# 7 漏洞评估\n\n${COUNTS(1, 0)}\n\n漏洞 CVE-2020-11023 已修复。\n`,
  },
  'residual-vulnerability-without-plan': {
    severity: 'warning',
    title: { zh: '剩余漏洞缺少维护方案', en: 'Residual vulnerability without a maintenance plan' },
    what: {
      zh: '本地漏洞数据显示所列组件有未修复的已知漏洞（剩余漏洞），而规则集在此级别要求的“已知剩余漏洞的维护方案”（2022：R3.3 等，严重级别）没有写明。',
      en: 'The local vulnerability data shows known vulnerabilities of the listed components that are not fixed (residual ones), and the maintenance plan of known residual vulnerabilities the rule set asks for at this level (2022: R3.3 and alike, major level) is not written.',
    },
    why: { zh: '六（一）3：严重级别须明确已知剩余漏洞的维护方案，确保产品综合剩余风险均可接受。', en: '六（一）3: at major level the maintenance plan of the known residual vulnerabilities is stated, keeping every overall residual risk acceptable.' },
    fix: { zh: '写明剩余漏洞的维护方案（监测、评估、修复时限、用户告知），或修复这些漏洞。', en: 'Write the maintenance plan of the residual vulnerabilities (monitoring, assessment, time to fix, user notification), or fix them.' },
    choices: {
      zh: `剩余漏洞：数据中影响所列组件、且未被写明已修复或不受影响（评估或 VEX）的漏洞；维护方案的章节缺失、为空或只有占位符时报告（与 missing-section 并存：此处列出具体漏洞）。维护方案的要求条件不满足时（如中等级别）不报告。${VULN_DATA_CHOICES.zh}`,
      en: `Residual: a vulnerability of a listed component in the data that neither the assessment nor VEX marks fixed or not affected. Reported when the plan’s section is missing, empty or a placeholder (beside missing-section: this one names the vulnerabilities); not reported where the plan is not required (moderate level, say). ${VULN_DATA_CHOICES.en}`,
    },
    config: VULN_RC,
    files: { bad: VULN_FILES, good: VULN_FILES },
    bad: `${U_MAJOR}\n\n# 7 漏洞评估\n\n${COUNTS(1, 1)}\n\n${RESIDUAL('帮助页面可能执行注入的脚本')}\n`,
    good: `${U_MAJOR}\n\n# 7 漏洞评估\n\n${COUNTS(1, 1)}\n\n${RESIDUAL('帮助页面可能执行注入的脚本')}\n\n## 7.3 已知剩余漏洞的维护方案\n\n每月比对 KEV 与 OSV 数据；CVE-2020-11023 将于 V2.1.2 升级 jQuery 3.5.0 修复，期间帮助页面仅显示本地静态内容。\n`,
  },
  'vulnerability-data-outdated': {
    severity: 'warning',
    title: { zh: '漏洞数据过旧', en: 'Vulnerability data outdated' },
    what: {
      zh: 'vulnerabilities 的某项写明了 maxAge，而该漏洞数据的日期早于当前时间减去 maxAge。',
      en: 'An item of vulnerabilities has a maxAge, and its data is older than that.',
    },
    why: {
      zh: '检查器从不联网下载漏洞数据；过旧的数据会漏掉新公布的漏洞，评估结论只对数据的日期有效。',
      en: 'The checker never downloads vulnerability data; old data misses newly published vulnerabilities, and the assessment holds only as of the data’s date.',
    },
    fix: { zh: '更新本地漏洞数据（下载新的 OSV 导出、NVD 数据或 KEV 目录），或按贵司流程调整 maxAge。', en: 'Update the local data (a new OSV export, NVD feed or KEV catalog), or adjust maxAge to your process.' },
    choices: {
      zh: `数据的日期：数据自身声明的最新日期（NVD 的 timestamp、KEV 的 dateReleased、OSV / CVE 记录中最新的 modified、VEX 的时间戳），没有时为文件（文件夹中最新文件）的修改时间。maxAge 写作 30d、12h、2w（数字表示天）。位置：该项在 .cyberdossierrc.yaml 中的位置。`,
      en: 'The data’s date: the newest date the data states (NVD timestamp, KEV dateReleased, the newest modified of OSV / CVE records, the VEX timestamp), else the modification time of the file (the newest file of a folder). maxAge is written 30d, 12h, 2w (a number is days). Position: the item in .cyberdossierrc.yaml.',
    },
    file: '.cyberdossierrc.yaml',
    files: { bad: VULN_FILES, good: VULN_FILES },
    bad: 'vulnerabilities:\n  - path: vulns/known_exploited_vulnerabilities.json\n    maxAge: 30d\n',
    good: 'vulnerabilities:\n  - path: vulns/known_exploited_vulnerabilities.json\n    maxAge: 100000d\n',
  },
} satisfies Record<string, CodeSource>;
