// Stage 1 of a check: which dossiers a request involves and their member files, before anything
// is parsed. Requested files and walked folders are grouped by the dossier.yaml that governs
// them; a file that none governs is checked alone.

import * as path from 'node:path';
import type { Host } from '../host';
import { DOSSIER_YAML, findDossierRoots, walkMarkdown, comparePaths } from '../workspace';
import type { DossierKey } from './types';

export interface PlanRequest {
  files?: string[];
  folders?: string[];
  /** Check the dossier of each requested file as its folder would be checked. */
  dossier?: boolean;
}

/** One dossier of a plan. */
export interface PlannedDossier {
  key: DossierKey;
  /** The files the request named (or walked) of this dossier. */
  requested: Set<string>;
  /** Every file of the dossier, sorted (the requested ones included). */
  members: string[];
  /** Checked as its folder: a folder walk reached its dossier.yaml, or the request asked for the dossier. */
  folder: boolean;
}

export interface CheckPlan {
  /** Paths that could not be read. */
  errors: { path: string; message: string }[];
  /** The files named one by one (reported even when they are no dossier files). */
  explicit: Set<string>;
  /** Dossiers first (by dossier.yaml path), then the files alone (by path). */
  dossiers: PlannedDossier[];
}

/** The lookups a plan reads (cached by the engine until the file system changes). */
export interface PlanSeam {
  readonly host: Host;
  dossierYamlFor(file: string): string | undefined;
  membersOf(yamlPath: string): readonly string[];
}

/** The path that identifies a dossier (its dossier.yaml) or a file alone; the two never coincide. */
export function keyPath(key: DossierKey): string {
  return key.kind === 'dossier' ? key.yamlPath : key.file;
}

export function planCheck(seam: PlanSeam, req: PlanRequest): CheckPlan {
  const errors: CheckPlan['errors'] = [];
  const explicit = new Set<string>();
  const walked = new Set<string>();
  const folderDossiers = new Set<string>();
  for (const f of req.files ?? []) {
    const abs = path.resolve(f);
    if (!seam.host.exists(abs) || seam.host.isDirectory(abs) || seam.host.fileSize(abs) === undefined) {
      errors.push({ path: f, message: 'cannot read file' });
      continue;
    }
    explicit.add(abs);
  }
  for (const d of req.folders ?? []) {
    const abs = path.resolve(d);
    if (!seam.host.isDirectory(abs)) {
      errors.push({ path: d, message: 'cannot read folder' });
      continue;
    }
    for (const f of walkMarkdown(seam.host, abs)) walked.add(f);
    for (const root of findDossierRoots(seam.host, abs)) folderDossiers.add(path.join(root, DOSSIER_YAML));
  }
  // Group the requested files by the dossier that governs them.
  const byDossier = new Map<string, Set<string>>();
  const alone = new Map<string, Set<string>>();
  for (const f of [...explicit, ...walked]) {
    const y = seam.dossierYamlFor(f);
    if (y) addTo(byDossier, y, f);
    else addTo(alone, f, f);
    if (y && req.dossier) folderDossiers.add(y);
  }
  for (const y of folderDossiers) if (!byDossier.has(y)) byDossier.set(y, new Set());
  const dossiers = [
    ...sortedByPath(byDossier).map(([yamlPath, requested]): PlannedDossier => {
      const members = [...seam.membersOf(yamlPath)];
      for (const r of requested) if (!members.includes(r)) members.push(r);
      members.sort(comparePaths);
      return { key: { kind: 'dossier', yamlPath }, requested, members, folder: folderDossiers.has(yamlPath) };
    }),
    ...sortedByPath(alone).map(([file, requested]): PlannedDossier => ({ key: { kind: 'single', file }, requested, members: [...requested].sort(comparePaths), folder: false })),
  ];
  return { errors, explicit, dossiers };
}

function addTo(map: Map<string, Set<string>>, key: string, file: string): void {
  const s = map.get(key) ?? new Set<string>();
  s.add(file);
  map.set(key, s);
}

function sortedByPath<T>(map: Map<string, T>): [string, T][] {
  return [...map].sort((a, b) => comparePaths(a[0], b[0]));
}
