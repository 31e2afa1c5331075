// Vocabulary shared by the rule sets (requirements.md §3–§4): table column words, answers,
// placeholders, ID patterns. Rule sets may extend or override any of it.

/** Words that fill a column role when a normalised header cell contains one of them. */
export const COLUMNS: Record<string, string[]> = {
  name: ['名称', '编号', 'name', 'id'],
  model: ['型号', '规格', 'model', 'spec'],
  version: ['版本', 'version'],
  vendor: ['供应商', '厂商', '制造商', '生产商', 'vendor', 'supplier', 'manufacturer'],
  runtime: ['运行环境', 'runtime', 'environment'],
  category: ['类别', '类型', '分类', 'category', 'type'],
  date: ['日期', 'date'],
  threat: ['威胁', '危害', 'threat', 'hazard'],
  control: ['控制', 'control', 'mitigation'],
  residual: ['剩余风险', 'residual'],
  acceptability: ['可接受', 'acceptab'],
  requirement: ['需求', 'requirement'],
  design: ['设计', 'design'],
  test: ['测试', 'test'],
  risk: ['风险', 'risk'],
};

/** Localised names of the column roles (messages, quick-fix headers). */
export const COLUMN_LABELS: Record<string, { zh: string; en: string }> = {
  name: { zh: '名称', en: 'Name' },
  model: { zh: '型号规格', en: 'Model/spec' },
  version: { zh: '完整版本', en: 'Full version' },
  vendor: { zh: '供应商', en: 'Vendor' },
  runtime: { zh: '运行环境要求', en: 'Runtime requirements' },
  category: { zh: '类别', en: 'Category' },
  date: { zh: '日期', en: 'Date' },
  threat: { zh: '威胁', en: 'Threat' },
  control: { zh: '控制措施', en: 'Control' },
  residual: { zh: '剩余风险', en: 'Residual risk' },
  acceptability: { zh: '是否可接受', en: 'Acceptable' },
  requirement: { zh: '需求', en: 'Requirement' },
  design: { zh: '设计', en: 'Design' },
  test: { zh: '测试', en: 'Test' },
  risk: { zh: '风险', en: 'Risk' },
  // nmpa-2022 (requirements-nmpa-2022.md §4): data, interface, capability, traceability and
  // vulnerability tables.
  datatype: { zh: '数据类型', en: 'Data type' },
  content: { zh: '具体内容', en: 'Content' },
  function: { zh: '功能', en: 'Function' },
  use: { zh: '用途', en: 'Use' },
  interface: { zh: '接口', en: 'Interface' },
  user: { zh: '预期用户', en: 'Users' },
  scenario: { zh: '使用场景', en: 'Use scenarios' },
  purpose: { zh: '预期用途', en: 'Intended use' },
  technical: { zh: '技术特征', en: 'Technical characteristics' },
  limits: { zh: '使用限制', en: 'Limitations' },
  protection: { zh: '防护规则配置要求', en: 'Protection rule configuration' },
  capability: { zh: '网络安全能力', en: 'Capability' },
  applicable: { zh: '是否适用', en: 'Applicable' },
  implementation: { zh: '实现方式', en: 'Implementation' },
  reason: { zh: '不适用理由', en: 'Reason' },
  explanation: { zh: '说明', en: 'Explanation' },
  source: { zh: '源代码（软件单元）', en: 'Source code (software unit)' },
  vulnerability: { zh: '漏洞', en: 'Vulnerability' },
  impact: { zh: '对产品的影响', en: 'Impact on the device' },
  tool: { zh: '工具或漏洞库', en: 'Tool or database' },
};

export const PRIVACY_WORDS = ['隐私', '个人信息', '个人数据', '患者信息保护', 'privacy', 'personal data', 'personal information'];

/** An acceptability cell holding one of these (after normalisation) marks an unacceptable risk. */
export const UNACCEPTABLE = ['不可接受', 'unacceptable', 'notacceptable', '不接受'];
/** Cells that are exactly one of these words also mean "not acceptable". */
export const NO_WORDS = ['否', 'no', 'n', '×', '✗'];

