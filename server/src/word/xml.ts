// A small, non-validating XML reader and writer for the parts of a .docx (document.xml,
// numbering.xml, styles.xml, …). Namespace-aware (elements and attributes carry their URI), it
// keeps everything it does not understand so a part can be written back unchanged but for the
// edits made on the tree. It never expands DTD entities (only the five predefined ones and
// character references), so a hostile part cannot blow up.
// Not replaced by @xmldom/xmldom: xmldom is safe on entities but rewrites what it does not model
// (`&quot;` in text, CRLF around the root, `<x></x>` → `<x/>`), so exports would change byte for
// byte. The proof is bench/xmldom-probe.mjs, with its results in bench/NOTES.md.

export interface XAttr {
  name: string;
  value: string;
  ns: string;
  local: string;
}

export interface XElement {
  type: 'el';
  name: string;
  ns: string;
  local: string;
  attrs: XAttr[];
  children: XNode[];
  parent?: XElement;
}

export interface XText {
  type: 'text';
  value: string;
  /** CDATA sections are written back as CDATA. */
  cdata?: boolean;
}

/** Declarations, comments, processing instructions: written back verbatim. */
export interface XRaw {
  type: 'raw';
  value: string;
}

export type XNode = XElement | XText | XRaw;

export interface XDocument {
  prolog: XNode[];
  root?: XElement;
}

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  wStrict: 'http://purl.oclc.org/ooxml/wordprocessingml/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
};

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses XML text. Malformed input yields whatever was read up to the problem. */
export function parseXml(text: string): XDocument {
  const doc: XDocument = { prolog: [] };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: { el: XElement; scope: Map<string, string> }[] = [];
  const rootScope = new Map<string, string>([['xml', XML_NS]]);
  let scope = rootScope;
  const push = (n: XNode) => {
    const top = stack[stack.length - 1];
    if (top) {
      top.el.children.push(n);
      if (n.type === 'el') n.parent = top.el;
    } else if (n.type === 'el') {
      if (!doc.root) doc.root = n;
    } else if (n.type === 'raw') doc.prolog.push(n);
  };
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      if (stack.length) push({ type: 'text', value: decode(text.slice(i)) });
      break;
    }
    if (lt > i && stack.length) push({ type: 'text', value: decode(text.slice(i, lt)) });
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      const stop = end < 0 ? n : end + 3;
      push({ type: 'raw', value: text.slice(lt, stop) });
      i = stop;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      const stop = end < 0 ? n : end;
      push({ type: 'text', value: text.slice(lt + 9, stop), cdata: true });
      i = end < 0 ? n : end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      const stop = end < 0 ? n : end + 2;
      push({ type: 'raw', value: text.slice(lt, stop) });
      i = stop;
    } else if (text.startsWith('<!', lt)) {
      i = declarationEnd(text, lt);
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt);
      const name = text.slice(lt + 2, end < 0 ? n : end).trim();
      // Pop to the matching element (tolerates stray close tags).
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].el.name === name) {
          stack.length = k;
          break;
        }
      }
      scope = stack.length ? stack[stack.length - 1].scope : rootScope;
      i = end < 0 ? n : end + 1;
    } else {
      const j = startTagEnd(text, lt);
      if (j >= n) break;
      let inner = text.slice(lt + 1, j);
      const selfClosing = inner.endsWith('/');
      if (selfClosing) inner = inner.slice(0, -1);
      const m = /^[^\s/>]+/.exec(inner);
      if (!m) {
        i = j + 1;
        continue;
      }
      const { el, scope: elScope } = openElement(inner, m[0], scope);
      push(el);
      if (!selfClosing) {
        stack.push({ el, scope: elScope });
        scope = elScope;
      }
      i = j + 1;
    }
  }
  return doc;
}

/** Just past a declaration at `lt` (DOCTYPE and others, internal subsets included): skipped, never interpreted. */
function declarationEnd(text: string, lt: number): number {
  let depth = 0;
  let j = lt + 2;
  for (; j < text.length; j++) {
    const c = text[j];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) break;
  }
  return j + 1;
}

/** The `>` that ends the start tag at `lt`, outside quoted attribute values (text.length when there is none). */
function startTagEnd(text: string, lt: number): number {
  let j = lt + 1;
  let quote = '';
  for (; j < text.length; j++) {
    const c = text[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  return j;
}

/**
 * The element a start tag opens (`inner`: its text without `<`, `>` and a closing `/`; `name`
 * its leading name), its attributes decoded, and the namespace scope inside it (a new map only
 * when the tag declares namespaces).
 */
function openElement(inner: string, name: string, scope: Map<string, string>): { el: XElement; scope: Map<string, string> } {
  const raw: [string, string][] = [];
  ATTR.lastIndex = name.length;
  let a: RegExpExecArray | null;
  while ((a = ATTR.exec(inner))) raw.push([a[1], decode(a[2] ?? a[3] ?? '')]);
  let elScope = scope;
  for (const [k, v] of raw) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (elScope === scope) elScope = new Map(scope);
      elScope.set(k === 'xmlns' ? '' : k.slice(6), v);
    }
  }
  const [prefix, local] = splitName(name);
  const el: XElement = {
    type: 'el',
    name,
    ns: elScope.get(prefix) ?? '',
    local,
    attrs: raw.map(([k, v]) => {
      const [p, l] = splitName(k);
      return { name: k, value: v, ns: p && p !== 'xmlns' ? (elScope.get(p) ?? '') : '', local: l };
    }),
    children: [],
  };
  return { el, scope: elScope };
}

function splitName(name: string): [string, string] {
  const c = name.indexOf(':');
  return c < 0 ? ['', name] : [name.slice(0, c), name.slice(c + 1)];
}

