// Stage 2 of a dossier check: each member file analysed on its own — its configuration and rule
// set, its frontmatter facts merged with dossier.yaml's, the file-level rule families
// (frontmatter, scope, notices, document kind), and its model (full, or the heading outline).

import type { Finding } from '../codes';
import type { Config } from '../config';
import { idsKey } from '../config';
import { mergeFacts } from '../facts/facts';
import { validate } from '../facts/schema';
import type { YamlProblem } from '../facts/yaml';
import { extractIds } from '../ids';
import { buildOutlineModel } from '../model';
import { MAX_NESTING } from '../parse';
import type { DossierState, FileState } from '../rules/context';
import { checkDocumentKind, checkFrontmatter, checkNotices, checkScope, reportBrokenDossierYaml, reportBrokenRc } from '../rules/frontmatter';
import { DEFAULT_RULESET, getRuleSet, kindOf, RULESETS } from '../rulesets';
import type { RuleSet } from '../rulesets/types';
import { range } from '../text';
import type { Containment } from './containment';
import type { DossierYaml } from './dossier-yaml';
import type { Analysis, CheckPass, CheckSeam } from './types';

const RULESET_IDS = RULESETS.map((r) => r.id);

/** What analysing the members of one dossier shares. */
export interface MemberContext {
  seam: CheckSeam;
  d: DossierState;
  yaml: DossierYaml;
  contain: Containment;
  pass: CheckPass;
  /** Findings on rc files, by rc path (filled here with each rc file's own problems). */
  rcFindings: Map<string, Finding[]>;
}

/**
 * Analyses one member into `ctx.d.files`. False when the outline pass cannot answer for this
 * file (the heading scan is not certain), which leaves the whole outline pass without a result.
 */
export function analyseMember(ctx: MemberContext, file: string): boolean {
  const { config, rc, findings: rcF } = ctx.seam.configFor(file);
  if (rc && rcF.length) ctx.rcFindings.set(rc, rcF);
  const a = ctx.seam.analyze(file, config.maxFileSize);
  if (!a) return true;
  const state = memberState(file, a, config, ctx);
  ctx.d.files.push(state);
  if (state.tooLarge) {
    state.findings.push(tooLargeFinding(a.size, config.maxFileSize));
    state.skipBody = true;
    return true;
  }
  if (!state.isDossier) return true;
  const others = RULESETS.filter((o) => o !== state.ruleset).map((o) => ({ id: o.id, schema: o.schema }));
  if (a.yaml?.root && !a.yaml.problems.length) state.validated = validate(a.yaml.root, state.ruleset.schema, { others });
  state.facts = mergeFacts(state.validated, ctx.yaml.validated(state.ruleset));
  const doc = state.facts.values.document;
  state.kind = typeof doc === 'string' ? kindOf(state.ruleset, doc) : undefined;
  runFileFamilies(ctx, state, rc, rcF);
  if (state.skipBody) return true;
  ctx.contain.run('document-kind', file, [state], () => checkDocumentKind(state));
  return attachModel(ctx, state, a, config);
}

/** A member's state before any rule: what it is (dossier file, too large) and which rule set it follows. */
function memberState(file: string, a: Analysis, config: Config, ctx: MemberContext): FileState {
  const tooLarge = a.size > config.maxFileSize;
  const isDossier = tooLarge ? /\.(md|markdown)$/i.test(file) : ctx.seam.isDossierFile(file, a, config);
  return {
    path: file,
    text: a.text,
    lines: a.lines,
    scan: a.scan,
    config,
    tooLarge,
    size: a.size,
    isDossier,
    yaml: a.yaml,
    ruleset: rulesetOf(a, config, ctx.yaml.guideline),
    facts: mergeFacts(undefined, undefined),
    ids: [],
    skipBody: false,
    outOfScope: false,
    findings: [],
    silenced: [],
  };
}