/** A negative answer at the start of a body (requirements.md §3). */
export const NOT_APPLICABLE = /^(?:不适用|无|n\/a|none|not\s+applicable)(?=$|[\s\p{P}\p{S}])/iu;
/**
 * Negative answers a rule set may add (requirements-fda-premarket-2025.md §3.1: `NA` as a whole
 * token, `Not required`); the model marks an answer by one of them `extra`, and only a rule set
 * with `answers.extraNotApplicable` reads it as one.
 */
export const NOT_APPLICABLE_EXTRA = /^(?:na|not\s+required)(?=$|[\s\p{P}\p{S}])/iu;

/**
 * The negative answer at the start of `text` as a rule set reads it — the one list every check
 * uses (sections, labels, table rows): NOT_APPLICABLE, and NOT_APPLICABLE_EXTRA for a rule set
 * with `answers.extraNotApplicable`. Null when there is none.
 */
export function notApplicableLead(text: string, rules: { extraNotApplicable?: boolean }): RegExpExecArray | null {
  return NOT_APPLICABLE.exec(text) ?? (rules.extraNotApplicable ? NOT_APPLICABLE_EXTRA.exec(text) : null);
}

/** Placeholders: tokens, phrases and template markers (requirements.md §3). */
export const PLACEHOLDER_PATTERNS: RegExp[] = [
  /(?<![A-Za-z0-9_-])(?:TODO|TBD|FIXME|XXX)(?![A-Za-z0-9_-])/giu,
  /待补充|待定|待填写/gu,
  /[（(]\s*略\s*[)）]/gu,
  /lorem\s+ipsum/giu,
  /\{\{[^{}\n]*\}\}/gu,
  /<(?:[^<>\n]*\p{Script=Han}[^<>\n]*|\s*(?:insert|填写)[^<>\n]*)>/giu,
];

/** Whether the text still holds a placeholder anywhere (a section being written). */
export function holdsPlaceholder(text: string): boolean {
  return PLACEHOLDER_PATTERNS.some((re) => new RegExp(re.source, re.flags.replace('g', '')).test(text));
}

/** HTML fragments that are placeholders despite looking like tags. */
export const HTML_PLACEHOLDER = /^<\s*(?:insert|填写)\b[^>]*>$/iu;

/** Default ID patterns (config `ids`), each matched as a whole token. */
export const DEFAULT_IDS: Record<'requirement' | 'design' | 'test' | 'risk', string[]> = {
  requirement: ['SR-\\d+', 'CSR-\\d+'],
  design: ['SD-\\d+', 'DS-\\d+'],
  test: ['TC-\\d+', 'ST-\\d+'],
  risk: ['R-\\d+', 'RISK-\\d+'],
};

/** The whole text is one placeholder (a template cell such as <完整版本>). */
export function isPlaceholderText(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  return PLACEHOLDER_PATTERNS.some((re) => {
    const whole = new RegExp(`^(?:${re.source})$`, re.flags.replace('g', ''));
    return whole.test(t);
  });
}

/**
 * A reference to where an item is answered (requirements.md §3a): an attachment, a named
 * document, a document number, another document's chapter. A sentence that names an item and
 * holds one of these answers it. Each pattern is linear (no nested quantifiers).
 */
