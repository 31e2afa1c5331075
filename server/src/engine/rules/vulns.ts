// The dossier's vulnerability assessment against the vulnerability data its `.cyberdossierrc.yaml`
// names (`vulnerabilities:`) — issue 17. The components come from the configured SBOM, else from
// the dossier's OTS table (no purl, no CPE: matched by name). For each assessment of the rule
// set's `vulnerabilityData`:
//   - known-vulnerability-unaddressed: a known vulnerability of a listed component that neither
//     the assessment (its ID anywhere in the section) nor a VEX statement addresses;
//   - known-exploited-vulnerability: a KEV-listed one that is not fixed (VEX fixed / not
//     affected with a justification, or a row that says so);
//   - vulnerability-count-mismatch: a CVSS level whose known count is below what the data shows;
//   - residual-vulnerability-without-plan: residual vulnerabilities, and the maintenance plan the
//     rule set asks for at this level is not written;
// and on the rc entry: vulnerability-data-outdated (older than maxAge), config-invalid (unusable).
// Every finding names the data's date. Rules never ask which guideline they run.

import * as path from 'node:path';
import type { Finding } from '../codes';
import type { Config, VulnerabilitySetting } from '../config';
import { evaluate } from '../facts/facts';
import type { Localized, Requirement, VulnerabilityCheck, VulnerabilityData } from '../rulesets/types';
import { cellText, hasRoles } from '../tables';
import { normalize } from '../text';
import { rowsFromTable } from '../ots-rows';
import type { SbomLoadResult } from '../sbom-reader';
import type { FeedResult, LoadedFeed } from '../../vulns/store';
import { matchComponents, type Component, type KnownVulnerability } from '../../vulns/match';
import { levelOf, type CvssLevel } from '../../vulns/cvss';
import { VULN_ID } from '../../vulns/types';
import { assesses } from '../../vulns/vex';
import { L, finding, requirementById, sectionLabel, type DocGroup, type DossierState } from './context';
import { sectionHasBody, sectionOf, sectionTables, sectionText, type Section } from './section';
import { answerState } from './structure';

export type FeedLoader = (s: VulnerabilitySetting, config: Config) => FeedResult;
export type ComponentSbomLoader = (config: Config) => SbomLoadResult[];

/** How many findings of one kind per assessment before the rest are summed up in one. */
const MAX_PER_KIND = 50;
const DAY = 86_400_000;

export interface VulnCheckOptions {
  now?: number;
}

/** Runs the checks; returns the findings per rc file (config-invalid, vulnerability-data-outdated). */
export function checkKnownVulnerabilities(d: DossierState, loadFeed: FeedLoader, loadSboms: ComponentSbomLoader, opts: VulnCheckOptions = {}): Map<string, Finding[]> {
  const now = opts.now ?? Date.now();
  const rcFindings = new Map<string, Finding[]>();
  const results = new Map<string, FeedResult>();
  const reported = new Set<string>();
  const push = (rc: string, f: Finding) => rcFindings.set(rc, [...(rcFindings.get(rc) ?? []), f]);

  const feedsOf = (config: Config): LoadedFeed[] => {
    const out: LoadedFeed[] = [];
    for (const s of config.vulnerabilities) {
      let r = results.get(s.path);
      if (!r) results.set(s.path, (r = loadFeed(s, config)));
      const key = `${config.file}\u0000${s.path}`;
      const first = !reported.has(key);
      reported.add(key);
      if (r.ok) {
        out.push(r);
        if (first && config.file && s.at && s.maxAge !== undefined && r.date) {
          const age = now - Date.parse(r.date);
          if (Number.isFinite(age) && age > s.maxAge) {
            const days = Math.floor(age / DAY);
            push(
              config.file,
              finding(
                'vulnerability-data-outdated',
                s.at,
                L(
                  `vulnerabilities 指定的 ${s.value} 截至 ${dateText(r.date)}，已有 ${days} 天，超过 maxAge（${s.maxAgeText}）：请更新本地漏洞数据后再评估（检查器从不联网下载）`,
                  `The vulnerability data ${s.value} is as of ${dateText(r.date)}, ${days} days ago, older than its maxAge (${s.maxAgeText}): update the local data before the assessment (the checker never downloads it)`,
                ),
                { key: 'vulnerabilities', path: s.value, dataDate: r.date, dateSource: r.dateSource, ageDays: days, maxAge: s.maxAgeText },
              ),
            );
          }
        }
      } else if (first && config.file && s.at) {
        const where = r.file ? { zh: `（${r.file}）`, en: ` (${r.file})` } : { zh: '', en: '' };
        push(
          config.file,
          finding(
            'config-invalid',
            s.at,
            L(`vulnerabilities 指定的 ${s.value}${where.zh}无法使用：${r.message.zh}。未据此评估已知漏洞`, `The vulnerability data ${s.value}${where.en} named by vulnerabilities cannot be used: ${r.message.en}. Known vulnerabilities were not assessed against it`),
            { key: 'vulnerabilities', path: s.value, problem: r.problem, ...(r.file ? { file: r.file } : {}), ...(r.line ? { line: r.line, column: r.column } : {}) },
          ),
        );
      }
    }
    return out;
  };

  // Every configured entry is read, assessment or not: a wrong path shows as soon as it is written.
  for (const f of d.files) if (f.config.vulnerabilities.length) feedsOf(f.config);

  for (const g of d.groups) {
    const data = g.ruleset.vulnerabilityData;
    if (!data) continue;
    for (const a of data.assessments) {
      const sec = sectionOf(g, a.requirement);
      const r = requirementById(g.kind, a.requirement);
      if (!sec || !r) continue;
      const { file } = sec;
      if (file.skipBody || file.outOfScope || !file.model || !file.config.vulnerabilities.length) continue;
      if (answerState(g, a.requirement) !== 'present') continue;
      const feeds = feedsOf(file.config);
      if (!feeds.length) continue;
      const comps = componentsOf(d, file.config, loadSboms);
      if (!comps) continue;
      assess(g, r, sec, a.plan, data, feeds, comps, file.findings);
    }
  }
  return rcFindings;
}

