// Dossier-wide rules: undefined-reference and untraced-requirement over every file's IDs,
// inconsistent-fact between files, and missing-document for a checked dossier folder.

import { evaluate, factPosition } from '../facts/facts';
import type { FactObject, FactValue } from '../facts/schema';
import type { IdOccurrence } from '../ids';
import { range } from '../text';
import { traceabilityTables } from './content';
import { tableLines } from '../tables';
import { L, finding, type DossierState, type FileState } from './context';
import type { Facts } from '../facts/facts';
import type { RuleSet } from '../rulesets/types';

export function checkIds(d: DossierState): void {
  const trace = d.groups.flatMap((g) => traceabilityTables(g));
  const traceSet = new Set(trace.map((t) => `${t.file.path}\u0000${t.table.index}`));
  const inTrace = (f: FileState, o: IdOccurrence) => o.table !== undefined && traceSet.has(`${f.path}\u0000${o.table}`);
  const checked = d.files.filter((f) => f.model && !f.skipBody);
  for (const f of checked) f.resolvedIds = f.ids.map((o) => (o.definition && inTrace(f, o) ? { ...o, definition: false } : o));

  const defined = new Map<string, { file: FileState; occ: IdOccurrence }>();
  for (const f of checked) for (const o of f.ids) if (o.definition && !inTrace(f, o) && !defined.has(o.id)) defined.set(o.id, { file: f, occ: o });

  for (const f of checked) {
    for (const o of f.ids) {
      if ((o.definition && !inTrace(f, o)) || defined.has(o.id)) continue;
      f.findings.push(
        finding(
          'undefined-reference',
          o.range,
          L(
            `引用的编号 ${o.id} 在本申报资料中没有定义：应在表格行首、标题或列表项开头定义它（如“${o.id}：……”），或更正编号`,
            `${o.id} is referenced but defined nowhere in this dossier: define it at the start of a table row, heading or list item (“${o.id}: …”), or correct the ID`,
          ),
          { id: o.id, kind: o.kind, ...(o.table !== undefined ? { table: tableLines(f.model!, f.model!.tables[o.table]) } : {}) },
        ),
      );
    }
  }

  if (!trace.length) return; // no traceability table (an attachment, say): nothing to trace
  const rowsOf = new Map<string, { tests: Set<string>; risks: Set<string> }>();
  for (const t of trace) {
    const occs = t.file.ids.filter((o) => o.table === t.table.index);
    const byRow = new Map<number, IdOccurrence[]>();
    for (const o of occs) if (o.row !== undefined) byRow.set(o.row, [...(byRow.get(o.row) ?? []), o]);
    for (const row of byRow.values()) {
      for (const req of row.filter((o) => o.kind === 'requirement')) {
        const e = rowsOf.get(req.id) ?? { tests: new Set<string>(), risks: new Set<string>() };
        for (const o of row) {
          if (o.kind === 'test' && defined.has(o.id)) e.tests.add(o.id);
          if (o.kind === 'risk' && defined.has(o.id)) e.risks.add(o.id);
        }
        rowsOf.set(req.id, e);
      }
    }
  }
  const clause = trace[0].requirement.clause;
  const reqId = trace[0].requirement.id;
  for (const [id, def] of defined) {
    if (def.occ.kind !== 'requirement') continue;
    const e = rowsOf.get(id);
    const missing = [...(!e?.tests.size ? ['test'] : []), ...(!e?.risks.size ? ['risk'] : [])];
    if (!missing.length) continue;
    const zh = missing.map((m) => (m === 'test' ? '已定义的测试' : '已定义的风险')).join('和');
    const en = missing.map((m) => (m === 'test' ? 'test' : 'risk')).join(' and no defined ');
    def.file.findings.push(
      finding(
        'untraced-requirement',
        def.occ.range,
        L(
          `需求 ${id} 在可追溯性分析表中没有对应${zh}：指导原则 ${clause} 要求追溯需求、设计、测试与风险管理的关系`,
          `Requirement ${id} has no defined ${en} in the traceability table: guideline ${clause} asks to trace requirements to design, tests and risk management`,
        ),
        { requirement: reqId, clause, id, missing },
      ),
    );
  }
}

function flatten(v: FactValue, path: string, out: Map<string, string>): void {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, c] of Object.entries(v as FactObject)) flatten(c, path ? `${path}.${k}` : k, out);
  } else out.set(path, JSON.stringify(v));
}

/** inconsistent-fact between the files of one dossier: explicit values that disagree. */
export function checkConsistency(d: DossierState): void {
  const files = d.files.filter((f) => f.isDossier && f.validated && !f.tooLarge);
  if (files.length < 2 && !d.yamlPath) return;
  const reference = new Map<string, { value: string; where: string }>();
  const yaml = d.yamlValidated.values().next().value;
  if (yaml) {
    const flat = new Map<string, string>();
    flatten(yaml.values, '', flat);
    for (const [p, v] of flat) reference.set(p, { value: v, where: 'dossier.yaml' });
  }
  for (const f of files) {
    const flat = new Map<string, string>();
    flatten(f.validated!.values, '', flat);
    for (const [p, v] of flat) {
      if (p === 'document' || p === '') continue;
      const ref = reference.get(p);
      if (!ref) {
        reference.set(p, { value: v, where: f.path });
        continue;
      }
      if (ref.value === v) continue;
      const pos = f.validated!.positions.get(p);
      const shown = JSON.parse(v);
      const other = JSON.parse(ref.value);
      f.findings.push(
        finding(
          'inconsistent-fact',
          pos?.value ?? range(0, 0, 0, 0),
          L(
            `${p} 为 ${fmt(shown)}，与 ${ref.where} 中的 ${fmt(other)} 不一致：同一申报资料的各文件应描述同一产品`,
            `${p} is ${fmt(shown)} here but ${fmt(other)} in ${ref.where}: the files of one dossier describe one product`,
          ),
          { fact: p, value: shown, other, otherFile: ref.where },
        ),
      );
    }
  }
}

function fmt(v: unknown): string {
  return Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}

/** missing-document: a checked dossier folder lacks a kind its submission needs (§9). */
export function checkMissingDocuments(d: DossierState, facts: Facts | undefined, ruleset: RuleSet): void {
  if (!d.folder || !d.yamlPath || !facts || !d.yamlLines) return;
  for (const rule of ruleset.scope) if (evaluate(rule.when, { facts }).value === true) return;
  const present = new Set(d.files.filter((f) => f.kind).map((f) => f.kind!.id));
  for (const c of ruleset.submission) {
    if (evaluate(c.when, { facts }).value !== true) continue;
    const pos = factPosition(facts, 'submission');
    const at = pos?.origin === 'dossier' ? pos.value : d.yamlLines.lineRange(0);
    for (const need of c.required) {
      const options = Array.isArray(need) ? need : [need];
      if (options.some((k) => present.has(k))) continue;
      const names = options.map((k) => ruleset.kinds.find((x) => x.id === k)!);
      d.yamlFindings.push(
        finding(
          'missing-document',
          at,
          L(
            `${c.label.zh}需要提交${names.map((n) => n.name.zh).join('或')}，但本申报资料文件夹中没有（指导原则 ${c.clause}）：请新建 document: ${options[0]} 的文件`,
            `${cap(c.label.en)} needs a ${names.map((n) => n.name.en).join(' or a ')}, and this dossier folder has none (guideline ${c.clause}): add a file with document: ${options[0]}`,
          ),
          { clause: c.clause, document: options[0], alternatives: options },
        ),
      );
    }
    return;
  }
}

function cap(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
