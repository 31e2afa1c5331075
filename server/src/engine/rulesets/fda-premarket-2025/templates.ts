// Templates of the sections whose checks read a table or a diagram: the skeleton and the quick
// fix insert them with every column the check asks for (placeholders the user must replace).

import type { Localized } from '../types';
import { CONTROL_CATEGORIES } from './vocabulary';

const table = (header: string[], row: string[], rows = 1): string =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...Array.from({ length: rows }, () => `| ${row.join(' | ')} |`)].join('\n');

const figure = (n: number, en: string, zh: string): Localized => ({
  en: `Figure ${n}: <insert the ${en} diagram>\n\n<insert the explanatory text of Figure ${n}>`,
  zh: `图 ${n} <插入${zh}图示>\n\n<填写图 ${n} 的说明文字>`,
});

export const TEMPLATES: Record<string, Localized> = {
  K3: {
    en: table(['Risk ID', 'Threat', 'Control', 'Residual risk', 'Acceptable'], ['{{insert ID}}', '{{insert threat}}', '{{insert controls}}', '{{insert residual risk}}', '{{insert yes / no}}']),
    zh: table(['风险编号', '威胁', '控制措施', '剩余风险', '是否可接受'], ['<编号>', '<威胁>', '<控制措施>', '<剩余风险>', '<是/否>']),
  },
  K5: {
    en: table(
      ['Component', 'Supplier', 'Version', 'Unique identifier', 'Level of support', 'End-of-support date'],
      ['{{insert name}}', '{{insert supplier}}', '{{insert full version}}', '{{insert purl or CPE}}', '{{insert level of support}}', '{{insert YYYY-MM-DD}}'],
    ),
    zh: table(['组件名称', '供应商', '版本', '唯一标识', '支持级别', '支持终止日期'], ['<名称>', '<供应商>', '<完整版本>', '<purl 或 CPE>', '<支持级别>', '<支持终止日期 YYYY-MM-DD>']),
  },
  'K6.1': {
    en: table(['Vulnerability', 'Component', 'Discovery method', 'Assessment', 'Controls'], ['{{insert CVE}}', '{{insert component}}', '{{insert how discovered}}', '{{insert safety and security assessment}}', '{{insert controls}}']),
    zh: table(['漏洞', '组件', '发现方式', '风险评估', '控制措施'], ['<CVE 编号>', '<组件>', '<发现方式>', '<安全性和安全风险评估>', '<控制措施>']),
  },
  K7: {
    en: table(['Anomaly', 'Security impact', 'CWE', 'Rationale'], ['{{insert anomaly ID}}', '{{insert security impact}}', '{{insert CWE or None}}', '{{insert rationale}}']),
    zh: table(['异常', '网络安全影响', 'CWE', '理由'], ['<异常编号>', '<网络安全影响>', '<CWE 或 无>', '<理由>']),
  },
  K9: {
    en: table(['Threat', 'Risk', 'Requirement', 'Test'], ['{{insert threat ID}}', '{{insert risk ID}}', '{{insert requirement ID}}', '{{insert test ID}}']),
    zh: table(['威胁', '风险', '需求', '测试'], ['<威胁编号>', '<风险编号>', '<需求编号>', '<测试编号>']),
  },
  B1: {
    en: table(
      ['Control category', 'Applicable', 'Security requirements', 'Acceptance criteria'],
      [],
      0,
    ).concat('\n', CONTROL_CATEGORIES.map((c) => `| ${c.en} | <Yes / No> | {{insert the requirements, or the reason it does not apply}} | {{insert acceptance criteria}} |`).join('\n')),
    zh: table(['控制类别', '是否适用', '安全需求', '验收准则'], [], 0).concat('\n', CONTROL_CATEGORIES.map((c) => `| ${c.zh} | <是/否> | <安全需求，或不适用的理由> | <验收准则> |`).join('\n')),
  },
  'B2.1': figure(1, 'global system view', '全局系统视图'),
  'B2.2': figure(2, 'multi-patient harm view', '多患者伤害视图'),
  'B2.3': figure(3, 'updatability and patchability view', '可更新性与可修补性视图'),
  'B2.4': figure(4, 'security use case view', '安全用例视图'),
  B3: {
    en: table(['Path', 'Data, code or commands', 'Protocol and ports', 'Authentication', 'Cryptography'], ['{{insert path or interface}}', '{{insert what is transferred}}', '{{insert protocol, version, ports}}', '{{insert mechanism}}', '{{insert method and key usage}}']),
    zh: table(['通信路径', '数据/代码/命令', '协议及端口', '鉴别', '加密'], ['<路径或接口>', '<传输内容>', '<协议、版本、端口>', '<鉴别机制>', '<密码方法及密钥使用>']),
  },
  E3: {
    en: `${table(['Tool', 'Version', 'Settings'], ['{{insert tool}}', '{{insert full version}}', '{{insert settings}}'])}`,
    zh: `${table(['工具', '版本', '配置'], ['<工具>', '<完整版本>', '<配置>'])}`,
  },
  E4: {
    en: `${table(['Tool', 'Version', 'Settings'], ['{{insert tool}}', '{{insert full version}}', '{{insert settings}}'])}`,
    zh: `${table(['工具', '版本', '配置'], ['<工具>', '<完整版本>', '<配置>'])}`,
  },
  L2: figure(1, 'user deployment', '供用户使用的示意'),
  L3: {
    en: table(['Port or interface', 'Function', 'Direction', 'Approved destination end-points'], ['{{insert port}}', '{{insert function}}', '{{insert incoming / outgoing / both}}', '{{insert end-points}}']),
    zh: table(['端口或接口', '功能', '方向', '批准的目的端点'], ['<端口>', '<功能>', '<入站/出站/双向>', '<目的端点>']),
  },
};