function dateText(iso: string): string {
  return iso.slice(0, 10);
}

/** The components: the configured SBOM(s), else the dossier's OTS table rows (name + version). */
export function componentsOf(d: DossierState, config: Config, loadSboms: ComponentSbomLoader): { list: Component[]; source: 'sbom' | 'ots-table' } | undefined {
  if (config.sbom.length) {
    const loaded = loadSboms(config);
    if (!loaded.length || loaded.some((l) => !l.ok)) return undefined; // the sbom rule reports it
    const list: Component[] = [];
    for (const l of loaded) if (l.ok) for (const c of l.sbom.components) list.push({ name: c.name, ...(c.version ? { version: c.version } : {}), ...(c.purl ? { purl: c.purl } : {}), ...(c.cpe ? { cpe: c.cpe } : {}), ...(c.vendor ? { vendor: c.vendor } : {}) });
    return { list, source: 'sbom' };
  }
  const list: Component[] = [];
  for (const g of d.groups) {
    for (const id of g.ruleset.otsTable?.requirements ?? []) {
      const sec = sectionOf(g, id);
      const r = requirementById(g.kind, id);
      if (!sec || !r) continue;
      const listing = r.checks?.find((c) => c.kind === 'listing-table');
      const select = listing && listing.kind === 'listing-table' ? listing.select : ['name'];
      for (const t of sectionTables(sec)) {
        if (!hasRoles(t.fact, [...new Set([...select, 'name'])], g.ruleset.columns)) continue;
        for (const row of rowsFromTable(t.fact, g.ruleset.columns)) if (row.version) list.push({ name: row.name, version: row.version, ...(row.vendor ? { vendor: row.vendor } : {}) });
      }
    }
  }
  return list.length ? { list, source: 'ots-table' } : undefined;
}

type Listed = { status?: 'fixed' | 'not_affected' };

/** The vulnerability IDs the assessment names (text and tables of the section), with a row's status words. */
function listedIds(sec: Section, data: VulnerabilityData): Map<string, Listed> {
  const out = new Map<string, Listed>();
  const n = (s: string) => normalize(s);
  const words = [...data.status.notAffected.map((w) => ({ w: n(w), s: 'not_affected' as const })), ...data.status.fixed.map((w) => ({ w: n(w), s: 'fixed' as const }))].sort((a, b) => b.w.length - a.w.length);
  const statusOf = (text: string) => {
    const t = n(text);
    return words.find((x) => t.includes(x.w))?.s;
  };
  for (const t of sectionTables(sec)) {
    for (const row of t.fact.rows) {
      // Placeholders (<状态：已修复 / …>, {{insert status…}}) say nothing about the status.
      const text = row.cells.map((_, i) => cellText(row, i)).join(' | ').replace(/<[^<>]*>|\{\{[^{}]*\}\}/g, ' ');
      const ids = text.match(VULN_ID);
      if (!ids) continue;
      const status = statusOf(text);
      for (const id of ids) out.set(id.toUpperCase(), status ? { status } : {});
    }
  }
  for (const id of sectionText(sec).match(VULN_ID) ?? []) if (!out.has(id.toUpperCase())) out.set(id.toUpperCase(), {});
  return out;
}

