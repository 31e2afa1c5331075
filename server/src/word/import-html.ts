// The HTML mammoth writes, cleaned up before rehype-remark turns it into Markdown: its footnotes
// and endnotes as GFM footnotes, tables made rectangular (merged cells repeated into every cell
// they cover, nested tables flattened to text), ordered lists starting at Word's numbers, and
// links and breaks Markdown cannot use removed.

import type { Element as HElement, ElementContent, Root as HRoot, RootContent as HRootContent } from 'hast';

// ---- hast helpers ------------------------------------------------------------------------------

type HParent = HRoot | HElement;

/** A phantom brand: a failed tag test must not narrow the node to "not an element". */
type Tagged = HElement & { readonly __tagged: true };

function isEl(n: unknown, ...tags: string[]): n is Tagged {
  return !!n && (n as HElement).type === 'element' && (!tags.length || tags.includes((n as HElement).tagName));
}

/** Every element with its parent, in document order (iterative). */
function elementsOf(root: HParent): { el: HElement; parent: HParent }[] {
  const out: { el: HElement; parent: HParent }[] = [];
  const stack: { node: HParent; i: number }[] = [{ node: root, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.node.children.length) {
      stack.pop();
      continue;
    }
    const c = top.node.children[top.i++];
    if (c.type === 'element') {
      out.push({ el: c, parent: top.node });
      stack.push({ node: c, i: 0 });
    }
  }
  return out;
}

function hText(n: HRootContent | ElementContent | HRoot): string {
  if (n.type === 'text') return n.value;
  if (n.type === 'element' && n.tagName === 'br') return ' ';
  if (n.type === 'element' || n.type === 'root') return n.children.map((c) => hText(c as ElementContent)).join(isEl(n, 'td', 'th', 'tr') ? ' ' : '');
  return '';
}

