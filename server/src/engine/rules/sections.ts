// Section content checks that read a section's text rather than its tables: facts named on a
// line, list facts named by their labels, conditional mentions, diagrams, required words
// (the rule set names where each applies). Every word, label and message comes from the rule set.

import { evaluate, getFact, type ConditionContext } from '../facts/facts';
import { schemaAt } from '../facts/schema';
import type { Check, JsonSchema, Requirement } from '../rulesets/types';
import { cellText, columnMap, hasRoles, isProductRow, tableLines } from '../tables';
import type { Code } from '../codes';
import { L, finding, requirementById, sectionLabel, type DocGroup } from './context';
import { descendants, type TableModel } from '../model';
import { refKey } from '../match';
import type { Range } from '../text';
import { holdsPlaceholder, referenceIn } from '../rulesets/common';
import { sectionBlocks, sectionHeadings, sectionLines, sectionOf, sectionTables, sectionText, type Section } from './section';

type CheckOf<K extends Check['kind']> = Extract<Check, { kind: K }>;

/** The words that name each value of an enum: its id, its zh label and its aliases. */
export function valueLabels(schema: JsonSchema | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!schema?.enum) return out;
  for (const v of schema.enum) out.set(String(v), [String(v), String(v).replace(/-/g, ' ')]);
  for (const [v, zh] of Object.entries(schema['x-enum-labels-zh'] ?? {})) out.get(v)?.push(zh);
  for (const [alias, v] of Object.entries(schema['x-aliases'] ?? {})) out.get(String(v))?.push(alias);
  return out;
}

function enumSchema(group: DocGroup, fact: string): JsonSchema | undefined {
  const s = schemaAt(group.ruleset.schema, fact);
  return s?.items && !s.enum ? (s.items as JsonSchema) : s;
}

/**
 * Values named in a text, longest label first with matched spans masked, so that 非敏感医疗数据
 * is never also read as 敏感医疗数据 (and "non-sensitive-medical" never as "sensitive-medical").
 */
export function valuesNamed(text: string, labels: Map<string, string[]>): Set<string> {
  const all = [...labels].flatMap(([v, ls]) => ls.filter(Boolean).map((l) => ({ v, l: l.toLowerCase() }))).sort((a, b) => b.l.length - a.l.length);
  let t = text.toLowerCase();
  const found = new Set<string>();
  for (const { v, l } of all) {
    let i = t.indexOf(l);
    while (i >= 0) {
      // ASCII labels are whole words (`minor` is not read inside `minority`).
      const ascii = /^[a-z0-9 -]+$/.test(l);
      const before = t[i - 1];
      const after = t[i + l.length];
      const whole = !ascii || ((!before || !/[a-z0-9-]/.test(before)) && (!after || !/[a-z0-9-]/.test(after)));
      if (whole) {
        found.add(v);
        t = `${t.slice(0, i)}${'\u0000'.repeat(l.length)}${t.slice(i + l.length)}`;
      }
      i = t.indexOf(l, i + l.length);
    }
  }
  return found;
}

/** A line with the parts after an unchecked box (□ ☐ [ ]) removed: only checked or plain text counts. */
function readableLine(line: string): string {
  const parts = line.split(/(□|☐|\[\s\]|☑|☒|■|\[[xX]\]|✓|✔)/);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const box = parts[i];
    const rest = parts[i + 1] ?? '';
    if (/^(□|☐|\[\s\])$/.test(box)) continue;
    out += rest;
  }
  return out;
}

/** The value of a text fact named in the section (spaces and case aside), else inconsistent-fact. */
export function checkFactText(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'fact-text'>): void {
  const v = getFact(group.files[0].facts, c.fact);
  if (v.status !== 'valid' || typeof v.value !== 'string') return;
  const fold = (t: string) => t.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  const want = fold(v.value);
  if (!want) return;
  if (fold(sectionLines(sec).map(readableLine).join('\n')).includes(want) || fold(sectionText(sec)).includes(want)) return;
  const sub = c.anchor ? sectionOf(group, c.anchor) : undefined;
  const at = sub && sub.file === sec.file ? sub : sec;
  const id = at === sub && c.anchor ? c.anchor : r.id;
  const req = requirementById(group.kind, id) ?? r;
  const fill = (t: string) => t.replaceAll('{value}', v.value as string);
  sec.file.findings.push(
    finding('inconsistent-fact', at.anchor, { zh: fill(c.message.zh), en: fill(c.message.en) }, { requirement: req.id, clause: req.clause, fact: c.fact, value: v.value }),
  );
}