/** The known counts per CVSS level of the section's count table (levels down or across), when there is one. */
function countsByLevel(g: DocGroup, sec: Section, c: VulnerabilityCheck): Map<string, number> | undefined {
  const n = (s: string) => normalize(s);
  const levelWords = c.levels.flatMap((l) => l.words.map((w) => ({ id: l.id, w: n(w) }))).sort((a, b) => b.w.length - a.w.length);
  const levelOfText = (text: string) => {
    const t = n(text);
    return t ? levelWords.find((x) => t.startsWith(x.w))?.id : undefined;
  };
  const has = (text: string, words: string[]) => words.some((w) => n(text).includes(n(w)));
  const isResidual = (text: string) => has(text, c.residual) && !has(text, c.residualNot);
  const isKnown = (text: string) => !isResidual(text) && has(text, c.known);
  const int = (v: string | undefined) => (v !== undefined && /^\s*[0-9０-９]+\s*$/.test(v) ? Number(v.normalize('NFKC').trim()) : undefined);
  for (const t of sectionTables(sec)) {
    const header = t.fact.header.map((h) => h.run.text);
    const out = new Map<string, number>();
    const k = header.findIndex(isKnown);
    if (k >= 0) {
      for (const row of t.fact.rows) {
        const id = levelOfText(cellText(row, 0));
        const v = int(cellText(row, k));
        if (id && v !== undefined && !out.has(id)) out.set(id, v);
      }
    } else {
      const knownRow = t.fact.rows.find((row) => isKnown(cellText(row, 0)));
      if (knownRow)
        header.forEach((h, i) => {
          const id = levelOfText(h);
          const v = int(cellText(knownRow, i));
          if (id && v !== undefined && !out.has(id)) out.set(id, v);
        });
    }
    if (out.size >= 2) return out;
  }

  return undefined;
}

