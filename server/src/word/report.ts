// The import report as Markdown (written beside the imported file as `<name>.import-report.md`)
// and as a short text for the terminal, in zh-CN or en.

import { localize, RULESETS } from '../engine';
import type { ImportAction, ImportItemKind, ImportReport, WordLocale } from './types';
import { mdCell } from '../report/cell';

const KIND_LABEL: Record<ImportItemKind, [string, string]> = {
  comment: ['批注', 'Comment'],
  insertion: ['修订：插入', 'Revision: insertion'],
  deletion: ['修订：删除', 'Revision: deletion'],
  move: ['修订：移动', 'Revision: move'],
  'format-change': ['修订：格式', 'Revision: formatting'],
  'deleted-row': ['修订：删除的行', 'Revision: deleted row'],
  'text-box': ['文本框', 'Text box'],
  footnote: ['脚注', 'Footnotes'],
  endnote: ['尾注', 'Endnotes'],
  'merged-cell': ['合并单元格', 'Merged cell'],
  'nested-table': ['嵌套表格', 'Nested table'],
  'ole-object': ['嵌入对象', 'Embedded object'],
  chart: ['图表', 'Chart'],
  smartart: ['SmartArt', 'SmartArt'],
  shape: ['绘图形状', 'Drawing shape'],
  equation: ['公式', 'Equation'],
  'external-image': ['外部图片', 'Linked image'],
  'image-format': ['图片格式', 'Image format'],
  'header-footer': ['页眉页脚', 'Header/footer'],
  toc: ['目录', 'Table of contents'],
  cover: ['封面', 'Cover'],
  numbering: ['自动编号', 'Numbering'],
  'heading-level': ['标题级别', 'Heading level'],
  'alt-chunk': ['嵌入片段', 'Embedded part'],
  macro: ['宏', 'Macros'],
  converter: ['转换器', 'Converter'],
};

const ACTION_LABEL: Record<ImportAction, [string, string]> = {
  dropped: ['未导入', 'not imported'],
  converted: ['已转换', 'converted'],
  kept: ['已保留', 'kept'],
  accepted: ['已接受', 'accepted'],
  moved: ['已移位', 'moved'],
  inferred: ['已推断', 'inferred'],
};

const pick = (locale: WordLocale, pair: [string, string] | { zh: string; en: string }) => localize(pair, locale);

function kindName(ruleset: string, kind: string, locale: WordLocale): string {
  const k = RULESETS.find((r) => r.id === ruleset)?.kinds.find((x) => x.id === kind);
  return k ? `${pick(locale, k.name)} (${kind})` : kind;
}

/** One line about the document kind: where it came from and how sure. */
export function kindLine(report: ImportReport, locale: WordLocale): string {
  const g = report.kindGuess;
  const name = kindName(g.ruleset, g.kind, locale);
  const best = g.candidates.find((c) => c.kind === g.kind && c.ruleset === g.ruleset);
  const en = locale === 'en';
  switch (g.source) {
    case 'option':
      return en ? `Document kind: ${name} (given)` : `文档类型：${name}（由参数指定）`;
    case 'cover':
      return en ? `Document kind: ${name} (from the cover table; review)` : `文档类型：${name}（来自封面信息表，待确认）`;
    case 'headings':
      return en
        ? `Document kind: ${name} (guessed from the headings: ${best?.matched.length ?? 0} of ${best?.total ?? 0} sections matched${best?.named ? ', named in a title' : ''}; review)`
        : `文档类型：${name}（按标题推断：匹配 ${best?.matched.length ?? 0}/${best?.total ?? 0} 个章节${best?.named ? '，标题中有文档名称' : ''}，待确认）`;
    default:
      return en ? `Document kind: ${name} (no heading matched any kind; set document: yourself)` : `文档类型：${name}（没有标题与任何文档类型匹配，请自行设置 document:）`;
  }
}

/**
 * Sections the document kind always requires (no condition, not merely recommended) that no
 * heading matched; a missing parent stands for its children. The checker reports the same once
 * the frontmatter has the product facts.
 */
export function missingSections(report: ImportReport, locale: WordLocale): string[] {
  const g = report.kindGuess;
  const kind = RULESETS.find((r) => r.id === g.ruleset)?.kinds.find((k) => k.id === g.kind);
  const matched = new Set(g.candidates.find((c) => c.kind === g.kind && c.ruleset === g.ruleset)?.matched ?? []);
  if (!kind) return [];
  const missing = kind.requirements.filter((r) => !r.wholeDocument && !r.condition && r.missingSeverity !== 'hint' && !matched.has(r.id));
  const ids = new Set(missing.map((r) => r.id));
  return missing
    .filter((r) => ![...ids].some((p) => r.id.startsWith(`${p}.`)))
    .map((r) => `${r.id} ${localize(r.title, locale)}`);
}

