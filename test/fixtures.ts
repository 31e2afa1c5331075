// Fixture surgery for the catalogue tests: find a requirement's section in a realistic fixture
// by its heading, then remove, move, empty or answer it. Works on text, like an author would.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Requirement } from '../server/src/engine/rulesets/types';

export function fixture(name: string): string {
  return fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

export interface Section {
  line: number; // 0-based heading line
  end: number; // exclusive
  depth: number;
  title: string;
  numbering: string;
}

const NUM = /^((?:\d+(?:\.\d+)*)|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)\s*/;

export function headings(text: string): Section[] {
  const lines = text.split('\n');
  const out: Section[] = [];
  let inFm = lines[0] === '---';
  let fence = false;
  lines.forEach((l, i) => {
    if (inFm) {
      if (i > 0 && l === '---') inFm = false;
      return;
    }
    if (/^```/.test(l)) fence = !fence;
    if (fence) return;
    const m = /^(#{1,6})\s+(.*)$/.exec(l);
    if (!m) return;
    const n = NUM.exec(m[2]);
    out.push({ line: i, end: lines.length, depth: m[1].length, numbering: n ? n[0] : '', title: n ? m[2].slice(n[0].length) : m[2] });
  });
  for (let i = 0; i < out.length; i++) {
    const next = out.slice(i + 1).find((h) => h.depth <= out[i].depth);
    out[i].end = next ? next.line : lines.length;
  }
  return out;
}

export function sectionOf(text: string, r: Requirement): Section {
  const s = headings(text).find((h) => h.title === r.title.zh);
  if (!s) throw new Error(`fixture has no heading for ${r.id} ${r.title.zh}`);
  return s;
}

export function bodyStartLine(text: string): number {
  const lines = text.split('\n');
  if (lines[0] !== '---') return 0;
  return lines.indexOf('---', 1) + 1;
}

export function removeLines(text: string, from: number, to: number): string {
  const lines = text.split('\n');
  lines.splice(from, to - from);
  return lines.join('\n');
}

export function replaceLines(text: string, from: number, to: number, replacement: string[]): string {
  const lines = text.split('\n');
  lines.splice(from, to - from, ...replacement);
  return lines.join('\n');
}

/** Moves a section (with its subtree) to the end of the file, under an appendix heading. */
export function moveToAppendix(text: string, s: Section): { text: string; newLine: number } {
  const lines = text.split('\n');
  const block = lines.splice(s.line, s.end - s.line);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  lines.push('', '## 附录 Z 其他材料', '', '以下内容供参考。', '');
  const newLine = lines.length;
  lines.push(...block);
  return { text: lines.join('\n'), newLine };
}

export function setHeadingTitle(text: string, s: Section, title: string, numbering = s.numbering): string {
  return replaceLines(text, s.line, s.line + 1, [`${'#'.repeat(s.depth)} ${numbering}${title}`]);
}
