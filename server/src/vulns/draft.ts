// Drafting the vulnerability assessment (`cyberdossier vulns`, the editor command "Draft
// vulnerability assessment…"): the dossier's components matched against its configured data →
// the counts by CVSS level, the table of every known vulnerability (CVE, component, version,
// CVSS v3.1 base score and vector, severity, status, justification) and the residual list, as GFM
// in the dossier's language. A status or justification the data does not give (VEX) is a
// placeholder the checker reports until the author writes it.

import { dossierComponents, type Engine, type Locale, type Localized } from '../engine';
import { levelOf, type CvssLevel } from './cvss';
import { matchComponents, type KnownVulnerability } from './match';
import { loadFeed, type FeedFailure, type LoadedFeed } from './store';
import { assesses } from './vex';

export interface DraftRow {
  id: string;
  ids: string[];
  component: string;
  version?: string;
  score?: number;
  cvssVersion?: string;
  vector?: string;
  severity?: CvssLevel;
  status: 'not_affected' | 'fixed' | 'affected' | 'unassessed';
  justification?: string;
  kev: boolean;
  matchedBy: string;
}

export interface DraftResult {
  locale: Locale;
  markdown: string;
  rows: DraftRow[];
  counts: Record<CvssLevel | 'unscored', { known: number; residual: number }>;
  /** The data's date (the oldest of the configured entries' dates). */
  dataDate?: string;
  feeds: { value: string; date?: string; kinds: string[]; cache: string }[];
  components: { count: number; source: 'sbom' | 'ots-table' | 'none' };
  /** Configured entries that could not be used (localised, never quoting the file). */
  problems: { value: string; message: Localized }[];
}

const LEVELS: CvssLevel[] = ['critical', 'high', 'medium', 'low'];
const LEVEL_LABEL: Record<CvssLevel, Localized> = {
  critical: { zh: '严重', en: 'Critical' },
  high: { zh: '高危', en: 'High' },
  medium: { zh: '中危', en: 'Medium' },
  low: { zh: '低危', en: 'Low' },
  none: { zh: '无', en: 'None' },
};
const STATUS: Record<DraftRow['status'], Localized> = {
  not_affected: { zh: '不受影响', en: 'Not affected' },
  fixed: { zh: '已修复', en: 'Fixed' },
  affected: { zh: '剩余漏洞', en: 'Residual' },
  unassessed: { zh: '<状态：已修复 / 剩余漏洞 / 不受影响>', en: '{{insert status: fixed / residual / not affected}}' },
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The dossier's language: its configuration, else its headings (any CJK: zh-CN). */
function dossierLocale(engine: Engine, file: string): Locale {
  const s = engine.snapshotOf(file);
  const c = s?.file?.config.locale ?? engine.configFor(file).config.locale;
  if (c) return c;
  const heads = (s?.state.files ?? []).flatMap((f) => f.model?.headings.map((h) => h.text) ?? []).join(' ');
  return /[\u4e00-\u9fff]/.test(heads) || !heads ? 'zh-CN' : 'en';
}

/**
 * Drafts the assessment of the dossier holding `target` (a file or a folder; checked first so its
 * OTS table is known). `locale` overrides the dossier's language.
 */
export function draftAssessment(engine: Engine, target: { file?: string; folder?: string }, locale?: Locale): DraftResult {
  const result = engine.check(target.folder ? { files: [], folders: [target.folder] } : { files: [target.file!], folders: [] });
  const first = result.reports.find((r) => r.isDossierFile)?.path ?? result.reports[0]?.path ?? target.file;
  const state = first ? engine.snapshotOf(first) : undefined;
  const config = state?.file?.config ?? engine.configFor(first ?? target.folder ?? '.').config;
  const loc = locale ?? (first ? dossierLocale(engine, first) : 'zh-CN');
  const scopeFile = state?.state.yamlPath ?? first;
  const feeds: LoadedFeed[] = [];
  const problems: DraftResult['problems'] = [];
  for (const s of config.vulnerabilities) {
    const r = loadFeed(engine.host, { value: s.value }, engine.pathScope(config, scopeFile));
    if (r.ok) feeds.push(r);
    else problems.push({ value: s.value, message: failureText(r) });
  }
  const comps = state && first ? dossierComponents(engine, first) : undefined;
  const found = comps ? matchComponents(comps.list, feeds) : [];
  const rows = found.map(rowOf);
  const counts = Object.fromEntries([...LEVELS, 'none', 'unscored'].map((l) => [l, { known: 0, residual: 0 }])) as DraftResult['counts'];
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.id) || r.status === 'not_affected') continue;
    seen.add(r.id);
    const c = counts[r.severity ?? 'unscored'];
    c.known++;
    if (r.status !== 'fixed') c.residual++;
  }
  const dates = feeds.map((f) => f.date).filter((x): x is string => !!x).sort();
  const dataDate = dates[0]?.slice(0, 10);
  return {
    locale: loc,
    markdown: render(rows, counts, loc, dataDate, feeds),
    rows,
    counts,
    ...(dataDate ? { dataDate } : {}),
    feeds: feeds.map((f) => ({ value: f.value, ...(f.date ? { date: f.date } : {}), kinds: f.kinds, cache: f.cache })),
    components: comps ? { count: comps.list.length, source: comps.source } : { count: 0, source: 'none' },
    problems,
  };
}

function failureText(r: FeedFailure): Localized {
  const where = r.file ? { zh: `（${r.file}）`, en: ` (${r.file})` } : { zh: '', en: '' };
  return { zh: `${r.value}${where.zh}：${r.message.zh}`, en: `${r.value}${where.en}: ${r.message.en}` };
}

