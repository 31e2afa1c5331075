// frontmatter-missing, frontmatter-invalid, the dossier.yaml's config-invalid, contradictions,
// version-not-full on facts, wrong-document-kind and out-of-scope (frontmatter.md, §1 and §9).

import { evaluate, factPosition, getFact } from '../facts/facts';
import { missingRequired, schemaAt } from '../facts/schema';
import { isFullVersion } from '../tables';
import { yamlProblemText, type YamlProblem } from '../facts/yaml';
import { range, type Range } from '../text';
import type { Code, Finding } from '../codes';
import { L, finding, type DossierState, type FileState } from './context';

function openingFence(f: FileState): Range {
  const r = f.lines.lineRange(0);
  return r.end.character > 0 ? r : range(0, 0, 0, 0);
}

/** Pushes a finding on the file, or on dossier.yaml (once) when the fact came from there. */
function onFactOrigin(f: FileState, d: DossierState, path: string, make: (r: Range, onDossier: boolean) => Finding): void {
  const pos = factPosition(f.facts, path);
  if (pos?.origin === 'dossier') {
    const fd = make(pos.value, true);
    const key = `${fd.code}|${fd.range.start.line}|${fd.range.start.character}|${fd.message.en}`;
    if (!d.yamlFindings.some((x) => `${x.code}|${x.range.start.line}|${x.range.start.character}|${x.message.en}` === key)) d.yamlFindings.push(fd);
  } else f.findings.push(make(pos?.value ?? openingFence(f), false));
}

export function checkFrontmatter(f: FileState, d: DossierState, available: string[]): void {
  const fm = f.scan.frontmatter;
  if (!fm) {
    f.findings.push(
      finding(
        'frontmatter-missing',
        openingFence(f),
        L('该文件属于申报资料（符合 dossierGlobs），但没有 frontmatter：请在文件开头添加 --- 包围的 YAML，至少写明 document 与产品事实', 'This dossier file (it matches dossierGlobs) has no frontmatter: add a YAML block between --- lines at the top with at least `document` and the product facts'),
      ),
    );
    f.skipBody = true;
    return;
  }
  if (fm.closeLine === undefined) {
    f.findings.push(
      finding('frontmatter-invalid', openingFence(f), L('frontmatter 未闭合：缺少结束的 --- 行；正文未检查', 'The frontmatter is never closed: the closing --- line is missing; the body was not checked')),
    );
    f.skipBody = true;
    return;
  }
  for (const p of f.yaml?.problems ?? []) {
    const t = yamlProblemText(p);
    f.findings.push(finding('frontmatter-invalid', p.range, L(`frontmatter 的 YAML 无效（${t.zh}）；正文未检查`, `The frontmatter is not valid YAML (${t.en}); the body was not checked`), { detail: p.message, line: t.line, column: t.column }));
  }
  if (f.yaml?.problems.length) {
    f.skipBody = true;
    return;
  }
  reportSchemaIssues(f);
  reportUnavailableGuideline(f, d, available);
  reportMissingKeys(f);
  reportContradictions(f, d);
  reportVersionFacts(f, d);
}

/** The schema validator's findings (wrong types, unknown enum values with their suggestion). */
function reportSchemaIssues(f: FileState): void {
  for (const issue of f.validated?.issues ?? []) {
    f.findings.push(
      finding('frontmatter-invalid', issue.range, issue.message, {
        path: issue.path,
        ...(issue.suggestion !== undefined ? { suggestion: issue.suggestion } : {}),
        target: issue.target,
      }),
    );
  }
}

/** A guideline the schema knows but this build has no rule set for. */
function reportUnavailableGuideline(f: FileState, d: DossierState, available: string[]): void {
  const g = getFact(f.facts, 'guideline');
  if (g.status === 'valid' && typeof g.value === 'string' && !available.includes(g.value)) {
    onFactOrigin(f, d, 'guideline', (r, onDossier) =>
      finding(
        onDossier ? 'config-invalid' : 'frontmatter-invalid',
        r,
        L(`本版本尚不支持规则集 ${g.value}；按 ${f.ruleset.id} 检查`, `The rule set ${g.value} is not available in this version; checked as ${f.ruleset.id}`),
        { path: 'guideline' },
      ),
    );
  }
}