function assess(g: DocGroup, r: Requirement, sec: Section, planId: string | undefined, data: VulnerabilityData, feeds: LoadedFeed[], comps: { list: Component[]; source: 'sbom' | 'ots-table' }, out: Finding[]): void {
  const found = matchComponents(comps.list, feeds);
  const listed = listedIds(sec, data);
  const dates = feeds.map((f) => f.date).filter((x): x is string => !!x).sort();
  const asOf = dates.length ? dateText(dates[0]) : undefined;
  const names = feeds.map((f) => path.basename(f.value));
  const src: Localized = asOf
    ? { zh: `（漏洞数据：${names.join('、')}，截至 ${asOf}）`, en: ` (vulnerability data: ${names.join(', ')}, as of ${asOf})` }
    : { zh: `（漏洞数据：${names.join('、')}）`, en: ` (vulnerability data: ${names.join(', ')})` };
  const base = { requirement: r.id, clause: r.clause, ...(asOf ? { dataDate: asOf } : {}), feeds: feeds.map((f) => f.value), components: comps.source };
  const rl = sectionLabel(g, r);

  // One finding per vulnerability: the components it affects are listed together.
  const byId = new Map<string, KnownVulnerability[]>();
  for (const kv of found) byId.set(kv.id, [...(byId.get(kv.id) ?? []), kv]);
  const statusOf = (kvs: KnownVulnerability[]) => statusIn(kvs, listed);
  const label = (kvs: KnownVulnerability[]) => kvs.map((kv) => `${kv.component.name} ${kv.component.version ?? ''}`.trim()).join('、');
  const labelEn = (kvs: KnownVulnerability[]) => kvs.map((kv) => `${kv.component.name} ${kv.component.version ?? ''}`.trim()).join(', ');
  const score = (kv: KnownVulnerability) => (kv.record.cvss ? `CVSS ${kv.record.cvss.score}` : kv.record.level ? kv.record.level : undefined);
  const dataOf = (kvs: KnownVulnerability[]) => findingData(kvs, base);

  let unaddressed = 0;
  let exploited = 0;
  const over = { unaddressed: [] as string[], exploited: [] as string[] };
  const residual: string[] = [];
  const counted = new Map<CvssLevel, number>();
  for (const [id, kvs] of byId) {
    const st = statusOf(kvs);
    const kv = kvs[0];
    const lv = kv.record.level ?? (kv.record.cvss ? levelOf(kv.record.cvss.score) : undefined);
    if (st !== 'not_affected' && lv) counted.set(lv, (counted.get(lv) ?? 0) + 1);
    if (st === 'affected' || st === 'unassessed') residual.push(id);
    const sc = score(kv);
    if (st === 'unassessed') {
      if (++unaddressed > MAX_PER_KIND) over.unaddressed.push(id);
      else
        out.push(
          finding(
            'known-vulnerability-unaddressed',
            sec.anchor,
            L(
              `已知漏洞 ${id}${sc ? `（${sc}）` : ''}影响 ${label(kvs)}，但${rl.zh}未列出它，也没有 VEX 声明评估它${src.zh}：请在漏洞评估中列明（已修复、剩余漏洞或不受影响及理由）（${r.clause}）`,
              `The known vulnerability ${id}${sc ? ` (${sc})` : ''} affects ${labelEn(kvs)}, but ${rl.en} does not list it and no VEX statement assesses it${src.en}: list it in the assessment (fixed, residual, or not affected with the reason) (${r.clause})`,
            ),
            dataOf(kvs),
          ),
        );
    }
    if (kv.kev && st !== 'fixed' && st !== 'not_affected') {
      if (++exploited > MAX_PER_KIND) over.exploited.push(id);
      else
        out.push(
          finding(
            'known-exploited-vulnerability',
            sec.anchor,
            L(
              `${id} 已列入 CISA 已知被利用漏洞目录（KEV，${kv.kev.dateAdded ?? '日期不详'} 收录），影响 ${label(kvs)}，且未修复${src.zh}：已被实际利用的漏洞应修复（升级组件或打补丁），或以 VEX 说明产品不受影响及理由（${data.clause ?? r.clause}）`,
              `${id} is in the CISA Known Exploited Vulnerabilities catalog (added ${kv.kev.dateAdded ?? 'on an unknown date'}), affects ${labelEn(kvs)} and is not fixed${src.en}: an exploited vulnerability must be fixed (upgrade or patch the component), or a VEX statement must say why the device is not affected (${data.clause ?? r.clause})`,
            ),
            dataOf(kvs),
          ),
        );
    }
  }
  for (const [code, ids] of [['known-vulnerability-unaddressed', over.unaddressed], ['known-exploited-vulnerability', over.exploited]] as const) {
    if (!ids.length) continue;
    out.push(
      finding(
        code,
        sec.anchor,
        L(`另有 ${ids.length} 个同类漏洞（${ids.slice(0, 10).join('、')}${ids.length > 10 ? '……' : ''}）${src.zh}：请用 cyberdossier vulns 生成完整的漏洞表`, `${ids.length} more such vulnerabilities (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''})${src.en}: draft the full table with cyberdossier vulns`),
        { ...base, more: ids.length, ids },
      ),
    );
  }

  checkCountsAgainstData(g, r, sec, byId, counted, statusOf, src, base, out);
  checkResidualPlan(g, sec, planId, residual, src, base, out);
}

/** A vulnerability's status: the assessment's row first, else VEX covering every affected component, else listed (affected) or not (unassessed). */
function statusIn(kvs: KnownVulnerability[], listed: Map<string, Listed>): 'fixed' | 'not_affected' | 'affected' | 'unassessed' {
  const row = kvs.flatMap((kv) => kv.ids.map((id) => listed.get(id.toUpperCase()))).find((x) => x?.status)?.status;
  if (row) return row;
  const vex = kvs.map((kv) => kv.vex).filter((v) => v && assesses(v));
  // Every affected component must be assessed by VEX for a status to hold for the vulnerability.
  if (vex.length === kvs.length) {
    if (vex.every((v) => v!.status === 'not_affected')) return 'not_affected';
    if (vex.every((v) => v!.status === 'fixed' || v!.status === 'not_affected')) return 'fixed';
    return 'affected';
  }
  return kvs.some((kv) => kv.ids.some((id) => listed.has(id.toUpperCase()))) ? 'affected' : 'unassessed';
}

