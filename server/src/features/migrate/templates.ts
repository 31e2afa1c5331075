// Step 4 of the migration: the sections nmpa-2022 newly requires, inserted as templates. The
// migrated texts are checked in memory (a temporary Engine over an overlay of the real host, with
// the same configuration and chunk cache) and the ordinary quick fixes of the 2022
// missing-section and capability-unaddressed findings are applied — the same code the editor
// offers one by one, so the numbering, level, language and templates are the quick fixes' own.
// One fix per insertion line per round (two sections inserted at one place would both take the
// same number), re-checked until no fix is left: the result shows only what the user must
// still write.

import { URI } from 'vscode-uri';
import { Engine, overlayHost, buildModel, LineIndex } from '../../engine';
import { codeActions, type Locale } from '../codeActions';
import { applyOffsets, composeOffsets, eolOf, type OffsetEdit, toOffsets } from './edits';
import { headingParts } from './heading-line';

export interface TemplateResult {
  /** Per file: edits on the text given, and the text after them. */
  files: Map<string, { edits: OffsetEdit[]; text: string }>;
  rounds: number;
}

const MAX_ROUNDS = 16;

/**
 * Applies the missing-section (and capability) quick fixes of `texts` (path → migrated text, the
 * dossier.yaml included when it changed) to the files in `targets`, re-checking in memory.
 */
export function planTemplates(engine: Engine, texts: Map<string, string>, targets: string[], locale: Locale): TemplateResult {
  const overlay = new Map<string, { text: string; version: number }>();
  let version = 1;
  for (const [p, t] of texts) overlay.set(p, { text: t, version });
  const temp = new Engine({
    host: overlayHost(engine.host, overlay),
    chunkCache: engine.chunks,
    settings: engine.options.settings,
    configFile: engine.options.configFile,
    parse: engine.options.parse,
    sbom: engine.options.sbom,
  });
  const out: TemplateResult = { files: new Map(), rounds: 0 };
  const start = new Map<string, string>();
  for (const p of targets) {
    const t = overlay.get(p)?.text ?? engine.host.readFile(p);
    if (t === undefined) continue;
    start.set(p, t);
    out.files.set(p, { edits: [], text: t });
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    version++;
    const result = temp.check({ files: [...out.files.keys()], members: true });
    let applied = 0;
    for (const report of result.reports) {
      const f = out.files.get(report.path);
      if (!f || report.ruleset !== 'nmpa-2022') continue;
      const uri = URI.file(report.path).toString();
      const lsp = report.diagnostics.map((d) => ({ range: d.range, code: d.code, source: 'cyberdossier', message: d.message.en, data: d.data, severity: 1 as const, sev: d.severity }));
      const sections = lsp.filter(
        (d) => d.code === 'missing-section' && d.sev !== 'hint' && d.data.insert !== undefined && d.data.foundAt === undefined && d.data.foundIn === undefined && d.data.item === undefined,
      );
      const caps = lsp.filter((d) => d.code === 'capability-unaddressed' && d.data.insert !== undefined);
      const lines = new LineIndex(f.text);
      const chosen: OffsetEdit[] = [];
      const usedLines = new Set<number>();
      const take = (edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] | undefined) => {
        if (!edits?.length) return;
        const at = edits.map((e) => e.range.start.line);
        if (at.some((l) => usedLines.has(l))) return;
        at.forEach((l) => usedLines.add(l));
        // The quick fixes write '\n': keep the file's own line ends.
        const eol = eolOf(f.text);
        chosen.push(...toOffsets(lines, edits).map((e) => ({ ...e, text: e.text.replace(/\r\n|\r|\n/g, eol) })));
      };
      if (caps.length) {
        const a = codeActions({ uri, text: f.text, locale, diagnostics: caps }).find((x) => x.kind === 'quickfix' && x.isPreferred);
        take(a?.edit?.changes?.[uri]);
      }
      for (const d of sections) {
        const a = codeActions({ uri, text: f.text, locale, diagnostics: [d] }).find((x) => x.kind === 'quickfix' && x.isPreferred);
        take(a?.edit?.changes?.[uri]);
      }
      if (!chosen.length) continue;
      const next = applyOffsets(f.text, chosen);
      f.edits = composeOffsets(start.get(report.path)!, f.edits, chosen);
      const renumber = uniqueNumbers(engine, next, chosen);
      f.edits = composeOffsets(start.get(report.path)!, f.edits, renumber);
      f.text = applyOffsets(next, renumber);
      overlay.set(report.path, { text: f.text, version });
      applied++;
    }
    out.rounds = round + 1;
    if (!applied) break;
  }
  return out;
}

/**
 * The quick fix numbers a new section after its catalogue neighbour ("9.3" → "9.4"); in a
 * document whose own order differs from the catalogue's that number may already be taken by a
 * sibling. Such an inserted heading takes the next free number among its siblings instead (its
 * inserted sub-sections follow), so the migration never creates two sections with one number.
 */