/** Required keys, missing from both the file and dossier.yaml (the schema's and the rule set's requiredWhen). */
function reportMissingKeys(f: FileState): void {
  const schema = f.ruleset.schema;
  const missing = missingRequired(f.facts.values, schema, f.facts.invalid);
  for (const rw of f.ruleset.requiredWhen) {
    if (evaluate(rw.when, { facts: f.facts }).value !== true) continue;
    const s = getFact(f.facts, rw.fact);
    if (s.status === 'absent') {
      const i = rw.fact.lastIndexOf('.');
      missing.push({ parent: i < 0 ? '' : rw.fact.slice(0, i), key: i < 0 ? rw.fact : rw.fact.slice(i + 1) });
    }
  }
  for (const m of missing) {
    const full = m.parent ? `${m.parent}.${m.key}` : m.key;
    const parentPos = m.parent ? f.facts.file?.positions.get(m.parent)?.key : undefined;
    const s = schemaAt(schema, full);
    const label = s?.['x-label-zh'] ? `（${s['x-label-zh']}）` : '';
    const why = rwReason(full, f);
    f.findings.push(
      finding(
        'frontmatter-missing',
        parentPos ?? openingFence(f),
        L(`缺少必填项 ${full}${label}${why.zh}`, `The required key ${full} is missing${why.en}`),
        { path: full },
      ),
    );
  }
}

/** Contradictory facts: reported, and they decide nothing. */
function reportContradictions(f: FileState, d: DossierState): void {
  for (const c of f.ruleset.contradictions) {
    if (evaluate(c.when, { facts: f.facts }).value !== true) continue;
    onFactOrigin(f, d, c.at, (r, onDossier) => finding(onDossier ? 'config-invalid' : 'frontmatter-invalid', r, L(`矛盾的事实：${c.message.zh}`, `Contradictory facts: ${c.message.en}`), { path: c.at }));
    f.facts.invalid.add(c.at);
  }
}

/** Facts that must be full versions. */
function reportVersionFacts(f: FileState, d: DossierState): void {
  for (const path of f.ruleset.versionFacts) {
    const v = getFact(f.facts, path);
    if (v.status !== 'valid') continue;
    const s = String(v.value);
    if (isFullVersion(s)) continue;
    onFactOrigin(f, d, path, (r) =>
      finding(
        'version-not-full',
        r,
        L(
          `${path} 的值“${s}”不是完整版本：完整版本须唯一标识一个构建（如 2.31、3.0.13、V2.1.0.3、build 1234）`,
          `${path} “${s}” is not a full version: a full version identifies one exact build (e.g. 2.31, 3.0.13, V2.1.0.3, build 1234)`,
        ),
        { path },
      ),
    );
  }
}

function rwReason(path: string, f: FileState): { zh: string; en: string } {
  for (const rw of f.ruleset.requiredWhen) {
    if (rw.fact !== path) continue;
    const v = evaluate(rw.when, { facts: f.facts });
    const b = v.because.find((x) => x.fact);
    if (b) return { zh: `（因为 ${b.fact}: ${b.value}）`, en: ` (because ${b.fact}: ${b.value})` };
  }
  return { zh: '', en: '' };
}

/**
 * A member of a dossier whose dossier.yaml does not parse: one finding saying so, pointing there
 * (related), instead of the cascade its missing facts would cause (frontmatter-missing for every
 * shared key, out-of-scope on absent interfaces, a body checked against no facts). The body is
 * not checked: every conditional requirement depends on the facts that were not loaded.
 */
export function reportBrokenDossierYaml(f: FileState, yamlPath: string, p: YamlProblem): void {
  const t = yamlProblemText(p);
  f.findings = f.findings.filter((x) => x.code !== 'frontmatter-missing');
  const fd = finding(
    'config-invalid',
    openingFence(f),
    L(
      `dossier.yaml 第 ${t.line} 行有 YAML 错误——产品事实未加载，本文件未检查；请先修正 dossier.yaml`,
      `dossier.yaml has a YAML error at line ${t.line} — facts not loaded, so this file was not checked; fix dossier.yaml first`,
    ),
    { file: 'dossier.yaml', problem: 'yaml', detail: p.message, line: t.line, column: t.column },
  );
  fd.related = [{ path: yamlPath, range: p.range, message: L(`YAML 错误（${t.zh}）`, `The YAML error (${t.en})`) }];
  f.findings.push(fd);
  f.skipBody = true;
}

/**
 * A member governed by a .cyberdossierrc.yaml that does not parse: one finding saying so, pointing
 * there; the file is still checked, with the default settings (the rc file holds no facts).
 */
