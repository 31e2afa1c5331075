// Text helpers of the section checks that read a section's text rather than its tables (the
// check kinds themselves are in checks/, one file per kind): the words that name an enum's values
// and which values a text names, a line read past its unchecked boxes, word mentions (Latin
// words whole), and whether a section holds a diagram.

import { schemaAt } from '../facts/schema';
import type { JsonSchema } from '../rulesets/types';
import type { DocGroup } from './context';
import { sectionBlocks, sectionLines, sectionText, type Section } from './section';

/** The words that name each value of an enum: its id, its zh label and its aliases. */
export function valueLabels(schema: JsonSchema | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!schema?.enum) return out;
  for (const v of schema.enum) out.set(String(v), [String(v), String(v).replace(/-/g, ' ')]);
  for (const [v, zh] of Object.entries(schema['x-enum-labels-zh'] ?? {})) out.get(v)?.push(zh);
  for (const [alias, v] of Object.entries(schema['x-aliases'] ?? {})) out.get(String(v))?.push(alias);
  return out;
}

export function enumSchema(group: DocGroup, fact: string): JsonSchema | undefined {
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
export function readableLine(line: string): string {
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
export function diagramLinesOf(sec: Section): string[] {
  return sectionLines(sec).filter((l) => /!\[[^\]]*\]\(|<img\b/iu.test(l) || /^\s*(?:```|~~~)\s*(?:mermaid|plantuml|puml|dot|graphviz)\b/iu.test(l));
}
