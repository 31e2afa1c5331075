// Package identifiers as SBOMs and vulnerability data write them: the package URL (purl) and the
// CPE name. Pure syntax that imports nothing: the vulnerability readers (vulns/keys.ts, vex.ts),
// which the engine's rules reach, share it with the SBOM reader without reaching the rest of
// sbom/ (which imports the engine: that would be a cycle).

/** `pkg:type/namespace/name@version?qualifiers#subpath` → its parts (undefined when not a purl). */
export function parsePurl(purl: string): { type: string; namespace?: string; name: string; version?: string } | undefined {
  const m = /^pkg:\/*([A-Za-z.+-][A-Za-z0-9.+-]*)\/([^?#]+?)(?:@([^?#@]*))?(?:\?[^#]*)?(?:#.*)?$/.exec(purl.trim());
  if (!m) return undefined;
  const segs = m[2].split('/').filter(Boolean);
  if (!segs.length) return undefined;
  const dec = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const name = dec(segs.pop()!);
  return { type: m[1].toLowerCase(), namespace: segs.length ? segs.map(dec).join('/') : undefined, name, version: m[3] ? dec(m[3]) : undefined };
}

/** Splits a CPE 2.3 formatted string or a CPE 2.2 URI into its attributes (unescaped). */
export function parseCpe(cpe: string): Record<string, string> | undefined {
  const c = cpe.trim();
  const names23 = ['part', 'vendor', 'product', 'version', 'update', 'edition', 'language', 'sw_edition', 'target_sw', 'target_hw', 'other'];
  if (/^cpe:2\.3:/i.test(c)) {
    const fields: string[] = [];
    let cur = '';
    for (let i = 'cpe:2.3:'.length; i < c.length; i++) {
      const ch = c[i];
      if (ch === '\\' && i + 1 < c.length) {
        cur += c[++i];
      } else if (ch === ':') {
        fields.push(cur);
        cur = '';
      } else cur += ch;
    }
    fields.push(cur);
    if (fields.length < 5) return undefined;
    const out: Record<string, string> = {};
    names23.forEach((n, i) => {
      if (fields[i] !== undefined) out[n] = fields[i];
    });
    return out;
  }
  if (/^cpe:\//i.test(c)) {
    const f = c.slice(5).split(':').map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    const out: Record<string, string> = {};
    ['part', 'vendor', 'product', 'version', 'update', 'edition', 'language'].forEach((n, i) => {
      if (f[i] !== undefined) out[n] = f[i];
    });
    // A packed edition: ~edition~sw_edition~target_sw~target_hw~other
    if (out.edition?.startsWith('~')) {
      const [, ed, sw, tsw, thw, other] = out.edition.split('~');
      Object.assign(out, { edition: ed ?? '', sw_edition: sw ?? '', target_sw: tsw ?? '', target_hw: thw ?? '', other: other ?? '' });
    }
    return out;
  }
  return undefined;
}
