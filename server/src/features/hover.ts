// Hovers: a heading recognised as a requirement (ID, clause, the guideline's own sentence and an
// English gloss, what the section must contain, why it is required here); a frontmatter key (its
// schema documentation, zh label, allowed values, the requirements it switches on); a dossier ID
// (its definition); a capability code; a label, table row or sentence that answers a requirement
// without a heading (requirements.md §3a).

import type { Hover, Position } from 'vscode-languageserver-types';
import { evaluate, resolveRef, schemaAt, refKey, LineIndex, describeFacts, missingSeverityOf, type Requirement, type RuleSet } from '../engine';
import type { DocView } from './view';
import type { Locale } from './completion';

export interface HoverContext {
  text: string;
  position: Position;
  locale: Locale;
  view?: DocView;
  ruleset: RuleSet;
}

const within = (r: { start: Position; end: Position }, p: Position) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

export function hover(ctx: HoverContext): Hover | null {
  const lines = new LineIndex(ctx.text);
  const en = ctx.locale === 'en';
  const line = ctx.position.line;
  const view = ctx.view;

  // A frontmatter key.
  if (/^\uFEFF?---[ \t]*$/.test(lines.lineText(0))) {
    let close = -1;
    for (let l = 1; l < lines.lineCount; l++) if (/^---[ \t]*$/.test(lines.lineText(l))) { close = l; break; }
    if (line > 0 && line < close) {
      const text = lines.lineText(line);
      const m = /^(\s*)(?:-\s+)?([\w-]+)\s*:/.exec(text);
      if (m && ctx.position.character <= m[0].length) {
        const path: string[] = [m[2]];
        let want = m[1].length;
        for (let l = line - 1; l > 0 && want > 0; l--) {
          const t = lines.lineText(l);
          if (!t.trim()) continue;
          const ind = /^\s*/.exec(t)![0].length;
          const k = /^\s*(?:-\s+)?([\w-]+)\s*:/.exec(t);
          if (ind < want && k) {
            path.unshift(k[1]);
            want = ind;
          }
        }
        const s0 = schemaAt(ctx.ruleset.schema, path.join('.'));
        if (!s0) return null;
        const s = resolveRef(s0.items ? resolveRef(s0.items, ctx.ruleset.schema) : s0, ctx.ruleset.schema);
        const labels = s['x-enum-labels-zh'] ?? {};
        const parts = [`**${path.join('.')}**${s0['x-label-zh'] ? ` · ${s0['x-label-zh']}` : ''}`, en ? s0.description ?? '' : s0['x-description-zh'] ?? s0.description ?? ''];
        if (s.enum) parts.push(s.enum.map((v) => `\`${v}\`${labels[String(v)] ? ` ${labels[String(v)]}` : ''}`).join(' · '));
        const reqs = s0['x-requirements'];
        if (reqs?.length) parts.push(`${en ? 'Switches on' : '决定是否需要'}: ${reqs.join(', ')}`);
        return { contents: { kind: 'markdown', value: parts.filter(Boolean).join('\n\n') }, range: { start: { line, character: m[1].length }, end: { line, character: m[0].length - 1 } } };
      }
      return null;
    }
  }
  if (!view?.file.model) return null;

  // A dossier ID.
  const occ = (view.file.resolvedIds ?? view.file.ids).find((o) => within(o.range, ctx.position));
  if (occ) {
    for (const f of view.state.files) {
      const def = (f.resolvedIds ?? f.ids).find((o) => o.id === occ.id && o.definition);
      if (def) {
        const where = f === view.file ? `${en ? 'line' : '第'} ${def.range.start.line + 1}${en ? '' : ' 行'}` : `${f.path.split(/[\\/]/).pop()}:${def.range.start.line + 1}`;
        return { contents: { kind: 'markdown', value: `**${occ.id}** (${occ.kind}) — ${where}\n\n${f.lines.lineText(def.range.start.line).trim()}` }, range: occ.range };
      }
    }
    return { contents: { kind: 'markdown', value: `**${occ.id}** — ${en ? 'defined nowhere in this dossier' : '在本申报资料中没有定义'}` }, range: occ.range };
  }

  // A heading recognised as one or more requirements (网络安全测试计划和报告 answers two).
  const h = view.file.model.headings.find((x) => x.line === line);
  if (h) {
    if (!view.group) return null;
    const ids = view.group.match.headingAnswers.get(refKey({ file: view.fileIndex, heading: h.index })) ?? [];
    const reqs = ids.map((id) => view.group!.kind.requirements.find((r) => r.id === id)).filter((r): r is Requirement => !!r);
    if (!reqs.length) return null;
    return { contents: { kind: 'markdown', value: reqs.map((r) => requirementCard(view, r, en)).join('\n\n---\n\n') }, range: h.range };
  }

  // A label, table row or sentence that answers a requirement without a heading (§3a).
  if (view.group) {
    for (const [id, a] of view.group.match.answers) {
      if (a.file !== view.fileIndex || !within(a.range, ctx.position)) continue;
      const r = view.group.kind.requirements.find((x) => x.id === id);
      if (!r) continue;
      const how =
        a.kind === 'reference'
          ? en ? `Answered by reference to ${a.reference}: its content is in that document and is not checked here.` : `以引用作答（${a.reference}）：内容在所引用的文件中，此处不检查。`
          : a.kind === 'row'
            ? en ? 'Answered by this table row.' : '由此表格行作答。'
            : en ? `Answered by this labelled paragraph${a.reference ? ` (reference: ${a.reference})` : ''}.` : `由此标注段落作答${a.reference ? `（引用：${a.reference}）` : ''}。`;
      return { contents: { kind: 'markdown', value: `${requirementCard(view, r, en)}\n\n${how}` }, range: a.range };
    }
  }

  // A capability code.
  const word = /[A-Z]{4}/g;
  const lt = lines.lineText(line);
  let m: RegExpExecArray | null;
  while ((m = word.exec(lt))) {
    if (ctx.position.character < m.index || ctx.position.character > m.index + 4) continue;
    for (const set of Object.values(view.group?.ruleset.capabilities ?? ctx.ruleset.capabilities)) {
      const c = set.find((x) => x.code === m![0]);
      if (c) return { contents: { kind: 'markdown', value: `**${c.code}** ${c.zh} · ${c.en}\n\nIEC/TR 80001-2-2` }, range: { start: { line, character: m.index }, end: { line, character: m.index + 4 } } };
    }
  }
  return null;
}