export function checkFactNamed(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'fact-named'>, cond: ConditionContext): void {
  const { file } = sec;
  const heading = { range: sec.anchor };
  const words = c.lineWords.map((w) => w.toLowerCase());
  const lines = sectionLines(sec)
    .filter((l) => words.some((w) => l.toLowerCase().includes(w)))
    .map(readableLine)
    .join('\n');
  const facts = group.files[0].facts;
  // Values the section may name: every stated fact of the check (an equal cybersecurity level too).
  const allowed = new Set(c.facts.map(({ fact }) => getFact(facts, fact)).flatMap((v) => (v.status === 'valid' && typeof v.value === 'string' ? [v.value] : [])));
  let reported = false;
  for (const { fact, when } of c.facts) {
    if (when && evaluate(when, cond).value !== true) continue;
    const v = getFact(facts, fact);
    if (v.status !== 'valid' || typeof v.value !== 'string') continue;
    const labels = valueLabels(enumSchema(group, fact));
    const named = valuesNamed(lines, labels);
    const foreign = [...named].filter((x) => !allowed.has(x));
    if (named.has(v.value) && (reported || !foreign.length)) continue;
    reported = true;
    if (named.has(v.value)) {
      // Named, but next to a level the frontmatter does not state: the two disagree.
      const other = foreign.map((x) => enumSchema(group, fact)?.['x-enum-labels-zh']?.[x] ?? x);
      file.findings.push(
        finding(
          'inconsistent-fact',
          heading.range,
          L(
            `${sectionLabel(group, r).zh}在写明级别的行中写到了“${other.join('、')}”，与 frontmatter 的 ${c.facts.map((x) => x.fact).join(' / ')} 不一致（${r.clause}）`,
            `${sectionLabel(group, r).en} names the level “${foreign.join(', ')}” on a line about the level, which the frontmatter (${c.facts.map((x) => x.fact).join(' / ')}) does not state (${r.clause})`,
          ),
          { requirement: r.id, clause: r.clause, fact, value: v.value, named: foreign },
        ),
      );
      continue;
    }
    const zh = enumSchema(group, fact)?.['x-enum-labels-zh']?.[v.value] ?? v.value;
    const other = [...named].map((x) => enumSchema(group, fact)?.['x-enum-labels-zh']?.[x] ?? x);
    const otherZh = other.length ? `（写的是“${other.join('、')}”）` : '';
    const otherEn = other.length ? ` (it says “${other.join(', ')}”)` : '';
    file.findings.push(
      finding(
        'inconsistent-fact',
        heading.range,
        L(
          `frontmatter 的 ${fact} 为“${zh}”，但${sectionLabel(group, r).zh}未在写明级别的行中写明${c.what.zh}“${zh}”${otherZh}（${r.clause}）`,
          `${fact} is “${v.value}” in the frontmatter, but ${sectionLabel(group, r).en} does not state ${c.what.en} “${v.value}” on a line about the level${otherEn} (${r.clause})`,
        ),
        { requirement: r.id, clause: r.clause, fact, value: v.value },
      ),
    );
  }
}