/** The rule set a file follows: its own `guideline`, else dossier.yaml's, else the configuration's, else the default. */
function rulesetOf(a: Analysis | undefined, config: Config, yamlGuideline: string | undefined): RuleSet {
  const raw = a?.yaml?.root?.kind === 'map' ? a.yaml.root.entries.find((e) => e.key === 'guideline') : undefined;
  const rawGuideline = raw?.node.kind === 'scalar' && typeof raw.node.value === 'string' ? raw.node.value : undefined;
  return getRuleSet(rawGuideline ?? yamlGuideline ?? config.guideline) ?? getRuleSet(DEFAULT_RULESET)!;
}

/** Frontmatter, the broken dossier.yaml or rc file, scope and notices; no kind means no body checks. */
function runFileFamilies(ctx: MemberContext, state: FileState, rc: string | undefined, rcF: Finding[]): void {
  const { contain, d, yaml } = ctx;
  const file = state.path;
  contain.run('frontmatter', file, [state], () => checkFrontmatter(state, d, RULESET_IDS));
  if (yaml.broken && d.yamlPath) reportBrokenDossierYaml(state, d.yamlPath, yaml.broken);
  const rcBroken = brokenRc(rcF);
  if (rc && rcBroken) reportBrokenRc(state, rc, rcBroken);
  if (!state.skipBody) contain.run('scope', file, [state], () => checkScope(state));
  contain.run('notices', file, [state], () => checkNotices(state));
  if (!state.kind) state.skipBody = true;
}

/** The model the body rules read: the outline (false when unsafe), or the full model with its skipped sections and IDs. */
function attachModel(ctx: MemberContext, state: FileState, a: Analysis, config: Config): boolean {
  if (ctx.pass === 'outline') {
    state.model = buildOutlineModel(a.text, a.scan);
    return state.model !== undefined;
  }
  state.model = ctx.seam.modelOf(a);
  for (const sk of state.model.skipped) state.findings.push(sectionSkippedFinding(state, sk));
  const key = idsKey(config);
  if (a.ids?.key !== key) a.ids = { key, ids: extractIds(state.model, config) };
  state.ids = a.ids.ids;
  return true;
}

function sectionSkippedFinding(state: FileState, sk: NonNullable<FileState['model']>['skipped'][number]): Finding {
  return {
    code: 'section-skipped',
    range: state.model!.lines.lineRange(sk.line),
    message:
      sk.skipped.reason === 'nesting'
        ? {
            zh: `本节的块引用/列表嵌套达 ${sk.skipped.depth} 层（上限 ${MAX_NESTING} 层），未解析也未检查；请减少嵌套层级`,
            en: `This section nests block quotes or lists ${sk.skipped.depth} levels deep (limit ${MAX_NESTING}); it was not parsed or checked — reduce the nesting`,
          }
        : { zh: `本节无法解析（${sk.skipped.message}），未检查`, en: `This section could not be parsed (${sk.skipped.message}); it was not checked` },
    data: { reason: sk.skipped.reason },
  };
}

function tooLargeFinding(size: number, limit: number): Finding {
  return {
    code: 'file-too-large',
    range: range(0, 0, 0, 0),
    message: {
      zh: `文件大小 ${fmtSize(size)} 超过上限 ${fmtSize(limit)}，未检查（可在 .cyberdossierrc.yaml 中设置 maxFileSize）`,
      en: `The file is ${fmtSize(size)}, over the limit of ${fmtSize(limit)}; it was not checked (set maxFileSize in .cyberdossierrc.yaml)`,
    },
    data: { size, limit },
  };
}

export function fmtSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

/** The rc file's YAML error that kept its settings from applying (its first config-invalid of kind yaml, without settings). */
export function brokenRc(findings: Finding[]): YamlProblem | undefined {
  const f = findings.find((x) => x.data.problem === 'yaml' && x.data.unapplied === true);
  return f ? { message: String(f.data.detail ?? ''), code: typeof f.data.yamlCode === 'string' ? f.data.yamlCode : undefined, range: f.range } : undefined;
}
