// fda-premarket-2025 §10 and K6.1 (requirements-fda-premarket-2025.md §13): the SBOM and known exploited vulnerabilities.
// One entry per code: default severity, title and the docs/rules/<code>.md content (descriptors/types.ts).

import type { CodeSource } from './types';
import { FDA_RMR_FM, FDA_SBOM_HEAD, cdx, FDA_KEV } from './examples';

export const SBOM_CODES = {
  // fda-premarket-2025 §10 and K6.1 (requirements-fda-premarket-2025.md §13): the SBOM and known exploited vulnerabilities.
  'sbom-component-incomplete': {
    severity: 'error',
    title: { zh: 'SBOM 组件要素不全', en: 'SBOM component incomplete' },
    what: {
      zh: '（fda-premarket-2025）`.cyberdossierrc.yaml` 的 `sbom:` 指定的机器可读 SBOM 中，有软件组件缺少供应商、名称、版本、唯一标识、支持级别或支持终止日期。每个组件一条，data.missing 按此顺序列出所缺要素；位于第一个网络安全风险管理报告文件的 K5 标题上（没有 K5 时位于该文件 frontmatter 之后的第一行）。',
      en: '(fda-premarket-2025) A software component of a machine-readable SBOM that `sbom:` in `.cyberdossierrc.yaml` names lacks its supplier, name, version, unique identifier, level of support or end-of-support date. One finding per component, data.missing listing the missing elements in that order; it lands on the K5 heading of the first risk management report file (without K5, on that file’s first line after the frontmatter).',
    },
    why: {
      zh: 'V.A.4.b：除 NTIA 最低要素外，“for each software component contained within the SBOM, manufacturers should include in the premarket submission: The software level of support … and The software component’s end-of-support date”；524B(b)(3) 要求网络设备提供 SBOM。incomplete-row 只报告 Markdown 表格行，没有代码报告 SBOM 文件内部的缺陷。',
      en: 'V.A.4.b: besides the NTIA minimum elements, “for each software component contained within the SBOM, manufacturers should include in the premarket submission: The software level of support … and The software component’s end-of-support date”; 524B(b)(3) requires the SBOM of a cyber device. incomplete-row reports a Markdown table row; no other code reports a defect inside an SBOM file.',
    },
    fix: {
      zh: '在 SBOM 中补充所缺要素：CycloneDX 组件的 `supplier`、`version`、`purl`/`cpe`/`hashes`，以及名为 “Level of Support”“End-of-Support” 的 `properties`；SPDX 包的 `supplier`、`versionInfo`、`externalRefs`/`checksums`、`validUntilDate`，以及注释中的 “Level of Support: …”“End-of-Support: …” 行。没有版本的固件写明理由（“N/A – mask ROM, no version published; identified by SHA-256 …”），或加 “Justification” 属性。',
      en: 'Add the missing elements to the SBOM: a CycloneDX component’s `supplier`, `version`, `purl` / `cpe` / `hashes`, and `properties` named “Level of Support” and “End-of-Support”; an SPDX package’s `supplier`, `versionInfo`, `externalRefs` / `checksums`, `validUntilDate`, and annotation lines “Level of Support: …”, “End-of-Support: …”. For firmware with no version, write the reason (“N/A – mask ROM, no version published; identified by SHA-256 …”) or add a “Justification” property.',
    },
    choices: {
      zh: '标签比较时忽略大小写及字母数字以外的字符，按结尾识别：支持级别以 levelofsupport / supportlevel 结尾，支持终止以 endofsupport / endofsupportdate 结尾或为 eos / eosdate，理由以 justification / rationale 结尾（fda:levelOfSupport、cdx:lifecycle:milestone:endOfSupport 均可）。版本只认 CycloneDX `version` / SPDX `versionInfo`：versionRange 和 purl 中的 @version 不算。带理由的“不适用”（N/A – …，至少 6 个非空白、非标点字符）算已给出，单独的 N/A、None 不算；理由（Justification，至少 6 个字符）可代替版本、唯一标识、支持级别和支持终止日期，不能代替供应商和名称。不检查：SBOM 的主体（metadata.component、SPDX DESCRIBES 的包）、scope: excluded、构建/测试/开发依赖、硬件（device、data、machine-learning-model、cryptographic-asset，SPDX DEVICE）。同一 SBOM 中重复的组件（相同 purl，或相同名称和版本）合并为一个，先出现者的路径为准。只在检查包含风险管理报告的文件时报告；严重程度在缩减模式下为 warning（A 级）。',
      en: 'Labels are compared case-folded with everything but letters and digits removed, by their ending: a support label ends with levelofsupport / supportlevel, an end-of-support label ends with endofsupport / endofsupportdate or is eos / eosdate, a justification label ends with justification / rationale (fda:levelOfSupport and cdx:lifecycle:milestone:endOfSupport count). Only CycloneDX `version` / SPDX `versionInfo` is a version: a versionRange or the purl’s @version is not. A not-applicable answer with a reason (N/A – …, at least 6 characters that are neither whitespace nor punctuation) counts as given, a bare N/A or None does not; a justification (at least 6 such characters) stands in for the version, identifier, support and end of support, never for the supplier or name. Not checked: the SBOM’s subject (metadata.component, the packages an SPDX document DESCRIBES), scope: excluded, build / test / development dependencies, hardware (device, data, machine-learning-model, cryptographic-asset; SPDX DEVICE). Duplicates within one SBOM (same purl, else same name and version) are one component, at the path of the first. Reported only when a file holding the risk management report is checked; a warning in reduced mode (tier A).',
    },
    config: 'sbom: bom.cdx.json\n',
    files: {
      bad: { 'bom.cdx.json': cdx([]) },
      good: { 'bom.cdx.json': cdx([{ name: 'Level of Support', value: 'Actively maintained' }, { name: 'End-of-Support', value: 'No date published; monitored until 2035-12-31' }]) },
    },
    bad: `${FDA_RMR_FM}\n\n${FDA_SBOM_HEAD}`,
    good: `${FDA_RMR_FM}\n\n${FDA_SBOM_HEAD}`,
  },
  'end-of-support-passed': {
    severity: 'warning',
    title: { zh: '组件已过支持终止日期', en: 'Component past its end of support' },
    what: {
      zh: '（fda-premarket-2025）组件的支持终止日期早于参照日期，或其支持级别表明已不再受支持（no longer maintained、abandoned、end of life、不再维护等），且没有写明理由。SBOM 表（K5）中位于支持终止单元格（否则为支持级别单元格）；SBOM 文件中的组件位于 K5 标题。data：component、endOfSupport、date（读到的终止日期）、referenceDate、referenceSource（submission_date 或 today）、reason（date 或 support-level）；SBOM 文件另有 sbom、path。',
      en: '(fda-premarket-2025) A component whose end of support is earlier than the reference date, or whose level of support says it is no longer supported (no longer maintained, abandoned, end of life, 不再维护 …), without a justification. In the SBOM table (K5) on the end-of-support cell (else the support cell); for a component of an SBOM file on the K5 heading. data: component, endOfSupport, date (the end read), referenceDate, referenceSource (submission_date or today), reason (date or support-level); sbom and path for a file.',
    },
    why: {
      zh: 'V.A.4.b 要求每个组件的支持级别和支持终止日期；V.A.4：“manufacturers should include plans for how third-party software components could be updated or replaced if support ends”。已过支持期的组件经评估并说明理由后可以接受（V.A：器械达到支持终止时的风险转移），因此这里要求写明理由，并且是警告而不是错误。',
      en: 'V.A.4.b asks for the level of support and the end-of-support date of each component; V.A.4: “manufacturers should include plans for how third-party software components could be updated or replaced if support ends”. A component past its end of support is acceptable when assessed and justified (V.A: risk transfer at end of support), so the finding asks for the justification and is a warning, not an error.',
    },
    fix: {
      zh: '升级或替换该组件；或在表格的理由（Justification / Rationale / Remark）列（SBOM 文件中为 “Justification” 属性或注释行）写明风险如何控制，以及更新或替换该组件的计划（K6.3）。',
      en: 'Upgrade or replace the component; or, in the table’s justification column (Justification / Rationale / Remark; in an SBOM file a “Justification” property or annotation line), state how the risk is controlled and the plan to update or replace the component (K6.3).',
    },
    choices: {
      zh: '参照日期为 submission_date（有效时）；未写时为当天（UTC；命令行在设置了 SOURCE_DATE_EPOCH 时取其值）；submission_date 无效时不比较日期。可识别的日期：YYYY-MM-DD、YYYY/MM/DD、YYYY.MM.DD、YYYY-MM、YYYY/MM、YYYY年M月D日、YYYY年M月、YYYY-Qn、Qn YYYY、单独的四位年份；只到月、季度、年的日期分别按该月、该季度、该年的最后一天计；一个单元格有多个日期（主流支持与延长支持）时取最晚者；没有日期的单元格不比较。理由须至少 6 个非空白、非标点字符。每行（每个组件）最多一条：终止日期已过时报告日期，否则报告支持级别。硬件行（类型为 hardware、device、硬件、设备）不检查。缩减模式下为 info。',
      en: 'The reference date is submission_date when it is valid; when it is absent, today (UTC; the command line takes SOURCE_DATE_EPOCH when it is set); when submission_date is invalid, no date is compared. Dates read: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY-MM, YYYY/MM, YYYY年M月D日, YYYY年M月, YYYY-Qn, Qn YYYY, a four-digit year alone; a month, quarter or year ends on its last day; with several dates in a cell (mainstream and extended support) the latest counts; a cell with no date is not compared. A justification has at least 6 characters that are neither whitespace nor punctuation. At most one finding per row (component): the date when it passed, else the level of support. Hardware rows (type hardware, device, 硬件, 设备) are not checked. Info in reduced mode.',
    },
    bad: `${FDA_RMR_FM}\n\n${FDA_SBOM_HEAD}| OpenSSL | OpenSSL Software Foundation | 1.1.1w | pkg:generic/openssl@1.1.1w | No longer maintained | 2023-09-11 |\n`,
    good: `${FDA_RMR_FM}\n\n${FDA_SBOM_HEAD.replace('| End-of-support date |\n| --- | --- | --- | --- | --- | --- |', '| End-of-support date | Justification |\n| --- | --- | --- | --- | --- | --- | --- |').replace('| 2026-06-30 |', '| 2026-06-30 | |')}| OpenSSL | OpenSSL Software Foundation | 1.1.1w | pkg:generic/openssl@1.1.1w | No longer maintained | 2023-09-11 | Service port only, disabled in clinical mode (RA-CS-014); replaced by OpenSSL 3.0 in release 3.3 |\n`,
  },
  'known-exploited-vulnerability': {
    severity: 'error',
    title: { zh: '已知被利用漏洞未消除', en: 'Known exploited vulnerability not designed out' },
    what: {
      zh: '（fda-premarket-2025）已知漏洞表（K6.1）中标记为列入 CISA 已知被利用漏洞目录（KEV 列为 yes、y、true、listed、x、✓、是、已列入）的漏洞没有被消除：其状态列（没有状态时为控制措施列）没有写明 fixed、patched、remediated、resolved、removed、eliminated、upgraded、not affected 或 已修复、已修补、已消除、已移除、已升级、不受影响。位于该行，data.vulnerability 为漏洞单元格。 另：所列组件的一个已知漏洞在 CISA 已知被利用漏洞目录（KEV，由 vulnerabilities 指定的本地文件）中，且没有修复：评估中未写明已修复或不受影响，也没有 VEX 声明 fixed 或有理由的 not_affected。',
      en: '(fda-premarket-2025) A vulnerability the known-vulnerability table (K6.1) marks as listed in CISA’s Known Exploited Vulnerabilities Catalog (KEV column yes, y, true, listed, x, ✓, 是, 已列入) is not designed out: its status cell (else its control cell) does not say fixed, patched, remediated, resolved, removed, eliminated, upgraded, not affected (or 已修复, 已修补, 已消除, 已移除, 已升级, 不受影响). On the row; data.vulnerability is the vulnerability cell. Also: A known vulnerability of a listed component is in the CISA Known Exploited Vulnerabilities catalog (a local file named by vulnerabilities) and is not fixed: the assessment does not say fixed or not affected, and no VEX statement says fixed or not_affected with a justification.',
    },
    why: {
      zh: 'V.A.2：“vulnerabilities identified in CISA’s Known Exploited Vulnerabilities Catalog should be designed out of the device, as they are already being exploited”。unacceptable-residual-risk 只报告作者自己评为不可接受的风险，而 KEV 漏洞即使被评为可接受也应消除。 另：已被实际利用的漏洞风险最高；FDA 上市前网络安全指南要求评估 KEV 目录中的漏洞，六（一）3 要求确保产品综合剩余风险均可接受。',
      en: 'V.A.2: “vulnerabilities identified in CISA’s Known Exploited Vulnerabilities Catalog should be designed out of the device, as they are already being exploited”. unacceptable-residual-risk reports what the author rated unacceptable; a KEV vulnerability must be designed out even when rated acceptable. Also: A vulnerability exploited in the wild carries the highest risk; FDA’s premarket cybersecurity guidance asks for the KEV catalog to be assessed, and 六（一）3 requires every overall residual risk to be acceptable.',
    },
    fix: {
      zh: '修复、升级或移除受影响的组件，并在状态列写明（如 “Fixed – upgraded to 5.6.1”“Not affected: the vulnerable code is not built”）。 另：升级组件或打补丁后在评估中写明“已修复”，或说明产品不受影响及理由（也可写入 VEX）。',
      en: 'Fix, upgrade or remove the affected component and say so in the status column (“Fixed – upgraded to 5.6.1”, “Not affected: the vulnerable code is not built”). Also: Upgrade or patch the component and mark it fixed in the assessment, or state why the device is not affected (in the assessment or in VEX).',
    },
    choices: {
      zh: '只在表头有 KEV 列（kev、known exploited、已知被利用）时检查；KEV 单元格按整格或首个词判断。状态列有内容时读状态列，否则读控制措施列；“not affected” 视为已消除（漏洞不存在于器械中）。严重程度不随模式降低。',
      en: 'Checked only when the header has a KEV column (kev, known exploited, 已知被利用); the KEV cell is read as a whole or by its first word. The status cell is read when it has text, else the control cell; “not affected” counts as designed out (the vulnerability is not in the device). The severity does not follow the mode.',
    },
    bad: `${FDA_RMR_FM}\n\n${FDA_KEV('Service port disabled in clinical mode | Open')}`,
    good: `${FDA_RMR_FM}\n\n${FDA_KEV('xz-utils upgraded to 5.6.1 | Fixed')}`,
  },
} satisfies Record<string, CodeSource>;
