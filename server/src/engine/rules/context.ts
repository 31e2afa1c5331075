// What the rules see: the files of one dossier with their models and facts, the requirement
// matches per document, and an emitter. Rules read this; they never read text or ask which
// guideline they run.

import type { Code, Finding, FindingData } from '../codes';
import type { Config } from '../config';
import type { Facts } from '../facts/facts';
import type { Validated } from '../facts/schema';
import type { YamlResult } from '../facts/yaml';
import type { IdOccurrence } from '../ids';
import type { DocMatch, HeadingRef } from '../match';
import type { DocModel } from '../model';
import type { ScanResult } from '../scan';
import type { DocumentKind, Localized, Requirement, RuleSet, Severity, SubmissionCase } from '../rulesets/types';
import { normalize, stripNumbering, type LineIndex, type Range } from '../text';

export interface FileState {
  path: string;
  text: string;
  lines: LineIndex;
  scan: ScanResult;
  config: Config;
  tooLarge: boolean;
  size: number;
  /** Has a `document` key, a `document:` line in broken YAML, or matches a dossier glob. */
  isDossier: boolean;
  yaml?: YamlResult;
  ruleset: RuleSet;
  validated?: Validated;
  facts: Facts;
  kind?: DocumentKind;
  model?: DocModel;
  ids: IdOccurrence[];
  /** ids with the traceability table's occurrences turned into references (set by checkIds). */
  resolvedIds?: IdOccurrence[];
  /** Body checks are off (broken YAML, no kind, out of scope, too large). */
  skipBody: boolean;
  outOfScope: boolean;
  findings: Finding[];
  /** Line ranges whose body findings are dropped (a bare 不适用 silences its section). */
  silenced: { from: number; to: number; keep: Finding }[];
}

export interface DocGroup {
  ruleset: RuleSet;
  kind: DocumentKind;
  files: FileState[];
  match: DocMatch;
  facts: Facts;
  submission?: SubmissionCase;
  /** Condition context of this document (facts + dossier tables), for features too. */
  cond?: import('../facts/facts').ConditionContext;
  /** The engine's today (UTC, YYYY-MM-DD): the reference date when the facts give none. */
  today?: string;
}

export interface DossierState {
  yamlPath?: string;
  yamlLines?: LineIndex;
  yamlFindings: Finding[];
  /** dossier.yaml validated per rule set. */
  yamlValidated: Map<string, Validated>;
  files: FileState[];
  groups: DocGroup[];
  /** Checked as a folder: missing-document applies. */
  folder: boolean;
  /** The rule set and facts the submission logic (missing-document, the checklist) reads. */
  dossier?: { ruleset: RuleSet; facts?: Facts };
  /** The engine's today (UTC, YYYY-MM-DD). */
  today?: string;
}

export const L = (zh: string, en: string): Localized => ({ zh, en });

export function finding(code: Code, range: Range, message: Localized, data: FindingData = {}, severity?: Severity): Finding {
  return severity ? { code, range, message, data, severity } : { code, range, message, data };
}

export function headingOf(group: DocGroup, ref: HeadingRef) {
  const file = group.files[ref.file];
  return { file, heading: file.model!.headings[ref.heading] };
}

export function requirementById(kind: DocumentKind, id: string): Requirement | undefined {
  return kind.requirements.find((r) => r.id === id);
}

/**
 * A section named as the dossier has it (issue 18 item 5): the heading text as written when the
 * requirement's heading is present (“1 基本信息”（R1） in either UI language), else the catalogue
 * title in the dossier's language — never a title the file does not contain.
 */
export function sectionLabel(group: DocGroup, r: Requirement): Localized {
  const ref = group.match.found.get(r.id);
  const heading = ref ? group.files[ref.file]?.model?.headings[ref.heading] : undefined;
  const title = heading?.text.trim() || r.title[documentLanguage(group)];
  return { zh: `“${title}”（${r.id}）`, en: `“${title}” (${r.id})` };
}

/** 'en' when most recognised headings use the English titles. */
export function documentLanguage(group: DocGroup): 'zh' | 'en' {
  let en = 0;
  let zh = 0;
  for (const [id, ref] of group.match.found) {
    const r = requirementById(group.kind, id);
    const h = group.files[ref.file]?.model?.headings[ref.heading];
    if (!r || !h) continue;
    if (normalize(stripNumbering(h.text)) === normalize(r.title.en)) en++;
    else zh++;
  }
  return en > zh ? 'en' : 'zh';
}

export function describeFacts(because: { fact?: string; value?: string; table?: string }[]): Localized {
  const parts = because.filter((b) => b.fact || b.table);
  return {
    zh: parts.map((b) => (b.table ? `${b.table} 列出了安全软件` : b.value === 'present' ? `${b.fact}` : `${b.fact}: ${b.value}`)).join('、'),
    en: parts.map((b) => (b.table ? `${b.table} lists security software` : b.value === 'present' ? `${b.fact} is declared` : `${b.fact}: ${b.value}`)).join(', '),
  };
}