// The report's table cells: the one Markdown cell escaper (a backslash before a pipe must not split the cell).
const cell = mdCell;

/** The report file (Markdown). It silences the checker: it is not a dossier document. */
export function formatImportReport(report: ImportReport, locale: WordLocale, opts: { markdownPath?: string } = {}): string {
  const en = locale === 'en';
  const out: string[] = ['<!-- cyberdossier-disable-file -->', ''];
  out.push(en ? `# Import report${report.source ? `: ${report.source}` : ''}` : `# 导入报告${report.source ? `：${report.source}` : ''}`, '');
  if (opts.markdownPath) out.push(en ? `Markdown written: \`${opts.markdownPath}\`` : `生成的 Markdown：\`${opts.markdownPath}\``, '');
  out.push(`- ${kindLine(report, locale)}`);
  out.push(
    en
      ? `- ${report.headings} heading(s), ${report.tables} table(s), ${report.images} image(s), ${report.footnotes} footnote(s)`
      : `- 标题 ${report.headings} 个，表格 ${report.tables} 个，图片 ${report.images} 张，脚注 ${report.footnotes} 条`,
  );
  const top = report.kindGuess.candidates.filter((c) => c.score > 0).slice(0, 3);
  if (top.length && report.kindGuess.source !== 'option') {
    out.push(
      en
        ? `- Candidates: ${top.map((c) => `${c.kind} (score ${c.score}: ${c.matched.join(', ') || 'title only'})`).join('; ')}`
        : `- 候选：${top.map((c) => `${c.kind}（得分 ${c.score}：${c.matched.join('、') || '仅标题'}）`).join('；')}`,
    );
  }
  const missing = missingSections(report, locale);
  if (missing.length) out.push(en ? `- Required sections not found (by heading): ${missing.join(', ')}` : `- 未找到的必需章节（按标题）：${missing.join('、')}`);
  out.push('');
  if (report.inferred.length) {
    out.push(en ? '## Facts inferred (review)' : '## 推断的事实（待确认）', '');
    out.push(en ? '| Key | Value | Found under |' : '| 键 | 值 | 来源标签 |', '| --- | --- | --- |');
    for (const f of report.inferred) out.push(`| \`${f.key}\` | ${cell(f.value)} | ${cell(f.label)} |`);
    out.push('');
  }
  out.push(en ? '## What Markdown could not keep as it was' : '## 无法按原样保留的内容', '');
  if (!report.items.length) out.push(en ? 'Nothing: every part of the document was converted.' : '无：文档的全部内容均已转换。', '');
  else {
    out.push(en ? '| What | Outcome | Details | Text |' : '| 类别 | 处理 | 说明 | 内容 |', '| --- | --- | --- | --- |');
    for (const i of report.items) {
      const text = [i.author ? `${i.author}: ` : '', i.text ?? ''].join('');
      out.push(`| ${pick(locale, KIND_LABEL[i.kind])} | ${pick(locale, ACTION_LABEL[i.action])} | ${cell(pick(locale, i.message))} | ${cell(text)} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A few lines for the terminal: the kind, then one line per reported item (grouped). */
export function formatImportSummary(report: ImportReport, locale: WordLocale): string {
  const lines = [kindLine(report, locale)];
  const en = locale === 'en';
  if (report.inferred.length)
    lines.push(en ? `Inferred (review): ${report.inferred.map((f) => `${f.key}=${f.value}`).join(', ')}` : `推断的事实（待确认）：${report.inferred.map((f) => `${f.key}=${f.value}`).join('，')}`);
  const missing = missingSections(report, locale);
  if (missing.length) lines.push(en ? `Required sections not found (by heading): ${missing.join(', ')}` : `未找到的必需章节（按标题）：${missing.join('、')}`);
  if (!report.items.length) lines.push(en ? 'Import report: nothing was lost.' : '导入报告：没有丢失任何内容。');
  else {
    lines.push(en ? `Import report: ${report.items.length} item(s)` : `导入报告：${report.items.length} 项`);
    for (const i of report.items) {
      const text = i.text ? ` — ${i.author ? `${i.author}: ` : ''}${i.text}` : '';
      lines.push(`  - [${pick(locale, KIND_LABEL[i.kind])}] ${pick(locale, i.message)}${text}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