export const REFERENCE_PATTERNS: RegExp[] = [
  // 见附件 1 / 附件 3、附件 4 / 附件三 / 详见附件 / 附录 A
  /(?:详见|参见|见)?附\s*[件录]\s*(?:[0-9０-９]+|[一二三四五六七八九十百]+|[A-Za-z](?![A-Za-z]))(?:\s*[、，,和与及至~-]\s*(?:附\s*[件录])?\s*(?:[0-9０-９]+|[一二三四五六七八九十]+|[A-Za-z](?![A-Za-z])))*/u,
  /(?:详见|参见|见)附\s*[件录]/u,
  // 详见《网络安全测试报告》 / 见《…》 (a standard merely named, 依据《YY/T 0316》, is not a reference)
  /(?:详见|参见|参阅|见|载于|列于|附于)\s*[:：]?\s*《[^》\n]{1,80}》/u,
  // 文件编号 RMF-CS-001 / 文档编号：STR-CS-001 / 编号为 …
  /(?:文件|文档|报告|记录)编号\s*[:：为]?\s*[A-Za-z0-9][A-Za-z0-9._/-]{0,40}|编号为\s*[A-Za-z0-9][A-Za-z0-9._/-]{0,40}/u,
  // 见产品技术要求 1.2 / 详见说明书: another document of the dossier
  /(?:详见|参见|见)\s*(?:本申报资料的)?(?:产品技术要求|使用说明书|说明书|网络安全研究报告|研究报告|风险管理文档|风险管理报告)/u,
  // 见说明书第 8 章 / 见本报告第 3 节
  /见[^。；;\n]{0,16}?第\s*(?:[0-9]+|[一二三四五六七八九十]+)\s*[章节条部分项]/u,
  // see Annex 3 / provided in Attachment B / Appendix 2 / document No. RMF-001
  /\b(?:annex|attachment|appendix|exhibit|enclosure)\s+(?:[0-9]+|[A-Z])\b/iu,
  /\bdocument\s+(?:no\.?|number|id)\s*[:#]?\s*[A-Za-z0-9][\w./-]{0,40}/iu,
  // requirements-fda-premarket-2025.md §3.1: see Section 4 of … / see Threat Model, Section 2.3 /
  // refer to the Threat Model / in document TM-001 / Doc. No. TM-006 / ip600-sbom.cdx.json
  /\b(?:see|refer\s+to)\s+(?:section|chapter|§)\s*[0-9]+(?:\.[0-9]+)*/iu,
  /\b(?:see|refer\s+to)\s+[^.;:\n]{1,60}?,?\s+(?:section|chapter|§)\s*[0-9]+(?:\.[0-9]+)*/iu,
  /\b[Rr]efer\s+to\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5}/u,
  /\bin\s+document\s+(?=[\w./-]{0,40}[0-9])[A-Za-z0-9][\w./-]{0,40}/iu,
  /\bdoc\.\s*no\.?\s*[:#]?\s*[A-Za-z0-9][\w./-]{0,40}/iu,
  /(?<![\w.-])[\w-]{1,80}(?:\.[\w-]{1,40}){0,3}\.(?:pdf|docx?|xlsx?|json|xml|csv|zip|html?)(?![\w.])/iu,
];

/** The first reference in a text, as written (trimmed), or undefined. */
export function referenceIn(text: string): string | undefined {
  let best: { at: number; text: string } | undefined;
  for (const re of REFERENCE_PATTERNS) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.at)) best = { at: m.index, text: m[0].trim() };
  }
  // What is referred to (附件 5, 《…》), without the verb that points at it.
  // A sentence's full stop is not part of a document number (TM-001.).
  return best?.text.replace(/^(?:详见|参见|参阅|见|载于|列于|附于)\s*[:：]?\s*|^(?:see|refer\s+to)\s+(?:the\s+)?/iu, '').replace(/[.,;:]+$/u, '');
}

/** Title normalisation of the NMPA rule sets (requirements.md §3a), English equivalents included. */
export const NMPA_ANSWERS = {
  prefixes: ['网络安全', '医疗器械', '产品', 'cybersecurity', 'medicaldevice'],
  suffixes: ['流程图', '报告', '文档', '资料', '材料', '说明', '清单', '列表', '流程', 'documentation', 'document', 'report', 'materials', 'material', 'description', 'list', 'flowchart', 'process'],
  conjunctions: ['以及', '和', '与', '及', '、', '或', '/', '／', '&', 'and', 'or'],
  typeWords: ['流程图', '报告', '计划', '文档', '资料', '材料', '说明', '清单', '列表', '流程', '方案', 'report', 'plan'],
};