export function checkFactValuesNamed(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'fact-values-named'>): void {
  const { file, model } = sec;
  const heading = { range: sec.anchor };
  const facts = group.files[0].facts;
  const v = getFact(facts, c.fact);
  if (v.status !== 'valid' || !Array.isArray(v.value)) return;
  const declared = new Set(v.value.map(String));
  const schema = enumSchema(group, c.fact);
  const labels = valueLabels(schema);
  const zh = (x: string) => schema?.['x-enum-labels-zh']?.[x] ?? x;
  const named = valuesNamed(sectionText(sec), labels);
  for (const d of declared) {
    if (named.has(d) || !labels.has(d)) continue;
    file.findings.push(
      finding(
        'inconsistent-fact',
        heading.range,
        L(
          `frontmatter 的 ${c.fact} 声明了“${zh(d)}”，但${sectionLabel(group, r).zh}没有写到它（${r.clause}）`,
          `${c.fact} declares “${d}”, but ${sectionLabel(group, r).en} never names it (${r.clause})`,
        ),
        { requirement: r.id, clause: r.clause, fact: c.fact, value: d },
      ),
    );
  }
  if (!c.column) return;
  const dict = group.ruleset.columns;
  for (const t of sectionTables(sec)) {
    if (!hasRoles(t.fact, c.column.select, dict)) continue;
    const col = columnMap(t.fact.header, [c.column.role], dict).get(c.column.role);
    if (col === undefined) continue;
    for (const row of t.fact.rows) {
      if (!isProductRow(row, col)) continue;
      for (const x of valuesNamed(cellText(row, col), labels)) {
        if (declared.has(x)) continue;
        file.findings.push(
          finding(
            'inconsistent-fact',
            model.lines.lineRange(model.lines.positionAt(t.base + row.start).line),
            L(
              `表格列出了“${zh(x)}”，但 frontmatter 的 ${c.fact} 没有声明它（${r.clause}）`,
              `The table lists “${x}”, which ${c.fact} does not declare (${r.clause})`,
            ),
            { requirement: r.id, clause: r.clause, fact: c.fact, value: x, table: tableLines(model, t) },
          ),
        );
      }
    }
  }
}

export function checkSectionMentions(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'mentions'>, cond: ConditionContext): void {
  if (evaluate(c.when, cond).value !== true) return;
  if (mentionsAny(sectionText(sec), c.words)) return;
  sec.file.findings.push(finding(c.code as Code, sec.anchor, c.message, { requirement: r.id, clause: r.clause, ...(c.data ?? {}) }));
}

// One matcher per word list (the catalogue's lists are long-lived): mention checks run on every
// text run of every file on each check, so nothing is lower-cased or compiled per call but the text.
const matchers = new WeakMap<string[], (lower: string) => boolean>();
function matcherOf(words: string[]): (lower: string) => boolean {
  let m = matchers.get(words);
  if (!m) {
    const lower = words.map((w) => w.toLowerCase());
    const plain = lower.filter((l) => !/^[a-z0-9]/.test(l));
    const latin = lower.filter((l) => /^[a-z0-9]/.test(l)).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const re = latin.length ? new RegExp(`(?<![a-z0-9])(?:${latin.join('|')})(?![a-z0-9])`) : undefined;
    m = (t) => plain.some((l) => t.includes(l)) || (re?.test(t) ?? false);
    matchers.set(words, m);
  }
  return m;
}

/** Whether a text names one of the words: Latin words as whole words (OTS is not in "robots"). */
export function mentionsAny(text: string, words: string[]): boolean {
  return matcherOf(words)(text.toLowerCase());
}

/** Fence languages that draw diagrams. */
const DIAGRAM_FENCES = /^(?:mermaid|plantuml|puml|dot|graphviz)$/i;
/** A reference to a numbered figure, or to a figure in an attachment (one sentence). */
const FIGURE_REFERENCE = /(?<![A-Za-z])(?:图\s*[0-9０-９]+(?:[-.－][0-9０-９]+)*|见图|如图|figure\s+\d+|fig\.\s*\d+)|附件[^。！？.!?\n]*图/iu;

export function hasDiagram(sec: Section): boolean {
  for (const b of sectionBlocks(sec)) {
    if (b.item.image) return true;
    if (b.item.kind === 'code' && b.item.lang && DIAGRAM_FENCES.test(b.item.lang)) return true;
  }
  return FIGURE_REFERENCE.test(sectionText(sec));
}

