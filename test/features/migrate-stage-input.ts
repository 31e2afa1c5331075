// A realistic input for the structure planner's stages: a 2017 网络安全描述文档 outline (with the
// §13 mapping rows of its kind) as the migration would hand it to planStructure.
import { buildModel, ChunkCache } from '../../server/src/engine/model';
import { getRuleSet } from '../../server/src/engine/rulesets';
import { KIND_MAPS } from '../../server/src/features/migrate/mapping';
import type { StructureInput } from '../../server/src/features/migrate/structure-types';

export const DESCRIPTION_2017 = [
  '## 1 基本信息', // 0  D1 → R1
  '',
  '### 1.1 类型', // 1  D1.1 → under R1.2.2 (new, in new R1.2)
  '',
  '正文：健康数据。',
  '',
  '### 1.2 功能', // 2  D1.2 → under R1.2.2
  '',
  '### 1.4 交换方式', // 3  D1.4 → R1.2.3, renamed 电子接口情况
  '',
  '#### 1.4.1 无线电管理符合性', // 4  D1.4.1 → R2.3.7 (moves into 验证与确认)
  '',
  '正文：型号核准证。',
  '',
  '### 1.5 安全软件', // 5  D1.5 → R1.5
  '',
  '## 2 风险管理', // 6  D2 → R2.1 (in new R2 实现过程)
  '',
  '### 2.1 风险分析报告', // 7  D2.1 → R2.1.1
  '',
  '## 3 验证与确认', // 8  D3 → R2.3
  '',
  '### 3.1 网络安全测试计划', // 9  D3.1 → R2.3.1
  '',
  '正文：测试计划。',
  '',
].join('\n');

export function structureInputOf(text: string): StructureInput {
  const kind17 = getRuleSet('nmpa-2017')!.kinds.find((k) => k.id === 'cybersecurity-description')!;
  const kind22 = getRuleSet('nmpa-2022')!.kinds.find((k) => k.id === 'cybersecurity-research-report')!;
  const rows = KIND_MAPS.find((m) => m.from === 'cybersecurity-description')!.rows;
  return { model: buildModel(text, new ChunkCache()), kind17, kind22, rows, aliases: {} };
}