const escText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

/** Writes a document back (iteratively: deep trees do not exhaust the stack). */
export function serializeXml(doc: XDocument): string {
  const out: string[] = [];
  for (const p of doc.prolog) out.push(p.type === 'raw' ? p.value : '');
  if (!doc.root) return out.join('');
  type Frame = { node: XNode; close?: boolean };
  const stack: Frame[] = [{ node: doc.root }];
  while (stack.length) {
    const f = stack.pop()!;
    const node = f.node;
    if (node.type === 'text') out.push(node.cdata ? `<![CDATA[${node.value.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>` : escText(node.value));
    else if (node.type === 'raw') out.push(node.value);
    else if (f.close) out.push(`</${node.name}>`);
    else {
      const attrs = node.attrs.map((a) => ` ${a.name}="${escAttr(a.value)}"`).join('');
      if (!node.children.length) out.push(`<${node.name}${attrs}/>`);
      else {
        out.push(`<${node.name}${attrs}>`);
        stack.push({ node, close: true });
        for (let k = node.children.length - 1; k >= 0; k--) stack.push({ node: node.children[k] });
      }
    }
  }
  return out.join('');
}

// ---- queries -----------------------------------------------------------------------------------

const W_NS = new Set([NS.w, NS.wStrict]);

/** An element of WordprocessingML (transitional or strict) with this local name. */
export function isW(n: XElement, local: string): boolean;
export function isW(n: XNode | undefined, local: string): n is XElement;
export function isW(n: XNode | undefined, local: string): boolean {
  return !!n && n.type === 'el' && n.local === local && W_NS.has(n.ns);
}

export function is(n: XElement, ns: string, local: string): boolean;
export function is(n: XNode | undefined, ns: string, local: string): n is XElement;
export function is(n: XNode | undefined, ns: string, local: string): boolean {
  return !!n && n.type === 'el' && n.local === local && n.ns === ns;
}

export function elements(el: XElement): XElement[] {
  return el.children.filter((c): c is XElement => c.type === 'el');
}

export function wChild(el: XElement | undefined, local: string): XElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (isW(c, local)) return c;
  return undefined;
}

export function wChildren(el: XElement | undefined, local: string): XElement[] {
  return el ? el.children.filter((c): c is XElement => isW(c, local)) : [];
}

/** Attribute by local name in the given namespace (WordprocessingML by default); unprefixed too. */
export function attr(el: XElement | undefined, local: string, ns?: string): string | undefined {
  if (!el) return undefined;
  for (const a of el.attrs) {
    if (a.local !== local) continue;
    if (ns === undefined ? W_NS.has(a.ns) || a.ns === '' : a.ns === ns) return a.value;
  }
  return undefined;
}

/** `w:val` of a child element. */
export function wVal(el: XElement | undefined, child: string): string | undefined {
  return attr(wChild(el, child), 'val');
}

/** All descendants in document order (iterative pre-order walk). */
export function* walk(root: XElement): Generator<XElement> {
  const stack: XElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    yield el;
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k];
      if (c.type === 'el') stack.push(c);
    }
  }
}

export function hasAncestor(el: XElement, pred: (a: XElement) => boolean): boolean {
  for (let p = el.parent; p; p = p.parent) if (pred(p)) return true;
  return false;
}

/** Inside the mc:Choice of an mc:AlternateContent (its mc:Fallback holds the same content again). */
export const inChoice = (el: XElement) => hasAncestor(el, (a) => is(a, NS.mc, 'Choice'));

/** Text of the w:t (and, when asked, w:delText) descendants, tabs and breaks as spaces. */
export function textOf(el: XElement, opts: { deleted?: boolean; math?: boolean } = {}): string {
  const out: string[] = [];
  for (const d of walk(el)) {
    if (isW(d, 't') || (opts.deleted && isW(d, 'delText')) || (opts.math && is(d, NS.m, 't'))) {
      for (const c of d.children) if (c.type === 'text') out.push(c.value);
    } else if (isW(d, 'tab') || isW(d, 'br')) out.push(' ');
    else if (isW(d, 'p') && out.length && d !== el) out.push('\n');
  }
  return out.join('');
}

/** A new WordprocessingML element using the part's own prefix for the namespace. */
export function makeW(prefixOf: XElement, local: string, attrs: Record<string, string> = {}, children: XNode[] = []): XElement {
  const prefix = prefixOf.name.includes(':') ? prefixOf.name.slice(0, prefixOf.name.indexOf(':') + 1) : '';
  const el: XElement = {
    type: 'el',
    name: prefix + local,
    ns: prefixOf.ns,
    local,
    attrs: Object.entries(attrs).map(([k, v]) =>
      k.startsWith('xml:') ? { name: k, value: v, ns: XML_NS, local: k.slice(4) } : { name: prefix + k, value: v, ns: prefixOf.ns, local: k },
    ),
    children,
  };
  for (const c of children) if (c.type === 'el') c.parent = el;
  return el;
}

export function setAttr(el: XElement, local: string, value: string): void {
  const a = el.attrs.find((x) => x.local === local && (W_NS.has(x.ns) || x.ns === ''));
  if (a) a.value = value;
  else {
    const prefix = el.name.includes(':') ? el.name.slice(0, el.name.indexOf(':') + 1) : '';
    el.attrs.push({ name: prefix + local, value, ns: el.ns, local });
  }
}

export function insertChild(parent: XElement, index: number, child: XElement): void {
  child.parent = parent;
  parent.children.splice(index, 0, child);
}

export function removeChild(parent: XElement, child: XNode): void {
  const i = parent.children.indexOf(child);
  if (i >= 0) parent.children.splice(i, 1);
}