/** What a hover says of a requirement: ID, titles, clause, the guideline's sentence, why here. */
function requirementCard(view: DocView, r: Requirement, en: boolean): string {
  const group = view.group!;
  const v = r.condition && group.cond ? evaluate(r.condition, group.cond) : undefined;
  // Severity by tier and mode (FDA §1): below error in this file's mode it is recommended.
  const recommended = !!group.ruleset.severityModes && missingSeverityOf(group.ruleset, r, group.facts) !== 'error';
  const why = r.condition
    ? v?.value
      ? `${recommended ? (en ? 'Recommended here because' : '本文档建议包含此项，因为') : en ? 'Required here because' : '本文档需要此项，因为'} ${en ? describeFacts(v.because).en : describeFacts(v.because).zh}`
      : en
        ? 'Not required by the current facts.'
        : '按当前产品事实不要求此项。'
    : r.missingSeverity === 'hint'
      ? en ? 'Recommended (the guideline says 可).' : '建议项（指导原则用“可”）。'
      : en ? 'Always required.' : '始终需要。';
  return [
    `**${r.id} ${r.title.zh}** · ${r.title.en}`,
    `${en ? 'Clause' : '条款'} ${r.clause} · ${en ? group.ruleset.name.en : group.ruleset.name.zh}`,
    `> ${r.quote}`,
    `*${r.gloss}*`,
    `${en ? '**Must contain**' : '**应包含**'}：${en ? r.content.en : r.content.zh}`,
    why,
  ].join('\n\n');
}