function rowOf(kv: KnownVulnerability): DraftRow {
  const v = kv.vex && assesses(kv.vex) ? kv.vex : undefined;
  const c = kv.record.cvss;
  return {
    id: kv.id,
    ids: kv.ids,
    component: kv.component.name,
    ...(kv.component.version ? { version: kv.component.version } : {}),
    ...(c ? { score: c.score, cvssVersion: c.version, vector: c.vector } : {}),
    ...(kv.record.level || c ? { severity: kv.record.level ?? levelOf(c!.score) } : {}),
    status: v && v.status !== 'under_investigation' ? v.status : 'unassessed',
    ...(v?.justification ? { justification: v.justification } : {}),
    kev: !!kv.kev,
    matchedBy: kv.method,
  };
}

function render(rows: DraftRow[], counts: DraftResult['counts'], locale: Locale, dataDate: string | undefined, feeds: LoadedFeed[]): string {
  const zh = locale !== 'en';
  const t = (l: Localized) => (zh ? l.zh : l.en);
  const out: string[] = [];
  const names = feeds.map((f) => f.value).join(zh ? '、' : ', ');
  out.push(
    zh
      ? `漏洞数据：${names || '（未配置）'}${dataDate ? `，截至 ${dataDate}` : ''}；按 CVSS v3.1 基本分数分级（严重 ≥ 9.0，高危 ≥ 7.0，中危 ≥ 4.0，低危 ≥ 0.1）。`
      : `Vulnerability data: ${names || '(none configured)'}${dataDate ? `, as of ${dataDate}` : ''}; levels by CVSS v3.1 base score (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0, low ≥ 0.1).`,
  );
  out.push('');
  out.push(zh ? '| CVSS 漏洞等级 | 已知漏洞数 | 已知剩余漏洞数 |' : '| CVSS severity | Known vulnerabilities | Residual vulnerabilities |');
  out.push('| --- | --- | --- |');
  let known = 0;
  let residual = 0;
  for (const l of LEVELS) {
    out.push(`| ${t(LEVEL_LABEL[l])} | ${counts[l].known} | ${counts[l].residual} |`);
    known += counts[l].known;
    residual += counts[l].residual;
  }
  out.push(`| ${zh ? '合计' : 'Total'} | ${known} | ${residual} |`);
  if (counts.unscored.known + counts.none.known) {
    out.push('');
    out.push(zh ? `另有 ${counts.unscored.known + counts.none.known} 个漏洞没有 CVSS v3 分数，未计入上表：<请评定其等级>` : `${counts.unscored.known + counts.none.known} more have no CVSS v3 score and are not counted above: {{insert their level}}`);
  }
  out.push('');
  out.push(zh ? '| CVE | 组件 | 版本 | CVSS v3.1 基本分数 | CVSS v3.1 向量 | 严重程度 | 状态 | 理由 |' : '| CVE | Component | Version | CVSS v3.1 base score | CVSS v3.1 vector | Severity | Status | Justification |');
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
  if (!rows.length) out.push(zh ? '| 无 | — | — | — | — | — | — | 漏洞数据中没有所列组件的已知漏洞 |' : '| None | — | — | — | — | — | — | The data holds no known vulnerability of the listed components |');
  for (const r of rows) {
    const id = r.ids.length > 1 ? `${r.id}（${r.ids.filter((x) => x !== r.id).join(', ')}）`.replace('（', zh ? '（' : ' (').replace('）', zh ? '）' : ')') : r.id;
    const score = r.score !== undefined ? `${r.score}${r.cvssVersion && r.cvssVersion !== '3.1' ? ` (v${r.cvssVersion})` : ''}` : '—';
    const sev = r.severity ? t(LEVEL_LABEL[r.severity]) : '—';
    const status = t(STATUS[r.status]) + (r.kev ? (zh ? '（KEV 已知被利用）' : ' (KEV: known exploited)') : '');
    const why = r.justification ? r.justification : r.status === 'fixed' ? (zh ? '<修复方式：升级版本或补丁>' : '{{insert how: upgrade or patch}}') : zh ? '<理由>' : '{{insert justification}}';
    out.push(`| ${cell(id)} | ${cell(r.component)} | ${cell(r.version ?? '')} | ${score} | ${cell(r.vector ?? '—')} | ${sev} | ${cell(status)} | ${cell(why)} |`);
  }
  const res = rows.filter((r) => r.status === 'affected' || r.status === 'unassessed');
  if (res.length) {
    out.push('');
    out.push(zh ? '| 漏洞编号 | 漏洞内容 | 对产品的影响 | 综合剩余风险 | 是否可接受 |' : '| Vulnerability | Description | Impact on the device | Residual risk | Acceptable |');
    out.push('| --- | --- | --- | --- | --- |');
    const seenRes = new Set<string>();
    for (const r of res) {
      if (seenRes.has(r.id)) continue;
      seenRes.add(r.id);
      out.push(zh ? `| ${r.id} | ${cell(`${r.component} ${r.version ?? ''}`.trim())} 的已知漏洞 | <对产品的影响> | <综合剩余风险> | <是/否> |` : `| ${r.id} | known vulnerability of ${cell(`${r.component} ${r.version ?? ''}`.trim())} | {{insert impact}} | {{insert residual risk}} | {{insert yes/no}} |`);
    }
  }
  return out.join('\n') + '\n';
}