function replaceWith(parent: HParent, el: HElement, nodes: ElementContent[]): void {
  const i = parent.children.indexOf(el);
  if (i >= 0) (parent.children as ElementContent[]).splice(i, 1, ...nodes);
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

// ---- footnotes ---------------------------------------------------------------------------------

/** mammoth's note references and the note list at the end → markers rehype-remark turns into GFM. */
export function convertNotes(root: HRoot): { footnotes: number; endnotes: number } {
  const labels = new Map<string, string>();
  const counts = { footnotes: 0, endnotes: 0 };
  for (const { el, parent } of elementsOf(root)) {
    if (!isEl(el, 'a')) continue;
    const href = String(el.properties?.href ?? '');
    const m = /^#((?:footnote|endnote)-\d+)$/.exec(href);
    if (!m || !String(el.properties?.id ?? '').includes('-ref-')) continue;
    if (!labels.has(m[1])) labels.set(m[1], String(labels.size + 1));
    const marker: HElement = { type: 'element', tagName: 'sup', properties: { dataCdFootnote: labels.get(m[1])! }, children: [] };
    // Replace the enclosing <sup> when the link is all it holds.
    if (isEl(parent, 'sup') && parent.children.length === 1) {
      Object.assign(parent, marker);
    } else replaceWith(parent, el, [marker]);
  }
  const defs: HElement[] = [];
  for (const { el, parent } of elementsOf(root)) {
    if (!isEl(el, 'li')) continue;
    const id = String(el.properties?.id ?? '');
    if (!/^(footnote|endnote)-\d+$/.test(id)) continue;
    if (id.startsWith('footnote')) counts.footnotes++;
    else counts.endnotes++;
    // Drop the "↑" back link.
    for (const x of elementsOf(el)) {
      if (isEl(x.el, 'a') && /^#(footnote|endnote)-ref-\d+$/.test(String(x.el.properties?.href ?? ''))) replaceWith(x.parent, x.el, []);
    }
    if (!labels.has(id)) labels.set(id, String(labels.size + 1));
    defs.push({ type: 'element', tagName: 'cd-footnote', properties: { dataLabel: labels.get(id)! }, children: el.children });
    replaceWith(parent, el, []);
  }
  // Note lists left empty go; the definitions follow the body in label order.
  root.children = root.children.filter((c) => !(isEl(c, 'ol') && !c.children.some((x) => x.type === 'element')));
  defs.sort((a, b) => Number(a.properties.dataLabel) - Number(b.properties.dataLabel));
  root.children.push(...defs);
  return counts;
}

// ---- tables ------------------------------------------------------------------------------------

export interface MergeNote {
  table: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
  text: string;
}

function rowsOf(table: HElement): HElement[] {
  const rows: HElement[] = [];
  for (const c of table.children) {
    if (isEl(c, 'tr')) rows.push(c);
    else if (isEl(c, 'thead', 'tbody', 'tfoot')) for (const r of c.children) if (isEl(r, 'tr')) rows.push(r);
  }
  return rows;
}

function span(el: HElement, name: 'rowSpan' | 'colSpan'): number {
  const v = Number(el.properties?.[name] ?? 1);
  return Number.isInteger(v) && v > 1 ? Math.min(v, 1000) : 1;
}

/** Inline content of a cell: paragraphs and list items separated by line breaks (→ spaces in GFM). */
function flattenCell(cell: HElement, notes: { nested: number }): ElementContent[] {
  const out: ElementContent[] = [];
  const push = (nodes: ElementContent[]) => {
    if (!nodes.length) return;
    if (out.length) out.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
    out.push(...nodes);
  };
  const visit = (nodes: ElementContent[]) => {
    let inline: ElementContent[] = [];
    const flush = () => {
      push(inline);
      inline = [];
    };
    for (const n of nodes) {
      if (isEl(n, 'table')) {
        flush();
        notes.nested++;
        push([{ type: 'text', value: rowsOf(n).map((r) => r.children.filter((c) => isEl(c, 'td', 'th')).map((c) => hText(c).trim()).join(' ')).join('；') }]);
      } else if (isEl(n, 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'blockquote', 'pre')) {
        flush();
        visit(n.children);
      } else if (isEl(n, 'ul', 'ol')) {
        flush();
        visit(n.children);
      } else inline.push(n);
    }
    flush();
  };
  visit(cell.children);
  return out;
}

/** Spans expanded (the merged value repeated into each covered cell), one header row, no nesting. */
export function normalizeTables(root: HRoot, merges: MergeNote[], notes: { nested: number }): number {
  let index = 0;
  for (const { el } of elementsOf(root)) {
    if (!isEl(el, 'table')) continue;
    index++;
    const rows = rowsOf(el);
    const grid: (HElement | undefined)[][] = rows.map(() => []);
    rows.forEach((row, r) => {
      let c = 0;
      for (const cell of row.children) {
        if (!isEl(cell, 'td', 'th')) continue;
        while (grid[r][c]) c++;
        const rs = Math.min(span(cell, 'rowSpan'), rows.length - r);
        const cs = span(cell, 'colSpan');
        const content = flattenCell(cell, notes);
        const fresh = (): HElement => ({ type: 'element', tagName: r === 0 ? 'th' : 'td', properties: {}, children: clone(content) });
        for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) grid[r + dr][c + dc] = fresh();
        if (rs > 1 || cs > 1) merges.push({ table: index, row: r + 1, col: c + 1, rows: rs, cols: cs, text: hText(cell).trim() });
        c += cs;
      }
    });
    const width = Math.max(1, ...grid.map((g) => g.length));
    const header = grid[0] ?? [];
    // A bold header row is presentation: plain text in Markdown.
    for (const cell of header) {
      if (!cell) continue;
      const meaningful = cell.children.filter((n) => !(n.type === 'text' && !n.value.trim()));
      if (meaningful.length && meaningful.every((n) => isEl(n, 'strong', 'b'))) cell.children = meaningful.flatMap((n) => (n as HElement).children);
    }
    el.children = grid.map((g, r) => ({
      type: 'element',
      tagName: 'tr',
      properties: {},
      children: Array.from({ length: width }, (_, c) => g[c] ?? { type: 'element', tagName: r === 0 ? 'th' : 'td', properties: {}, children: [] }),
    }));
  }
  return index;
}

/**
 * Markdown numbers a list from its first item: give each <ol> the number Word shows for its
 * first item (a list continued after a paragraph goes on at 3, not 1). Items pair up with
 * Word's list paragraphs in document order; when the counts differ nothing is changed.
 */
export function listStarts(root: HRoot, numbers: number[]): void {
  const items = elementsOf(root).filter(({ el, parent }) => isEl(el, 'li') && isEl(parent, 'ol'));
  if (items.length !== numbers.length) return;
  const seen = new Set<HElement>();
  items.forEach(({ parent }, i) => {
    const ol = parent as HElement;
    if (seen.has(ol)) return;
    seen.add(ol);
    if (numbers[i] !== 1) ol.properties = { ...ol.properties, start: numbers[i] };
  });
}

// ---- the rest of the HTML clean-up -------------------------------------------------------------

export function cleanHtml(root: HRoot): void {
  for (const { el, parent } of elementsOf(root).reverse()) {
    if (isEl(el, 'a')) {
      const href = String(el.properties?.href ?? '');
      // Bookmarks and internal links (TOC anchors) carry nothing Markdown can use.
      if (!href || href.startsWith('#')) replaceWith(parent, el, el.children);
    } else if (isEl(el, 'br') && isEl(parent, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6')) {
      replaceWith(parent, el, [{ type: 'text', value: ' ' }]);
    }
  }
}