function commonPrefix(nums: string[]): string | undefined {
  let prefix: string | undefined;
  for (const n of nums) {
    const p = n.includes('.') ? n.slice(0, n.lastIndexOf('.') + 1) : '';
    if (prefix === undefined) prefix = p;
    else if (prefix !== p) return undefined;
  }
  return prefix;
}

function uniqueNumbers(engine: Engine, text: string, inserted: OffsetEdit[]): OffsetEdit[] {
  const ranges: [number, number][] = [];
  let delta = 0;
  for (const e of [...inserted].sort((a, b) => a.start - b.start)) {
    const s = e.start + delta;
    ranges.push([s, s + e.text.length]);
    delta += e.text.length - (e.end - e.start);
  }
  const model = buildModel(text, engine.chunks);
  const lines = model.lines;
  const parts = model.headings.map((h) => headingParts(lines.lineText(h.line)));
  const num = parts.map((p) => p.number);
  const isNew = (i: number) => {
    const o = lines.starts[model.headings[i].line];
    return ranges.some(([a, b]) => o >= a && o < b);
  };
  const out: OffsetEdit[] = [];
  const gone: [number, number][] = [];
  model.headings.forEach((h, i) => {
    let own = num[i];
    if (!isNew(i) || gone.some(([a, b]) => lines.starts[h.line] >= a && lines.starts[h.line] < b)) return;
    if (!own) {
      // Unnumbered (no numbered neighbour in the catalogue): next after its numbered siblings.
      const sibs = model.headings.filter((x) => x.parent === h.parent && x.index !== i);
      const parentNum = h.parent >= 0 ? num[h.parent] : undefined;
      const nums = sibs.map((x) => num[x.index]);
      const old = sibs.filter((x) => !isNew(x.index));
      if (old.some((x) => !num[x.index]) || !(parentNum || old.length)) return;
      const prefix = parentNum ? `${parentNum}.` : commonPrefix(nums as string[]);
      if (prefix === undefined || (h.parent >= 0 && !parentNum && !old.length)) return;
      let max = 0;
      for (const n of nums) if (n && n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length))) max = Math.max(max, Number(n.slice(prefix.length)));
      const at = lines.starts[h.line] + parts[i].content;
      const sep = [...sibs.map((x) => parts[x.index].sep), ' '].find((x) => x) ?? ' ';
      num[i] = `${prefix}${max + 1}`;
      out.push({ start: at, end: at, text: num[i] + sep });
      return;
    }
    own = own!;
    const siblings = model.headings.filter((x) => x.parent === h.parent && x.index !== i).map((x) => num[x.index]);
    if (!siblings.includes(own)) return;
    const prefix = own.includes('.') ? own.slice(0, own.lastIndexOf('.') + 1) : '';
    let max = 0;
    for (const n of [...siblings, own]) if (n && n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length))) max = Math.max(max, Number(n.slice(prefix.length)));
    const next = `${prefix}${max + 1}`;
    // The inserted block (the heading and its inserted sub-sections) with its numbers changed.
    const range = ranges.find(([a, b]) => lines.starts[h.line] >= a && lines.starts[h.line] < b)!;
    const renames: OffsetEdit[] = [];
    const renum = (k: number, to: string) => {
      const at = lines.starts[model.headings[k].line] + parts[k].content;
      renames.push({ start: at, end: at + num[k]!.length, text: to });
      num[k] = to;
    };
    for (const d of model.headings) {
      const dn = num[d.index];
      if (d.index !== i && dn && dn.startsWith(`${own}.`) && isNew(d.index) && d.line > h.line && d.line < h.end) renum(d.index, next + dn.slice(own.length));
    }
    renum(i, next);
    // A taken number means the document orders these siblings unlike the catalogue: the section
    // goes after its last sibling instead, so the numbers still ascend in reading order.
    let endLine = h.parent >= 0 ? model.headings[h.parent].end : lines.lineCount;
    while (endLine > 0 && lines.lineText(endLine - 1).trim() === '') endLine--;
    const target = endLine >= lines.lineCount ? text.length : lines.starts[endLine];
    const [a, b] = range;
    const inside = renames.every((e) => e.start >= a && e.end <= b);
    if (target > b && inside && model.headings.every((x) => x.line < h.line || x.line >= h.end || isNew(x.index))) {
      const block = applyOffsets(text.slice(a, b), renames.map((e) => ({ ...e, start: e.start - a, end: e.end - a }))).replace(/^(\r\n|\r|\n)+/, '').replace(/(\r\n|\r|\n)+$/, '');
      const eol = eolOf(text);
      const atEnd = target >= text.length;
      const before = text.slice(0, target);
      const lead = atEnd ? (/(\r\n|\r|\n)$/.test(before) ? eol : eol + eol) : '';
      gone.push(range);
      out.push({ start: a, end: b, text: '' }, { start: target, end: target, text: `${lead}${block}${eol}${atEnd ? '' : eol}` });
    } else out.push(...renames);
  });
  return out;
}
