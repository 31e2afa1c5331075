// The migration planner (features/migrate.ts describes the steps and how they compose): the
// dossier's members and what each migrates to, steps 1–3 on the current texts and as a pipeline,
// step 4 on the pipeline's result, composed into one plan per file.

import { buildModel, getRuleSet, LineIndex, normalize, type Engine, type Locale, type DocModel, type DossierState, type FileState, type DocumentKind, type Localized } from '../../engine';
import { applyOffsets, composePipeline, sortEdits, toRanges, type MigrationEdit, type OffsetEdit } from './edits';
import { dossierYamlSource, frontmatterSource, planFrontmatter, rawFacts, rawKind, type YamlSource } from './frontmatter';
import { planStructure, type StructurePlan } from './headings';
import {
  GUIDELINE_2022,
  KIND_MAPS,
  MANUAL_BY_REQUIREMENT,
  MANUAL_NEW_CONTENT,
  kind2022,
  kindMapFor,
  ruleset2022Registered,
  type KindMap,
  type ManualItem,
} from './mapping';
import { planTemplates } from './templates';

export type MigrationStepId = 'frontmatter' | 'headings' | 'moves' | 'templates';
export const MIGRATION_STEPS: MigrationStepId[] = ['frontmatter', 'headings', 'moves', 'templates'];

export interface MigrationMove {
  /** The moved section's heading and the heading it goes under ('' = top level). */
  heading: string;
  under: string;
  /** 0-based line of the moved heading in the current text. */
  line: number;
  requirement?: string;
  title: Localized;
  edits: MigrationEdit[];
}

export interface FileMigration {
  path: string;
  /** 2017 kind → 2022 kind (undefined for dossier.yaml). */
  from?: string;
  to?: string;
  /** Each step's edits on the current text; `undefined` when it waits for an earlier step. */
  steps: Record<MigrationStepId, MigrationEdit[] | undefined> & { frontmatter: MigrationEdit[] };
  /** The moves step one move at a time (each applicable alone); empty while headings are pending. */
  moves: MigrationMove[];
  /** All steps composed: edits on the current text (sorted, non-overlapping). */
  all: MigrationEdit[];
  /** The current text and the text after all steps. */
  text: string;
  result: string;
}

export interface MigrationPlan {
  /** dossier.yaml, or the file for a dossier of one. */
  dossier: string;
  files: FileMigration[];
  /** Things only the user can decide or write (§13 "manual"), per file. */
  manual: ManualItem[];
  /** Headings the plan could not rewrite (setext headings changing level, nesting beyond 6). */
  problems: { file: string; line: number; message: Localized }[];
  /** The nmpa-2022 rule set is registered (without it there is no templates step). */
  templates: boolean;
}

export interface PlanOptions {
  /** Language of inserted templates and messages' choice; default zh-CN. */
  locale?: Locale;
  /** Compute the whole pipeline with templates (a check in memory); default true. */
  pipeline?: boolean;
}

interface Member {
  path: string;
  state: FileState;
  text: string;
  src?: YamlSource;
  map: KindMap;
  from: string;
  to: string;
  kind17?: DocumentKind;
  kind22?: DocumentKind;
}

/** The dossier of `file` (which the engine must have checked), planned; undefined if none of its files migrates. */
export function planMigration(engine: Engine, file: string, opts: PlanOptions = {}): MigrationPlan | undefined {
  let s = engine.stateOf(file);
  if (!s) {
    engine.check({ files: [file], members: true });
    s = engine.stateOf(file);
  }
  if (!s) return undefined;
  return planDossier(engine, s.state, opts);
}

