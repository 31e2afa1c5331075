// Pathological inputs (each a regression test in test/fuzz, timed against a bound by the bench).

/** In-scope facts, so that a hostile body is really parsed and checked. */
const FM = '---\ndocument: cybersecurity-description\nsubmission: initial-registration\nproduct: { name: 监护仪, class: II }\ndata: { types: [device] }\ninterfaces: { network: { wired: true } }\n---\n';

/** Pathological inputs with a known shape (each also timed by `npm run bench -- --hostile`). */
export const HOSTILE = {
  'long run of *': () => `${FM}\n# 基本信息\n\n${'*'.repeat(50_000)}\n`,
  'long run of [': () => `${FM}\n# 基本信息\n\n${'['.repeat(50_000)}\n`,
  'long run of <': () => `${FM}\n# 基本信息\n\n${'<'.repeat(50_000)}\n`,
  'long run of backticks': () => `${FM}\n# 基本信息\n\n${'`'.repeat(20_000)} x ${'``'.repeat(10_000)}\n`,
  'alternating emphasis': () => `${FM}\n# 基本信息\n\n${'*a _'.repeat(20_000)}\n`,
  'nested blockquotes': () => `${FM}\n# 基本信息\n\n${'>'.repeat(10_000)} 深\n`,
  'nested lists': () => `${FM}\n# 基本信息\n\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- 项 ${i}`).join('\n')}\n`,
  'nested brackets': () => `${FM}\n# 基本信息\n\n${'[a]('.repeat(10_000)}\n`,
  '10 000 headings': () => `${FM}\n${Array.from({ length: 10_000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} ${i} 测试`).join('\n\n')}\n`,
  'a 200 000-character line': () => `${FM}\n# 基本信息\n\n${'网络安全 TODO SR-001 '.repeat(12_000)}\n`,
  'a table of 20 000 rows': () => `${FM}\n# 现成软件\n\n| 名称 | 版本 |\n| --- | --- |\n${Array.from({ length: 20_000 }, (_, i) => `| lib${i} | \`${i}.0\` |`).join('\n')}\n`,
  'a 20 MB file': () => `${FM}\n# 基本信息\n\n${'网络安全说明。'.repeat(1_000_000)}\n`,
  'billion laughs': () => {
    const l = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) l.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
    return `---\ndocument: cybersecurity-description\n${l.join('\n')}\n---\n\n# 基本信息\n`;
  },
  'deep flow collection': () => `---\ndocument: cybersecurity-description\nproduct: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n\n# 基本信息\n`,
  'deep block mapping': () => `---\ndocument: cybersecurity-description\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} x\n---\n`,
  'prototype keys': () => `---\ndocument: cybersecurity-description\n__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\nproduct: { __proto__: { class: I } }\n---\n\n# 基本信息\n`,
  'custom tags': () => `---\ndocument: !!js/function "function(){ globalThis.pwned = 1 }"\nproduct: !<tag:yaml.org,2002:js/regexp> /x/\n---\n`,
  'binary bytes': () => `${FM}${Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('')}`,
  'lone surrogates and controls': () => `${FM}\n# 基本\uD800信息\n\n\u0000\u0001\uDFFF TODO\r\r\n`,
};

// Hostile configuration (issue 14): each is a .cyberdossierrc.yaml and what the folder holds. The
// bench checks each folder through the engine and the CLI (the issue's bound: under 2 s on 2
// cores), and compares the catastrophic ID pattern with `TC-\d+` on the same text.
const aLines = (n) => Array.from({ length: n }, (_, i) => `${'a'.repeat(40 + (i % 7))}!`).join('\n\n');
const dossierDoc = (body) => `${FM}\n# 基本信息\n\n${body}\n`;
export const HOSTILE_CONFIG = {
  'ids (a+)+$, 2 000 lines of a…a!': { rc: "ids:\n  test: ['(a+)+$']\n", doc: () => dossierDoc(aLines(2000)) },
  'ids TC-\\d+, the same text': { rc: "ids:\n  test: ['TC-\\d+']\n", doc: () => dossierDoc(aLines(2000)) },
  'ids (a|aa)+$ and (.*a){12}': { rc: "ids:\n  test: ['(a|aa)+$', '(.*a){12}']\n", doc: () => dossierDoc(aLines(2000)) },
  'sbom: /etc/passwd': { rc: 'sbom: /etc/passwd\n', doc: () => dossierDoc('正文。') },
  'sbom: ../../../../etc/passwd': { rc: 'sbom: ../../../../../../../../etc/passwd\n', doc: () => dossierDoc('正文。') },
  'sbom: a FIFO': { rc: 'sbom: fifo.json\n', doc: () => dossierDoc('正文。'), fifo: ['fifo.json'] },
  'sbom: a link to /dev/zero': { rc: 'sbom: zero.json\n', doc: () => dossierDoc('正文。'), links: { 'zero.json': '/dev/zero' } },
  'export.referenceDocx: a FIFO': { rc: 'export:\n  referenceDocx: fifo.docx\n', doc: () => dossierDoc('正文。'), fifo: ['fifo.docx'] },
  'a FIFO zz.md in the folder': { rc: 'locale: en\n', doc: () => dossierDoc('正文。'), fifo: ['zz.md'] },
  'dossierGlobs *a*a*…b, +(+(a))': {
    rc: "dossierGlobs: ['*a*a*a*a*a*a*a*a*a*a*a*a*b', '+(+(a)).md']\n",
    doc: () => dossierDoc('正文。'),
    files: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`${'a'.repeat(40 + (i % 20))}.md`, '# x\n'])),
  },
  '.gitignore a*a*…b': {
    rc: 'locale: en\n',
    doc: () => dossierDoc('正文。'),
    files: { '.gitignore': `${'a*'.repeat(14)}b\n`, ...Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`${'a'.repeat(40 + (i % 20))}.md`, '# x\n'])) },
  },
};