export function reportBrokenRc(f: FileState, rcPath: string, p: YamlProblem): void {
  const t = yamlProblemText(p);
  const fd = finding(
    'config-invalid',
    openingFence(f),
    L(
      `.cyberdossierrc.yaml 第 ${t.line} 行有 YAML 错误——其中的设置未生效，本文件按默认设置检查；请先修正该文件`,
      `.cyberdossierrc.yaml has a YAML error at line ${t.line} — its settings were not applied, so this file was checked with the defaults; fix it first`,
    ),
    { file: '.cyberdossierrc.yaml', problem: 'yaml', detail: p.message, line: t.line, column: t.column },
  );
  fd.related = [{ path: rcPath, range: p.range, message: L(`YAML 错误（${t.zh}）`, `The YAML error (${t.en})`) }];
  f.findings.push(fd);
}

/** dossier.yaml's own problems: config-invalid on that file, once per rule set seen. */
export function checkDossierYaml(d: DossierState, problems: YamlProblem[], issues: Finding[], loaded = true): void {
  for (const p of problems) {
    const t = yamlProblemText(p);
    const unused = loaded ? { zh: '', en: '' } : { zh: '：共享的产品事实未加载', en: ': the shared facts were not loaded' };
    d.yamlFindings.push(finding('config-invalid', p.range, L(`dossier.yaml 的 YAML 无效（${t.zh}）${unused.zh}`, `dossier.yaml is not valid YAML (${t.en})${unused.en}`), { problem: 'yaml', detail: p.message, line: t.line, column: t.column }));
  }
  for (const i of issues) {
    const key = `${i.range.start.line}:${i.range.start.character}:${i.message.en}`;
    if (!d.yamlFindings.some((x) => `${x.range.start.line}:${x.range.start.character}:${x.message.en}` === key)) d.yamlFindings.push({ ...i, code: 'config-invalid' });
  }
}

/**
 * The rule set's fact notices (not-a-cyber-device): once per file, on the first fact that has
 * the value when the file writes it, else on line 0. Nothing is suppressed by them.
 */
export function checkNotices(f: FileState): void {
  for (const n of f.ruleset.notices ?? []) {
    const fact = n.facts.find((p) => {
      const v = getFact(f.facts, p);
      return v.status === 'valid' && v.value === n.equals;
    });
    if (!fact) continue;
    const pos = factPosition(f.facts, fact);
    const r = pos?.origin === 'file' ? pos.value : openingFence(f);
    const fill = (t: string) => t.replace(/\{fact\}/g, fact);
    f.findings.push(finding(n.code as Code, r, L(fill(n.message.zh), fill(n.message.en)), { clause: n.clause, [n.dataKey]: fact.slice(fact.lastIndexOf('.') + 1) }));
  }
}

/** out-of-scope (§1): once, and the body is not checked. */
export function checkScope(f: FileState): void {
  for (const rule of f.ruleset.scope) {
    const v = evaluate(rule.when, { facts: f.facts });
    if (v.value !== true) continue;
    const pos = rule.at ? factPosition(f.facts, rule.at) : undefined;
    const r = pos?.origin === 'file' ? pos.value : openingFence(f);
    f.findings.push(
      finding(
        'out-of-scope',
        r,
        L(
          `本文件描述的是${rule.reason.zh}，不适用${f.ruleset.guideline.zh}（${f.ruleset.scopeClause}、适用范围：${f.ruleset.scopeText.zh}）；正文未检查`,
          `This file describes ${rule.reason.en}: ${f.ruleset.guideline.en} does not apply (${f.ruleset.scopeClause}, scope: ${f.ruleset.scopeText.en}); the body was not checked`,
        ),
        { clause: f.ruleset.scopeClause },
      ),
    );
    f.outOfScope = true;
    f.skipBody = true;
    return;
  }
}

/** wrong-document-kind (§9): the kind contradicts submission / updates. */
export function checkDocumentKind(f: FileState): void {
  if (!f.kind) return;
  for (const c of f.ruleset.submission) {
    if (evaluate(c.when, { facts: f.facts }).value !== true) continue;
    if (!c.wrong.includes(f.kind.id)) return;
    const needed = c.required.flat().map((k) => f.ruleset.kinds.find((x) => x.id === k)?.name);
    const pos = factPosition(f.facts, 'document');
    f.findings.push(
      finding(
        'wrong-document-kind',
        pos?.value ?? openingFence(f),
        L(
          `${f.kind.name.zh}不属于${c.label.zh}的申报资料（指导原则 ${c.clause}）${needed.length ? `；应提交：${needed.map((n) => n?.zh).join('、')}` : '；此情形无需提交网络安全文档'}`,
          `A ${f.kind.name.en} is not part of ${c.label.en} (guideline ${c.clause})${needed.length ? `; it needs: ${needed.map((n) => n?.en).join(', ')}` : '; this case needs no cybersecurity document'}`,
        ),
        { clause: c.clause, submission: c.label.en },
      ),
    );
    return;
  }
}