export function planDossier(engine: Engine, d: DossierState, opts: PlanOptions = {}): MigrationPlan | undefined {
  const locale = opts.locale ?? 'zh-CN';
  const yaml = d.yamlPath ? dossierYamlSource(d.yamlPath, d.yamlLines?.text ?? engine.host.readFile(d.yamlPath) ?? '') : undefined;
  const members: Member[] = [];
  for (const f of d.files) {
    if (!f.isDossier || f.tooLarge) continue;
    const src = frontmatterSource(f.path, f.text, f.yaml);
    const m = memberOf(f, src, yaml);
    if (m) members.push(m);
  }
  if (!members.length) return undefined;
  const plan: MigrationPlan = { dossier: d.yamlPath ?? members[0].path, files: [], manual: [], problems: [], templates: ruleset2022Registered() };

  // Step 1 on the current texts (dossier-wide).
  const fm = planFrontmatter({ files: members.filter((m) => m.src).map((m) => ({ path: m.path, src: m.src!, kind2017: m.from })), dossierYaml: yaml });
  plan.manual.push(...fm.manual);
  const fmPending = [...fm.edits.values()].some((e) => e.length > 0);

  // Per file: steps 2–3 on the current text, and the pipeline 1 → 2 → 3.
  const after3 = new Map<string, string>();
  const pipe = new Map<string, OffsetEdit[][]>();
  const current = new Map<string, { headings: StructurePlan; moves?: StructurePlan; model: DocModel }>();
  for (const m of members) {
    const model = m.state.model ?? buildModel(m.text, engine.chunks);
    const input = structureInput(m, model);
    const headings = planStructure(input, 'headings');
    const moves = headings.edits.length ? undefined : planStructure(input, 'moves');
    current.set(m.path, { headings, moves, model });
    for (const p of headings.problems) plan.problems.push({ file: m.path, line: p.line, message: problemText(p.reason, p.title) });
    plan.manual.push(...manualFor(m, model));
    if (opts.pipeline === false) continue;
    const e1 = fm.edits.get(m.path) ?? [];
    const t1 = applyOffsets(m.text, e1);
    const e2 = t1 === m.text ? headings.edits : planStructure(structureInput(m, buildModel(t1, engine.chunks)), 'headings').edits;
    const t2 = applyOffsets(t1, e2);
    const s3 = t2 === m.text && moves ? moves : planStructure(structureInput(m, buildModel(t2, engine.chunks)), 'moves');
    const e3 = [...s3.edits, ...s3.moves.flatMap((x) => x.edits)];
    const t3 = applyOffsets(t2, e3);
    pipe.set(m.path, [e1, e2, e3]);
    after3.set(m.path, t3);
  }

  // Step 4: the 2022 quick fixes of the migrated texts, in memory.
  let templates: Map<string, { edits: OffsetEdit[]; text: string }> | undefined;
  if (opts.pipeline !== false && plan.templates) {
    const texts = new Map(after3);
    if (yaml) texts.set(yaml.path, applyOffsets(yaml.text, fm.edits.get(yaml.path) ?? []));
    templates = planTemplates(engine, texts, members.map((m) => m.path), locale).files;
  }
  // Templates on the current text, when every other step is done there.
  let currentTemplates: Map<string, { edits: OffsetEdit[]; text: string }> | undefined;
  const structureDone = members.every((m) => {
    const c = current.get(m.path)!;
    return !c.headings.edits.length && c.moves && !c.moves.edits.length && !c.moves.moves.length;
  });
  if (opts.pipeline !== false && !fmPending && structureDone && plan.templates) {
    // Nothing else pending: the pipeline's texts are the current ones.
    currentTemplates = templates;
  }

  for (const m of members) {
    const lines = new LineIndex(m.text);
    const c = current.get(m.path)!;
    const steps = pipe.get(m.path);
    const e4 = templates?.get(m.path)?.edits ?? [];
    const composed = steps ? composePipeline(m.text, [...steps, e4]) : { edits: [], result: m.text };
    plan.files.push({
      path: m.path,
      from: m.from,
      to: m.to,
      steps: {
        frontmatter: toRanges(lines, sortEdits(fm.edits.get(m.path) ?? [])),
        headings: toRanges(lines, sortEdits(c.headings.edits)),
        moves: c.moves ? toRanges(lines, sortEdits([...c.moves.edits, ...c.moves.moves.flatMap((mv) => mv.edits)])) : undefined,
        templates: currentTemplates ? toRanges(lines, currentTemplates.get(m.path)?.edits ?? []) : undefined,
      },
      moves: c.moves ? c.moves.moves.map((mv) => moveOf(lines, c.model, mv, c.moves!.edits)) : [],
      all: toRanges(lines, composed.edits),
      text: m.text,
      result: composed.result,
    });
  }
  if (yaml) {
    const e = fm.edits.get(yaml.path) ?? [];
    if (e.length) {
      const lines = new LineIndex(yaml.text);
      const edits = toRanges(lines, [...e].sort((a, b) => a.start - b.start));
      plan.files.push({ path: yaml.path, steps: { frontmatter: edits, headings: [], moves: [], templates: [] }, moves: [], all: edits, text: yaml.text, result: applyOffsets(yaml.text, e) });
    }
  }
  if (!plan.templates) {
    plan.manual.push({
      key: 'templates-unavailable',
      file: plan.dossier,
      message: { zh: '未加载 nmpa-2022 规则集：新增章节模板未插入', en: 'The nmpa-2022 rule set is not loaded: the new sections were not inserted' },
    });
  }
  return plan;
}