/** The data of a finding about one vulnerability: its ids, the components it affects and how each was matched, CVSS, KEV. */
function findingData(kvs: KnownVulnerability[], base: Record<string, unknown>): Record<string, unknown> {
  const kv = kvs[0];
  return {
    ...base,
    vulnerability: kv.id,
    ids: kv.ids,
    affects: kvs.map((x) => ({ name: x.component.name, ...(x.component.version ? { version: x.component.version } : {}), ...(x.component.purl ? { purl: x.component.purl } : {}), matchedBy: x.method })),
    ...(kv.record.cvss ? { cvss: kv.record.cvss } : {}),
    ...(kv.record.level ? { severity: kv.record.level } : {}),
    ...(kv.kev ? { kev: kv.kev } : {}),
  };
}

/**
 * vulnerability-count-mismatch: each CVSS level the assessment counts below what the data shows
 * for the listed components (not-affected vulnerabilities are not counted).
 */
function checkCountsAgainstData(g: DocGroup, r: Requirement, sec: Section, byId: Map<string, KnownVulnerability[]>, counted: Map<CvssLevel, number>, statusOf: (kvs: KnownVulnerability[]) => string, src: Localized, base: Record<string, unknown>, out: Finding[]): void {
  const rl = sectionLabel(g, r);
  const check = r.checks?.find((c): c is VulnerabilityCheck => c.kind === 'vulnerability-assessment');
  const counts = check ? countsByLevel(g, sec, check) : undefined;
  if (check && counts) {
    for (const lv of check.levels) {
      const given = counts.get(lv.id);
      const want = counted.get(lv.id as CvssLevel) ?? 0;
      if (given === undefined || given >= want) continue;
      const ids = [...byId.entries()].filter(([, kvs]) => (kvs[0].record.level ?? '') === lv.id && statusOf(kvs) !== 'not_affected').map(([id]) => id);
      out.push(
        finding(
          'vulnerability-count-mismatch',
          sec.anchor,
          L(
            `${rl.zh}中“${lv.label.zh}”等级的已知漏洞数为 ${given}，但漏洞数据显示所列组件至少有 ${want} 个该等级的已知漏洞（${ids.slice(0, 8).join('、')}${ids.length > 8 ? '……' : ''}）${src.zh}：按 CVSS 等级的数量应与列出的漏洞一致（${r.clause}）`,
            `${rl.en} counts ${given} known “${lv.label.en}” vulnerabilities, but the data shows at least ${want} for the listed components (${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''})${src.en}: the counts by CVSS level must agree with the vulnerabilities (${r.clause})`,
          ),
          { ...base, level: lv.id, counted: given, known: want, ids },
        ),
      );
    }
  }
}

/** residual-vulnerability-without-plan: residual vulnerabilities, and the maintenance plan the rule set asks for is not written. */
function checkResidualPlan(g: DocGroup, sec: Section, planId: string | undefined, residual: string[], src: Localized, base: Record<string, unknown>, out: Finding[]): void {
  if (planId && residual.length) {
    const plan = requirementById(g.kind, planId);
    const cond = g.cond ?? { facts: g.facts };
    const required = plan && (!plan.condition || evaluate(plan.condition, cond).value === true);
    const ps = plan ? sectionOf(g, planId) : undefined;
    const written = ps && answerState(g, planId) === 'present' && sectionHasBody(ps);
    if (plan && required && !written) {
      out.push(
        finding(
          'residual-vulnerability-without-plan',
          sec.anchor,
          L(
            `所列组件有 ${residual.length} 个未修复的已知漏洞（${residual.slice(0, 8).join('、')}${residual.length > 8 ? '……' : ''}）${src.zh}，但没有写明${sectionLabel(g, plan).zh}：应明确已知剩余漏洞的维护方案（${plan.clause}）`,
            `The listed components have ${residual.length} known vulnerabilit${residual.length === 1 ? 'y' : 'ies'} not fixed (${residual.slice(0, 8).join(', ')}${residual.length > 8 ? ', …' : ''})${src.en}, but ${sectionLabel(g, plan).en} is not written: state the maintenance plan of the known residual vulnerabilities (${plan.clause})`,
          ),
          { ...base, plan: plan.id, residual: residual.length, ids: residual },
        ),
      );
    }
  }
}


