// Generators of hostile and half-written dossiers for the fuzz and property tests: random
// frontmatter (valid, misspelt, broken YAML), headings in every numbering style, tables of all
// shapes, deep nesting, unbalanced fences, control characters, lone surrogates, CR / CRLF line
// ends, a BOM, mutations of the realistic fixtures.

import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nmpa2017 } from '../../server/src/engine/rulesets/nmpa-2017';
import { nmpa2022 } from '../../server/src/engine/rulesets/nmpa-2022';

const titles = [...nmpa2017.kinds, ...nmpa2022.kinds].flatMap((k) => k.requirements.flatMap((r) => [r.title.zh, r.title.en, ...r.synonyms]));
const numbering = ['', '1 ', '1.2 ', '4.2.1 ', '一、', '（一）', '(一) ', '（1）', '(1) ', '1）', '1、', '第一部分 ', 'Part 1 ', 'I. ', 'A. ', '§3 '];

/** Cases run per target, printed after each file (a fuzz run's evidence of work done). */
export const stats: Record<string, { cases: number; failures: number }> = {};

export const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom(...numbering), fc.oneof(fc.constantFrom(...titles), fc.string({ maxLength: 12 })))
  .map(([d, n, t]) => `${'#'.repeat(d)} ${n}${t}`);

const cell = fc.oneof(fc.constantFrom('', 'OpenSSL', '3.0.13', 'latest', 'SR-001', 'TC-9', 'R-001', '不可接受', '可接受', 'TODO', '`x|y`', '\\|', '**b**', '<产品>', '{{v}}'), fc.string({ maxLength: 8 }));
export const table = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 12 }), fc.array(cell, { minLength: 1, maxLength: 100 }), fc.boolean())
  .map(([cols, rows, cells, pipes]) => {
    const row = (i: number) => {
      const cs = Array.from({ length: cols }, (_, c) => cells[(i * cols + c) % cells.length]);
      return pipes ? `| ${cs.join(' | ')} |` : cs.join(' | ');
    };
    const header = ['名称', '型号规格', '完整版本', '供应商', '威胁', '控制措施', '剩余风险'].slice(0, cols);
    return [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(cols)}`, ...Array.from({ length: rows }, (_, i) => row(i))].join('\n');
  });

const prose = fc.oneof(
  fc.constantFrom('不适用。', '不适用，理由：本产品无远程控制功能。', 'N/A', '无', '无线网络', 'TODO 待补充', '见 SR-001 与 TC-001。', 'SR-001：需求。', '- TC-001：测试', '<!-- cyberdossier-disable-next-line -->', '<!-- TODO -->', '<br>', '> 引用', '1. 列表', '    缩进代码', '隐私与个人信息保护'),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const block = fc.oneof({ weight: 4, arbitrary: prose }, { weight: 3, arbitrary: heading }, { weight: 2, arbitrary: table }, fc.constantFrom('```', '~~~', '```mermaid\ngraph TD\n```', '---', '***', '<div>', '</div>', '<!--', '-->', '[x]: http://e.cn', '$$'));

const yamlValue = fc.oneof(
  fc.constantFrom('cybersecurity-description', 'patch-description', 'authenticity-statement', 'technical-requirements', 'instructions-for-use', '网络安全描述文档', 'cybersecurity-research-report', 'cybersecurity-patch-update-report', 'ots-cybersecurity-report', 'nmpa-2022', 'nmpa-2017', 'moderate', '严重', 'sensitive-medical', 'health', 'bidirectonal', 'realtime', 'II', 'I', '3', '[health, device]', '[major]', '{ wired: true }', '"quoted"', "'single'", '&a x', '*a', '!!js/function "x"', '~', 'null', '[', '{', 'yes', '2024-01-01'),
  fc.string({ maxLength: 10 }),
);
const yamlKey = fc.constantFrom('document', 'submission', 'updates', 'product', 'data', 'functions', 'interfaces', 'security_software', 'guideline', 'software', 'safety_level', 'ots_usage', '__proto__', 'constructor', 'produkt', 'types', 'class', 'name');
const frontmatterLine = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom('', '  ', '    '), yamlKey, yamlValue).map(([i, k, v]) => `${i}${k}: ${v}`) },
  fc.tuple(fc.constantFrom('  ', '    '), yamlValue).map(([i, v]) => `${i}- ${v}`),
  fc.string({ maxLength: 20 }),
);
export const frontmatter = fc.oneof(
  fc.array(frontmatterLine, { maxLength: 14 }).map((ls) => `---\ndocument: cybersecurity-description\n${ls.join('\n')}\n---\n`),
  fc.array(frontmatterLine, { maxLength: 8 }).map((ls) => `---\n${ls.join('\n')}\n`), // never closed
  fc.array(frontmatterLine, { maxLength: 14 }).map((ls) => `---\nguideline: nmpa-2022\ndocument: cybersecurity-research-report\nsoftware: { safety_level: major }\n${ls.join('\n')}\n---\n`),
  fc.constant(''),
);

export const eol = fc.constantFrom('\n', '\r\n', '\r');

/** A generated dossier-ish document. */
export const document = fc
  .tuple(fc.boolean(), frontmatter, fc.array(block, { maxLength: 40 }), eol)
  .map(([bom, fm, blocks, nl]) => `${bom ? '\uFEFF' : ''}${fm}\n${blocks.join('\n\n')}\n`.replace(/\n/g, nl));