function memberOf(f: FileState, src: YamlSource | undefined, yaml: YamlSource | undefined): Member | undefined {
  const rs = f.ruleset.id;
  let from: string | undefined;
  let map: KindMap | undefined;
  if (rs === GUIDELINE_2022 && f.kind) {
    map = kindMapFor(f.kind.id);
    from = map?.from;
  } else {
    from = f.kind && rs !== GUIDELINE_2022 ? f.kind.id : rawKind(src);
    map = KIND_MAPS.find((x) => x.from === from);
  }
  if (!from || !map) return undefined;
  const to = rs === GUIDELINE_2022 && f.kind ? f.kind.id : map.to(rawFacts(src, yaml));
  const kind17 = getRuleSet('nmpa-2017')?.kinds.find((k) => k.id === from);
  const kind22 = kind2022(to)?.kind;
  return { path: f.path, state: f, text: f.text, src, map, from, to, kind17, kind22 };
}

function structureInput(m: Member, model: DocModel) {
  return { model, kind17: m.kind17, kind22: m.kind22 ?? emptyKind(m.to), rows: m.kind22 ? m.map.rows : {}, aliases: m.state.config.aliases };
}

function emptyKind(id: string): DocumentKind {
  return { id, prefix: '', name: { zh: id, en: id }, aliases: [], clause: '', when: { zh: '', en: '' }, requirements: [] };
}

function moveOf(lines: LineIndex, model: DocModel, mv: StructurePlan['moves'][number], shared: OffsetEdit[]): MigrationMove {
  const h = model.headings[mv.heading];
  const under = mv.parentTitle;
  return {
    heading: mv.title,
    under,
    line: h?.line ?? 0,
    requirement: mv.requirement,
    title: under
      ? { zh: `将“${mv.title}”移到“${under}”之下`, en: `Move “${mv.title}” under “${under}”` }
      : { zh: `将“${mv.title}”移到顶层`, en: `Move “${mv.title}” to the top level` },
    edits: toRanges(lines, sortEdits([...shared, ...mv.edits])),
  };
}

function problemText(reason: 'setext' | 'too-deep' | 'title-markup', title: string): Localized {
  switch (reason) {
    case 'setext':
      return { zh: `标题“${title}”是下划线式（setext）标题，无法改变级别：请改为 # 标题后再迁移`, en: `The heading “${title}” is a setext (underlined) heading whose level cannot change: make it an ATX (#) heading and migrate again` };
    case 'too-deep':
      return { zh: `标题“${title}”迁移后超过 6 级，已放在第 6 级：请调整层级`, en: `The heading “${title}” would sit deeper than level 6 and was put at level 6: restructure it` };
    default:
      return { zh: `标题“${title}”含有格式标记，未改名：请按 2022 版标题手动改名`, en: `The heading “${title}” has inline markup and was not renamed: rename it to its 2022 title by hand` };
  }
}

function manualFor(m: Member, model: DocModel): ManualItem[] {
  const out: ManualItem[] = [];
  const kind17 = m.kind17;
  if (kind17) {
    // Which 2017 sections the file has (by heading title, wherever it now sits).
    const keys = new Map<string, number>();
    for (const h of model.headings) if (!keys.has(h.key)) keys.set(h.key, h.line);
    const seen = new Set<string>();
    for (const r of kind17.requirements) {
      const msg = MANUAL_BY_REQUIREMENT[r.id === 'D1.2' || r.id === 'D1.3' ? 'D1.1' : r.id === 'T2' ? 'T1' : r.id];
      if (!msg || seen.has(msg.zh)) continue;
      const line = [r.title.zh, r.title.en, ...r.synonyms].map((x) => keys.get(normalize(x))).find((l) => l !== undefined);
      if (line === undefined && !r.wholeDocument) continue;
      seen.add(msg.zh);
      out.push({ key: r.id, file: m.path, line, message: msg });
    }
  }
  const fresh = MANUAL_NEW_CONTENT[m.to === 'ots-cybersecurity-report' ? 'cybersecurity-research-report' : m.to];
  if (fresh) out.push({ key: 'new-content', file: m.path, message: fresh });
  return out;
}
