// Deterministic generator of realistic NMPA 2017 cybersecurity descriptions at a target size:
// Chinese prose with English fragments, numbered headings, lists, fenced code (with a heading
// trap), OTS / risk / traceability tables growing with the size, IDs referencing each other.
//   node bench/generate.mjs --size 500k --out file.md     (sizes: 50k, 500k, 5m or bytes)

import * as fs from 'node:fs';

function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = '网络安全 风险 控制措施 患者数据 加密 传输 完整性 可得性 保密性 访问控制 日志 审核 维护 更新 补丁 漏洞 验证 确认 用户 鉴别 授权 设备 监护 报警 数据库 接口 协议 证书 密钥 口令 备份 恢复 隔离 防火墙 白名单 评估 测试 报告 需求 设计'.split(' ');
const EN = ['TLS 1.2', 'AES-256', 'HMAC-SHA256', 'RBAC', 'HL7 v2.6', 'DICOM', 'OpenSSL', 'SQLite', 'syslog', 'X.509'];

export function generate(target, seed = 42) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const sentence = (ids) => {
    let s = '';
    const n = 8 + Math.floor(r() * 14);
    for (let i = 0; i < n; i++) s += r() < 0.12 ? ` ${pick(EN)} ` : pick(WORDS);
    if (ids && r() < 0.5) s += `（见 ${pick(ids)}）`;
    if (r() < 0.2) s += '，详见 `config.yaml` 与 **附件 3**';
    return `${s}。`;
  };
  const para = (ids) => Array.from({ length: 2 + Math.floor(r() * 4) }, () => sentence(ids)).join('');
  const scale = Math.max(1, Math.round(target / 50_000));
  const reqs = Array.from({ length: 20 * scale }, (_, i) => `SR-${String(i + 1).padStart(4, '0')}`);
  const tests = reqs.map((_, i) => `TC-${String(i + 1).padStart(4, '0')}`);
  const risks = reqs.map((_, i) => `R-${String(i + 1).padStart(4, '0')}`);
  const designs = reqs.map((_, i) => `SD-${String(i + 1).padStart(4, '0')}`);
  const all = [...reqs, ...tests, ...risks, ...designs];
  const out = [];
  const push = (...l) => out.push(...l);
  push('---', 'document: cybersecurity-description', 'submission: initial-registration', 'product:', '  name: 多参数患者监护仪', '  model: PM-9000', '  class: II', '  software_version: V2.1.0.3', 'data:', '  types: [health, device]', 'functions:', '  exchange: bidirectional', '  remote_control: none', 'interfaces:', '  network:', '    wired: true', '    protocols:', '      - { name: HL7 v2.6, kind: standard }', 'security_software: false', '---', '');
  push('# PM-9000 网络安全描述文档', '', `${para()}本产品处理患者个人信息，隐私保护见第 5 章。`, '');
  push('## 1 基本信息', '', para(), '');
  const sub = (n, t, body) => push(`### 1.${n} ${t}`, '', ...body, '');
  sub(1, '类型', ['健康数据与设备数据。', para()]);
  sub(2, '功能', ['双向数据交换，无远程控制。', para()]);
  sub(3, '用途', ['临床应用与设备维护。']);
  sub(4, '交换方式', ['有线网络，HL7 v2.6 协议。', para()]);
  sub(5, '安全软件', ['无，理由：嵌入式系统不安装第三方安全软件，防护见第 5 章。']);
  const ots = ['| 名称 | 型号规格 | 完整版本 | 供应商 |', '| --- | --- | --- | --- |'];
  for (let i = 0; i < 10 * scale; i++) ots.push(`| lib${i}-${pick(['ssl', 'xml', 'json', 'db', 'ui'])} | 通用版 | ${1 + (i % 7)}.${i % 13}.${i % 29} | Vendor ${i % 17} Ltd. |`);
  sub(6, '现成软件', [...ots]);
  push('## 2 风险管理', '', para(), '');
  const risk = ['| 风险编号 | 危害 | 危害处境 | 原因 | 严重度 | 概率 | 风险等级 | 控制措施 | 验证 | 剩余风险 |', '| :-- | --- | --- | --- | :-: | :-: | --- | --- | --- | --- |'];
  risks.forEach((id, i) => risk.push(`| ${id} | ${pick(WORDS)}泄露 | ${pick(WORDS)} | ${pick(WORDS)} | ${1 + (i % 5)} | ${1 + (i % 4)} | 中 | ${reqs[i]} ${pick(EN)} | ${tests[i]} | 低，可接受 |`));
  push('### 2.1 风险分析报告', '', para(), '', ...risk, '');
  push('### 2.2 风险管理总结报告', '', '全部剩余风险均可接受。', para(), '');
  push('## 3 验证与确认', '', para(), '');
  push('### 3.1 网络安全测试计划', '', para(tests), '');
  push('### 3.2 网络安全测试报告', '', para(tests), '', '```bash', '## not a heading: a shell comment', 'openssl s_client -connect 10.0.0.1:2575', '```', '');
  const trace = ['| 需求编号 | 设计编号 | 测试编号 | 风险编号 |', '| --- | --- | --- | --- |'];
  reqs.forEach((id, i) => trace.push(`| ${id} | ${designs[i]} | ${tests[i]} | ${risks[i]} |`));
  push('### 3.3 可追溯性分析报告', '', ...trace, '');
  push('### 3.4 标准符合性证明', '', 'HL7 v2.6 符合性声明见附件。', '');
  push('## 4 维护计划', '', para(), '', '### 4.1 更新确认', '', para(), '', '### 4.2 用户告知', '', para(), '', '### 4.3 软件版本命名规则', '', 'VX.Y.Z.B：X 为重大网络安全更新，Y、Z 为轻微网络安全更新（Z 为补丁），B 为构建号。', '');
  push('## 5 网络安全能力', '', '| 编号 | 能力 | 是否适用 | 说明 |', '| --- | --- | --- | --- |');
  for (const c of 'ALOF AUDT AUTH CNFS CSUP DIDT DTBK EMRG IGAU MLDP NAUT PAUT PLOK RDMP SAHD SGUD STCF TXCF TXIG'.split(' ')) push(`| ${c} | — | 是 | ${sentence()} |`);
  push('');
  push('## 附录 A 需求、设计与测试', '');
  reqs.forEach((id, i) => push(`- ${id}：${sentence()}`, `- ${designs[i]}：${sentence()}`, `- ${tests[i]}：${sentence()}`));
  push('');
  let size = Buffer.byteLength(out.join('\n'));
  let n = 0;
  // Fill to the target with appendix chapters shaped like the dossiers measured in
  // ../shared/reference/performance-anchors.md §1: tables hold most lines (10-column risk tables
  // with alignment rows, 4-column component and traceability tables, one large table per chapter
  // growing with the size), with prose, lists, quotes and fenced code between them.
  while (size < target) {
    n++;
    const block = [`## 附录 B.${n} ${pick(WORDS)}${pick(WORDS)}说明`, '', para(all), ''];
    block.push(`### B.${n}.1 风险评估`, '', para(), '');
    block.push('| 风险编号 | 危害 | 危害处境 | 原因 | 严重度 | 概率 | 风险等级 | 控制措施 | 验证 | 剩余风险 |', '| :-- | --- | --- | --- | :-: | :-: | --- | --- | --- | --- |');
    for (let i = 0; i < 8 + Math.floor(r() * 8); i++) block.push(`| ${pick(risks)} | ${pick(WORDS)}失效 | ${pick(WORDS)} | ${pick(WORDS)}${pick(WORDS)} | ${1 + (i % 5)} | ${1 + (i % 4)} | 低 | ${pick(reqs)} ${pick(WORDS)} | ${pick(tests)} | 低，可接受 |`);
    block.push('', `- ${sentence(all)}`, `- ${sentence(all)}`, `  1. ${sentence()}`, '', `### B.${n}.2 组件与追溯`, '');
    block.push('| 名称 | 型号规格 | 完整版本 | 供应商 |', '| --- | --- | --- | --- |');
    for (let i = 0; i < 6; i++) block.push(`| lib${n}-${i} | 通用版 | ${1 + (i % 5)}.${n % 17}.${i} | Vendor ${n % 13} Ltd. |`);
    block.push('', `> ${sentence()}`, '');
    block.push('| 需求编号 | 设计编号 | 测试编号 | 风险编号 |', '| --- | --- | --- | --- |');
    for (let i = 0; i < 8; i++) block.push(`| ${pick(reqs)} | ${pick(designs)} | ${pick(tests)} | ${pick(risks)} |`);
    block.push('');
    if (n % 10 === 0) {
      // The chapter's large table, growing with the document.
      block.push(`### B.${n}.3 测试记录`, '', '| 项目 | 结果 | 日期 | 备注 |', '| --- | --- | --- | --- |');
      for (let i = 0; i < 10 * scale; i++) block.push(`| ${pick(WORDS)}${i} | 通过 | 2024-0${1 + (i % 9)}-1${i % 9} | ${pick(all)} |`);
      block.push('');
    }
    if (n % 9 === 0) block.push('```json', '{ "cipher": "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "port": 2575 }', '## not a heading', '```', '');
    push(...block);
    size += Buffer.byteLength(block.join('\n')) + 1;
  }
  return `${out.join('\n')}\n`;
}

export function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s);
  if (!m) throw new Error(`bad size ${s}`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1000 : m[2].toLowerCase() === 'm' ? 1_000_000 : 1));
}

if (process.argv[1] && process.argv[1].endsWith('generate.mjs')) {
  const args = process.argv.slice(2);
  const size = parseSize(args[args.indexOf('--size') + 1] ?? '50k');
  const outFile = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  const text = generate(size);
  if (outFile) fs.writeFileSync(outFile, text);
  else process.stdout.write(text);
}