/** A realistic text mutated: characters, lines and hostile snippets inserted or removed. */
export function mutated(base: string): fc.Arbitrary<string> {
  const snippet = fc.oneof(block, fc.constantFrom('\u0000', '\u0007', '\uD800', '\uDFFF', '\r', '\t', '\uFEFF', '\u202E', '```', '|', '\\'), fc.string({ maxLength: 20 }));
  return fc.array(fc.tuple(fc.nat(), fc.nat(80), snippet), { minLength: 1, maxLength: 8 }).map((edits) => {
    let text = base;
    for (const [at, del, ins] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + ins + text.slice(i + del);
    }
    return text;
  });
}

export { HOSTILE } from '../../bench/hostile.mjs';

/** The 2022 example's research report with its dossier.yaml facts inlined (a one-file dossier). */
export function example2022(): string {
  const dir = path.join(__dirname, '..', '..', 'examples', 'nmpa-2022', 'monitor');
  const facts = fs.readFileSync(path.join(dir, 'dossier.yaml'), 'utf8');
  return fs.readFileSync(path.join(dir, 'cybersecurity-research-report.md'), 'utf8').replace(/^---\n/, `---\n${facts}\n`);
}

// ---- hostile .cyberdossierrc.yaml (issue 14) -----------------------------------------------------

const reAtom = fc.constantFrom('a', 'TC-', '\\d', '\\w', '.', '[a-z]', '(a|aa)', '(a+)', '(?:ab)', '(?=a)', '(?<!x)', '\\1', '\\u4e00', '\\p{Han}', '[^', ')', '(', '|', '^', '$', '\\');
const reQuant = fc.constantFrom('', '', '*', '+', '?', '{2}', '{0,50}', '{999}', '{1001}', '+?', '*+');
/** Regular expressions, catastrophic ones (nested quantifiers) and unsupported or broken ones included. */
export const hostilePattern = fc.oneof(
  fc.array(fc.tuple(reAtom, reQuant, fc.boolean()), { minLength: 1, maxLength: 10 }).map((ps) => ps.map(([a, q, g]) => (g ? `(${a}${q})${q}` : `${a}${q}`)).join('')),
  fc.constantFrom('(a+)+$', '(a|aa)+$', '(.*a){20}', '([a-z]+)*!', 'TC-\\d+', 'x'.repeat(300), '(((a{100}){100}){100})'),
  fc.string({ maxLength: 20 }),
);
const globAtom = fc.constantFrom('*', '**', '?', 'a', '.md', '/', '[ab]', '[!a]', '{a,b}', '+(a)', '@(x|y)', '!(z)', '*(a|aa)', '\\', '[', '{', '(');
export const hostileGlob = fc.oneof(
  fc.array(globAtom, { minLength: 1, maxLength: 16 }).map((a) => a.join('')),
  fc.constantFrom('*a*a*a*a*a*a*a*a*a*a*a*a*b', '+(+(+(a)))', '**/**/**/**/*.md', '{a,{b,{c,{d,e}}}}*.md'),
);
/** Paths a hostile rc file may name: outside, through links, special files, huge files, URLs, junk. */
export const hostilePath = fc.oneof(
  fc.constantFrom(
    '/etc/passwd', '../../../../../../etc/passwd', '../outside/secret.json', 'special/fifo.json', 'special/zero.json', 'special/link-out.json',
    'special/huge.json', 'special', '/dev/zero', '/dev/stdin', '/proc/self/environ', 'file:///etc/passwd', 'https://example.com/bom.json',
    'bom.json', '', ' ', '\u0000', 'a'.repeat(5000), '~/.ssh/id_rsa', 'C:\\Windows\\win.ini', '\\\\server\\share\\x.json',
  ),
  fc.string({ maxLength: 30 }),
);
const yamlString = (s: string) => JSON.stringify(s);
/** A whole rc file: every key that names files or patterns, random sizes, sometimes broken YAML. */
export const hostileRc = fc
  .record({
    ids: fc.array(hostilePattern, { maxLength: 20 }),
    globs: fc.array(hostileGlob, { maxLength: 8 }),
    sbom: fc.array(hostilePath, { maxLength: 4 }),
    docx: fc.option(fc.tuple(hostilePath, fc.boolean()).map(([p, docx]) => (docx ? `${p}.docx` : p))),
    size: fc.option(fc.constantFrom('1', '0', '-5', '10GB', '1e400', '4KB', 'x', '99999999999999999999')),
    junk: fc.option(fc.constantFrom('ids: [', 'sbom: *a', '? : :', 'export: { referenceDocx: [1] }')),
  })
  .map((r) => {
    const lines: string[] = [];
    if (r.ids.length) lines.push(`ids:\n  test: [${r.ids.map(yamlString).join(', ')}]`);
    if (r.globs.length) lines.push(`dossierGlobs: [${r.globs.map(yamlString).join(', ')}]`);
    if (r.sbom.length) lines.push(`sbom: [${r.sbom.map(yamlString).join(', ')}]`);
    if (r.docx !== null) lines.push(`export:\n  referenceDocx: ${yamlString(r.docx)}`);
    if (r.size !== null) lines.push(`maxFileSize: ${yamlString(r.size)}`);
    if (r.junk !== null) lines.push(r.junk);
    return `${lines.join('\n')}\n`;
  });