/** Source lines of the section that hold an image or open a diagram fence (with their captions). */
function diagramLinesOf(sec: Section): string[] {
  return sectionLines(sec).filter((l) => /!\[[^\]]*\]\(|<img\b/iu.test(l) || /^\s*(?:```|~~~)\s*(?:mermaid|plantuml|puml|dot|graphviz)\b/iu.test(l));
}

export function checkDiagram(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'diagram'>): void {
  const { file } = sec;
  const heading = { range: sec.anchor };
  if (hasDiagram(sec)) return;
  if (c.exempt) {
    if (mentionsAny(sectionText(sec), c.exempt.words)) return;
  }
  const instead = c.exempt ? { zh: `，或写明${c.exempt.label.zh}`, en: `, or name ${c.exempt.label.en}` } : { zh: '', en: '' };
  file.findings.push(
    finding(
      'missing-diagram',
      heading.range,
      L(
        `${sectionLabel(group, r).zh}没有图示：指导原则 ${r.clause} 要求提供${c.what.zh}${instead.zh}。可插入图片、mermaid / plantuml / dot 代码块，或引用编号的图（如“见图 3”、附件中的图）`,
        `${sectionLabel(group, r).en} has no diagram: guideline ${r.clause} asks for ${c.what.en}${instead.en}. Insert an image, a mermaid / plantuml / dot block, or refer to a numbered figure (“see Figure 3”, a figure in an attachment)`,
      ),
      { requirement: r.id, clause: r.clause },
    ),
  );
}

export function checkRequiresWords(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'requires-words'>, cond: ConditionContext): void {
  if (c.when && evaluate(c.when, cond).value !== true) return;
  const text = c.source === 'lines' ? sectionLines(sec).join('\n') : sectionText(sec);
  if (c.exempt && mentionsAny(text, c.exempt)) return;
  // A section still being written has its placeholder finding; what it lacks is told once it is written.
  // (Raw lines: `<insert …>` is HTML to the parser and absent from the text.)
  if (holdsPlaceholder(sectionLines(sec).join('\n'))) return;
  const unmet = c.groups.filter((g) => !mentionsAny(text, g.words));
  if (!unmet.length) return;
  const clause = c.clause ?? r.clause;
  const severity = (c.tolerate !== undefined && unmet.length <= c.tolerate) || unmet.every((g) => g.hintOnly) ? 'hint' : c.severity;
  sec.file.findings.push(
    finding(
      c.code as Code,
      sec.anchor,
      L(`${c.message.zh}（未写到：${unmet.map((g) => g.label.zh).join('、')}；${clause}）`, `${c.message.en} (not stated: ${unmet.map((g) => g.label.en).join(', ')}; ${clause})`),
      { requirement: r.id, clause, missing: unmet.map((g) => g.label.en) },
      severity,
    ),
  );
}

/**
 * An item the section must hold (the version naming rule in 软件信息): the lines that name it,
 * each with its paragraph (a heading: its subtree; a table row: the row), must state the content.
 */
export function checkNamedItem(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'named-item'>, cond: ConditionContext): void {
  if (evaluate(c.when, cond).value !== true) return;
  if (c.unless && evaluate(c.unless, cond).value !== false) return;
  const { model } = sec;
  const hits: { line: number; text: string }[] = [];
  for (let l = sec.from; l < sec.to; l++) {
    const t = model.lines.lineText(l);
    if (!mentionsAny(t, c.names)) continue;
    const h = model.headings.find((x) => x.line === l);
    let end = l + 1;
    if (h) end = h.end;
    else if (!/^\s*\|/.test(t)) while (end < sec.to && model.lines.lineText(end).trim() && !/^\s*(#|\||\*\*)/.test(model.lines.lineText(end))) end++;
    const lines: string[] = [];
    for (let k = l; k < end; k++) lines.push(model.lines.lineText(k));
    hits.push({ line: l, text: lines.join('\n') });
  }
  const data = { requirement: r.id, clause: c.clause };
  if (!hits.length) {
    sec.file.findings.push(finding(c.code as Code, sec.anchor, L(`${sectionLabel(group, r).zh}${c.missing.zh}（${c.clause}）`, `${sectionLabel(group, r).en}: ${c.missing.en} (${c.clause})`), { ...data, item: 'missing' }, c.severity));
    return;
  }
  if (!c.content) return;
  // Where it is given by reference (见产品技术要求 …), the content is there.
  if (hits.some((h) => referenceIn(h.text))) return;
  const text = hits.map((h) => h.text).join('\n');
  if (holdsPlaceholder(text)) return;
  const unmet = c.content.groups.filter((g) => !mentionsAny(text, g.words));
  if (!unmet.length) return;
  sec.file.findings.push(
    finding(
      c.code as Code,
      model.lines.lineRange(hits[0].line),
      L(`${c.content.message.zh}（未写到：${unmet.map((g) => g.label.zh).join('、')}；${c.clause}）`, `${c.content.message.en} (not stated: ${unmet.map((g) => g.label.en).join(', ')}; ${c.clause})`),
      { ...data, item: 'content', missing: unmet.map((g) => g.label.en) },
    ),
  );
}

/** A word that stands right after a negation (不含个人信息, without patient names) does not count. */
function negated(text: string, at: number, negations: string[]): boolean {
  const before = text.slice(Math.max(0, at - 12), at).toLowerCase();
  return negations.some((n) => before.includes(n.toLowerCase()));
}

function firstWord(text: string, words: string[], negations: string[]): string | undefined {
  const lower = text.toLowerCase();
  for (const w of words) {
    let i = lower.indexOf(w.toLowerCase());
    while (i >= 0) {
      if (!negated(text, i, negations)) return text.slice(i, i + w.length);
      i = lower.indexOf(w.toLowerCase(), i + w.length);
    }
  }
  return undefined;
}

/**
 * Words that must not describe one value (personal information in 设备数据): in the rows of the
 * section's tables whose `role` cell names a subject, and in sentences that start with a subject.
 */
export function checkForbiddenWords(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'forbidden-words'>): void {
  const { model, file } = sec;
  const dict = group.ruleset.columns;
  const isSubject = (t: string) => {
    const n = t.trim().toLowerCase();
    return c.subject.some((s) => n.startsWith(s.toLowerCase())) && !(c.subjectNot ?? []).some((s) => n.startsWith(s.toLowerCase()));
  };
  const report = (range: Range, word: string, table?: TableModel) =>
    file.findings.push(finding(c.code as Code, range, L(`${c.message.zh}（写到了“${word}”；${c.clause}）`, `${c.message.en} (it names “${word}”; ${c.clause})`), { requirement: r.id, clause: c.clause, word, ...(table ? { table: tableLines(model, table) } : {}) }));
  for (const t of sectionTables(sec)) {
    if (!hasRoles(t.fact, c.select, dict)) continue;
    const col = columnMap(t.fact.header, [c.role], dict).get(c.role);
    if (col === undefined) continue;
    for (const row of t.fact.rows) {
      if (!isSubject(cellText(row, col))) continue;
      const rest = row.cells.filter((_, i) => i !== col).map((x) => x.run.text).join(' ');
      const w = firstWord(rest, c.words, c.negations);
      if (w) report(model.lines.lineRange(model.lines.positionAt(t.base + row.start).line), w, t);
    }
  }
  // Prose: a sentence (or labelled paragraph) about the subject, up to the next data type.
  for (const b of sectionBlocks(sec)) {
    if (b.item.kind === 'table' || b.item.kind === 'code' || !b.item.run.text) continue;
    const text = b.item.run.text;
    for (const m of text.matchAll(new RegExp(c.subject.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu'))) {
      const at = m.index ?? 0;
      const start = text.lastIndexOf('\n', at) + 1;
      const lead = text.slice(start, at).replace(/[\s*（(]*[0-9一二三四五六七八九十]*[)）.、]?[\s*]*/u, '');
      if (lead || !isSubject(text.slice(at))) continue;
      // The subject's description: to the end of its line or the next subject of another value.
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const desc = text.slice(at + m[0].length, end).split(/[；;。]\s*(?=(?:敏感|非敏感)?医疗数据|sensitive|medical data)/iu)[0];
      const w = firstWord(desc, c.words, c.negations);
      if (w) report(model.lines.lineRange(model.lines.positionAt(b.base + b.item.start).line + text.slice(0, at).split('\n').length - 1), w);
    }
  }
}

/**
 * One diagram per part of the section (a sub-heading or a labelled paragraph: one use scenario);
 * when `also` holds, a part must be that scenario (remote maintenance) — else missing-diagram.
 */
export function checkDiagramPerPart(group: DocGroup, r: Requirement, sec: Section, c: CheckOf<'diagram-per-part'>, cond: ConditionContext): void {
  const { model, file } = sec;
  const parts: { line: number; title: string; range: Range; to: number; heading?: boolean }[] = [];
  // Run on the parent (1.2 数据架构 without 1.2.1), its sub-sections that answer other
  // requirements (1.2.2 数据情况 …) are not use scenarios: they and their content are left out.
  const fi = group.files.indexOf(file);
  const other = new Set<number>();
  for (const h of sectionHeadings(sec)) {
    if (h.index === sec.index || !group.match.byHeading.has(refKey({ file: fi, heading: h.index }))) continue;
    other.add(h.index);
    for (const d of descendants(model, h.index)) other.add(d);
  }
  for (const h of sectionHeadings(sec)) if (!other.has(h.index)) parts.push({ line: h.line, title: h.text, range: h.range, to: h.end, heading: true });
  for (const l of model.labels) {
    if (l.kind !== 'block' || !sec.headings.has(l.heading) || other.has(l.heading) || l.line < sec.from || l.line >= sec.to) continue;
    // Inside a sub-heading's part it belongs to that part; a previous label's part ends here.
    if (parts.some((p) => p.heading && l.line >= p.line && l.line < p.to)) continue;
    const bold = l.candidates[0];
    // A labelled paragraph starts a part only as a bold lead-in or a name before a colon.
    if (!bold || bold.text.length > 30) continue;
    // **网络环境和数据流图**：见图 1～图 3 — the requirement's own name, not a scenario.
    if (mentionsAny(bold.text, [r.title.zh, r.title.en, ...r.synonyms.filter((x) => x.length > 2)])) continue;
    parts.push({ line: l.line, title: bold.text, range: bold.range, to: sec.to });
  }
  parts.sort((a, b) => a.line - b.line);
  for (let i = 0; i < parts.length; i++) if (parts[i].to === sec.to && i + 1 < parts.length) parts[i].to = Math.min(sec.to, parts[i + 1].line);
  // No diagram at all: the diagram check's one finding on the heading says it.
  if (!hasDiagram(sec)) return;
  // The lines that hold a diagram, with their captions (![图 2 本地维护场景……](…)): applicants put
  // the figure before or after its scenario's text, or all figures together; a figure whose caption
  // names the scenario, or as many figures as scenarios, covers them.
  const diagramLines = diagramLinesOf(sec);
  if (parts.length >= 2 && diagramLines.length < parts.length) {
    const captions = diagramLines.join('\n');
    for (const p of parts) {
      const part: Section = { ...sec, from: p.line, to: p.to, answer: sec.answer ?? { kind: 'label', file: group.files.indexOf(file), heading: sec.index, line: p.line, range: p.range, text: p.title, region: { from: p.line, to: p.to }, rest: '' } };
      if (hasDiagram(part)) continue;
      const name = p.title.replace(/^[\s\d.、（）()一二三四五六七八九十]+/u, '').replace(/(?:使用)?场景$/u, '').trim();
      if (name && captions.includes(name)) continue;
      file.findings.push(
        finding(
          'missing-diagram',
          p.range,
          L(`使用场景“${p.title}”没有${c.what.zh}：指导原则 ${r.clause} 要求提供每个使用场景的网络环境和数据流图`, `The use scenario “${p.title}” has no ${c.what.en}: guideline ${r.clause} asks for one for every use scenario`),
          { requirement: r.id, clause: r.clause, part: p.title },
        ),
      );
    }
  }
  // Scenarios told apart as parts: the declared one must be among them. Without parts, one diagram
  // may show every scenario (the mention check asks that it names this one).
  if (parts.length < 2 || !c.also || evaluate(c.also.when, cond).value !== true) return;
  if (parts.some((p) => mentionsAny(p.title, c.also!.words)) || mentionsAny(diagramLines.join('\n'), c.also.words)) return;
  // Never named in the section: the mention check (remote maintenance scenario) says it once.
  if (!mentionsAny(sectionText(sec), c.also.words)) return;
  file.findings.push(
    finding(
      'missing-diagram',
      sec.anchor,
      L(`${sectionLabel(group, r).zh}没有${c.also.label.zh}场景的网络环境和数据流图：指导原则 ${r.clause} 要求每个使用场景（含远程维护与升级）各有一幅`, `${sectionLabel(group, r).en} has no network environment and data-flow diagram of the ${c.also.label.en} scenario: guideline ${r.clause} asks for one per use scenario, remote maintenance and upgrade included`),
      { requirement: r.id, clause: r.clause, part: c.also.label.en },
    ),
  );
}
