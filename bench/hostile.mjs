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
