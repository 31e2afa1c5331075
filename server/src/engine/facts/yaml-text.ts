// A YAML problem in the user's language: the parser's error codes, and ours, mapped to sentences.

import { MAX_DEPTH, MAX_NODES, type YamlProblem } from './yaml-types';

/**
 * A YAML problem in the user's language, with its 1-based line and column: the parser's code
 * mapped to a sentence of ours (the closing character it wants, where it names one). The raw
 * parser message stays out of the sentence; callers keep it as `data.detail`.
 */
export function yamlProblemText(p: YamlProblem): { zh: string; en: string; line: number; column: number } {
  const line = p.range.start.line + 1;
  const column = p.range.start.character + 1;
  const m = p.message;
  const closing = /end with an? (\S)/.exec(m)?.[1] ?? /Missing closing (["'])/.exec(m)?.[1];
  const tag = /tag (\S+)/.exec(m)?.[1];
  const alias = /alias (\*\S+)/.exec(m)?.[1];
  const what: Record<string, [string, string]> = {
    MISSING_CHAR: closing ? [`缺少结尾的“${closing}”`, `the closing “${closing}” is missing`] : ['缺少必需的字符', 'a required character is missing'],
    BAD_INDENT: closing ? [`缩进不足，或缺少结尾的“${closing}”`, `not indented enough, or the closing “${closing}” is missing`] : ['缩进不正确', 'the indentation is wrong'],
    TAB_AS_INDENT: ['用制表符缩进（YAML 只允许空格）', 'a tab is used for indentation (YAML allows spaces only)'],
    DUPLICATE_KEY: ['键重复', 'a key appears twice'],
    UNEXPECTED_TOKEN: ['此处有意外的内容', 'unexpected content here'],
    BLOCK_AS_IMPLICIT_KEY: ['块结构不能作为键', 'a block cannot be used as a key'],
    MULTILINE_IMPLICIT_KEY: ['键不能跨行（键后需要“: ”）', 'a key cannot span lines (a key needs “: ” after it)'],
    BAD_SCALAR_START: ['值的开头字符无效（以 @ 或 ` 开头的值需加引号）', 'a value starts with a reserved character (quote values starting with @ or `)'],
    BAD_DQ_ESCAPE: ['双引号字符串中的转义无效', 'an invalid escape in a double-quoted string'],
    BLOCK_IN_FLOW: ['方括号或花括号内不能有块结构', 'a block structure inside brackets or braces'],
    MULTIPLE_DOCS: ['只能有一个 YAML 文档（多了 ---）', 'only one YAML document is allowed (an extra ---)'],
    KEY_OVER_1024_CHARS: ['键超过 1024 个字符', 'a key is longer than 1024 characters'],
    BAD_ALIAS: ['别名无效', 'an invalid alias'],
    UNRESOLVED_ALIAS: [`别名 ${alias ?? ''} 没有对应的锚点`, `the alias ${alias ?? ''} has no anchor`],
    CUSTOM_TAG: [`不允许自定义标签 ${tag ?? ''}（只接受纯数据）`, `the custom tag ${tag ?? ''} is not allowed (plain data only)`],
    NON_PLAIN_KEY: ['只允许普通的键', 'only plain keys are allowed'],
    TOO_DEEP: [`嵌套超过 ${MAX_DEPTH} 层`, `nesting deeper than ${MAX_DEPTH} levels`],
    TOO_LARGE: [`展开后超过 ${MAX_NODES} 个节点（别名展开上限）`, `more than ${MAX_NODES} nodes after alias expansion`],
  };
  const [zh, en] = what[p.code ?? ''] ?? ['YAML 语法错误', 'a YAML syntax error'];
  return { zh: `第 ${line} 行第 ${column} 列：${zh}`, en: `line ${line}, column ${column}: ${en}`, line, column };
}
