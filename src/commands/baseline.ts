/**
 * `cabinet-merge baseline save|list|remove`: the baseline store's commands. Each returns data; renderBaseline
 * turns it into the lines printed on stdout (English or Russian).
 */

import * as path from 'node:path';
import { readTree } from '../archive/read';
import { CabinetError } from '../errors';
import { resolveStoreDir } from '../store/location';
import { listBaselines, removeBaseline, saveBaseline, type BaselineManifest, type ManifestProblem, type RemoveResult, type SaveResult } from '../store/store';
import { enCount, FILES_RU, ruCount } from '../report/plural';

export interface BaselineOptions {
  action: 'save' | 'list' | 'remove';
  target?: string;
  name?: string;
  store?: string;
}

export type BaselineResult =
  | ({ action: 'save'; store: string } & SaveResult)
  | { action: 'list'; store: string; baselines: BaselineManifest[]; problems: ManifestProblem[] }
  | ({ action: 'remove'; store: string } & RemoveResult);

export async function runBaseline(options: BaselineOptions): Promise<BaselineResult> {
  const store = resolveStoreDir(options.store);
  switch (options.action) {
    case 'save': {
      const target = options.target!;
      let tree;
      try {
        tree = await readTree(target);
      } catch (e) {
        throw e instanceof CabinetError ? e.withContext('baseline save') : e;
      }
      const saved = await saveBaseline(store, tree, { name: options.name, source: path.basename(target) });
      return { action: 'save', store, ...saved };
    }
    case 'list': {
      const { manifests, problems } = await listBaselines(store);
      return { action: 'list', store, baselines: manifests, problems };
    }
    case 'remove':
      return { action: 'remove', store, ...(await removeBaseline(store, options.target!)) };
    default: {
      const never: never = options.action;
      throw new Error(`unknown baseline action ${String(never)}`);
    }
  }
}

function files(m: BaselineManifest): number {
  return Object.keys(m.files).length;
}

export function renderBaseline(r: BaselineResult, lang: 'en' | 'ru'): string {
  const ru = lang === 'ru';
  const out: string[] = [];
  switch (r.action) {
    case 'save': {
      const m = r.manifest;
      if (r.created) {
        out.push(
          ru
            ? `Сохранена база '${m.name}' (${m.id}): файлов ${files(m)}, новых в хранилище ${r.blobsWritten}, уже были ${r.blobsReused}.`
            : `Saved baseline '${m.name}' (${m.id}): ${enCount(files(m), 'file', 'files')}, ${r.blobsWritten} new in the store, ${r.blobsReused} already there.`,
        );
      } else {
        out.push(
          ru
            ? `Эта выгрузка уже сохранена как база '${m.name}' (${m.id}, ${m.savedAt.slice(0, 10)}).`
            : `This export is already stored as baseline '${m.name}' (${m.id}, saved ${m.savedAt.slice(0, 10)}).`,
        );
        if (r.blobsWritten) out.push(ru ? `Восстановлено повреждённых файлов: ${r.blobsWritten}.` : `Repaired ${r.blobsWritten} damaged files.`);
      }
      out.push(ru ? `Хранилище: ${r.store}` : `Store: ${r.store}`);
      break;
    }
    case 'list': {
      out.push(ru ? `Хранилище: ${r.store}` : `Store: ${r.store}`);
      if (r.baselines.length === 0) out.push(ru ? 'Сохранённых баз нет.' : 'No baselines stored.');
      for (const m of r.baselines) {
        out.push(`  ${m.id}  ${m.savedAt.slice(0, 16).replace('T', ' ')}  ${m.name}  (${ru ? ruCount(files(m), FILES_RU) : enCount(files(m), 'file', 'files')}, ${m.source})`);
      }
      for (const p of r.problems) out.push(ru ? `  не читается: ${p.file} (${p.reason})` : `  unreadable: ${p.file} (${p.reason})`);
      break;
    }
    case 'remove': {
      const m = r.removed;
      out.push(
        ru
          ? `Удалена база '${m.name}' (${m.id}); удалено файлов, не нужных другим базам: ${r.blobsDeleted}.`
          : `Removed baseline '${m.name}' (${m.id}); ${r.blobsDeleted} files no other baseline uses were deleted.`,
      );
      if (r.blobsKept) {
        out.push(
          ru
            ? 'Файлы содержимого не удалялись: в хранилище есть нечитаемые описания баз (см. baseline list).'
            : 'No content files were deleted: the store has unreadable manifests (see baseline list).',
        );
      }
      break;
    }
  }
  return out.join('\n') + '\n';
}
