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

/** Placeholders: tokens, phrases and template markers (requirements.md §3). */
export const PLACEHOLDER_PATTERNS: RegExp[] = [
  /(?<![A-Za-z0-9_-])(?:TODO|TBD|FIXME|XXX)(?![A-Za-z0-9_-])/giu,
  /待补充|待定|待填写/gu,
  /[（(]\s*略\s*[)）]/gu,
  /lorem\s+ipsum/giu,
  /\{\{[^{}\n]*\}\}/gu,
  /<(?:[^<>\n]*\p{Script=Han}[^<>\n]*|\s*(?:insert|填写)[^<>\n]*)>/giu,
];

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
