/**
 * `merge --out-dir WORK`: the merged tree as files the admin can edit, plus the state folder (state.ts). Built as
 * one OutputTree and written by archive/writeFolder, so the folder appears whole or not at all.
 *
 * Files are written byte for byte as they would go into the zip (windows-1251 stays windows-1251, CRLF stays
 * CRLF), with the zip entry's date as their modification time; theirs' wrapper folder is left out (state.ts).
 */

import { windowsSafePath } from '../archive/names';
import type { FileEntry, OutputTree } from '../archive/tree';
import { sha256 } from '../hash';
import { writeFolder } from '../archive/write';
import type { ConflictStyle } from '../merge3';
import type { Report } from '../report/model';
import type { ConflictFile } from '../rerere/apply';
import { decodeText } from '../text/encoding';
import { eolStyle, splitLines } from '../text/lines';
import type { FileOutcome, Trees } from '../tree/merge-tree';
import { needsAttention } from '../tree/status';
import { PREIMAGES_FILE, SIDES, STATE_DIR, STATE_SCHEMA, type ConflictState, type FileState, type KeptOut, type TextFormat, type WorkState } from './state';

export interface WorkdirInput {
  /** The tree the merge writes (or would write) as the zip: files with their dates, folders, layout. */
  output: OutputTree;
  outcomes: readonly FileOutcome[];
  /** The aligned input trees, for the sides of each conflict. */
  trees: Trees;
  /** The conflicted files as merged, before re-applied resolutions (rerere/apply.ts). */
  conflictFiles: readonly ConflictFile[];
  report: Report;
  inputs: WorkState['inputs'];
  conflictStyle: ConflictStyle;
  version: string;
}


/** The text format of bytes (undefined: binary). */
export function textFormat(bytes: Uint8Array): TextFormat | undefined {
  const d = decodeText(bytes);
  return d && { encoding: d.encoding, bom: d.bom, eol: eolStyle(splitLines(d.text).eols) };
}

/** The state and the files of a new working folder. */
export function buildWorkdir(input: WorkdirInput, now = new Date()): { state: WorkState; tree: OutputTree } {
  const { output, outcomes, trees } = input;
  const byPath = new Map(outcomes.map((o) => [o.path, o]));
  const files: Record<string, FileState> = {};
  const extra: FileEntry[] = [];
  const put = (p: string, bytes: Uint8Array | string, date = now) =>
    extra.push({ path: `${STATE_DIR}/${p}`, bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, date });

  for (const f of output.files) {
    const o = byPath.get(f.path);
    const text = o?.text ? { encoding: o.text.encoding, bom: o.text.bom, eol: o.text.eol } : textFormat(f.bytes);
    files[f.path] = { date: f.date.toISOString(), sha256: sha256(f.bytes), ...(text ? { text } : {}) };
  }

  const preimages = new Map(input.conflictFiles.map((c) => [c.path, c]));
  const preimageTexts: Record<string, string> = {};
  const conflicts: Record<string, ConflictState> = {};
  for (const o of outcomes) {
    const pre = preimages.get(o.path);
    if (!needsAttention(o.status) && !o.reused?.length) continue;
    const c: ConflictState = { status: o.status, settle: pre ? 'markers' : 'decision', sides: {} };
    if (o.conflict) c.kind = o.conflict;
    for (const side of SIDES) {
      // A file the vendor renamed: base's and mine's versions are at the old path (tree/renames.ts).
      const entry = trees[side]?.files.get(side !== 'theirs' && o.renamedFrom ? o.renamedFrom : o.path);
      if (!entry) continue;
      const text = textFormat(entry.bytes);
      c.sides[side] = { date: entry.date.toISOString(), ...(text ? { text } : {}) };
      put(`sides/${side}/${o.path}`, entry.bytes, entry.date);
    }
    if (pre) {
      c.blocks = pre.sites.map((s) => ({ key: s.key, startLine: s.startLine, endLine: s.endLine, mine: s.mine, theirs: s.theirs }));
      preimageTexts[o.path] = pre.preimage;
    }
    if (o.reused?.length) c.reused = o.reused;
    conflicts[o.path] = c;
  }
  // Versions the archive cannot hold beside the other files; mine's and theirs' versions are in sides/ already.
  const keptOut: Record<string, KeptOut> = {};
  for (const o of outcomes) {
    for (const c of o.aside ?? []) {
      if (c.as === 'case-clash' || c.as === 'file-folder' || c.as === 'windows-name') {
        const rel = `aside/${c.as}/${windowsSafePath(o.path)}`;
        put(rel, c.bytes);
        keptOut[o.path] = { as: c.as, saved: `${STATE_DIR}/${rel}` };
      }
    }
  }

  const state: WorkState = {
    schema: STATE_SCHEMA,
    tool: { version: input.version },
    created: now.toISOString(),
    inputs: input.inputs,
    conflictStyle: input.conflictStyle,
    layout: { root: output.root, nameEncoding: output.nameEncoding, dirs: output.dirs },
    files,
    conflicts,
    ...(Object.keys(keptOut).length ? { keptOut } : {}),
  };
  put('state.json', JSON.stringify(state, null, 2) + '\n');
  put(PREIMAGES_FILE, JSON.stringify(preimageTexts, null, 1) + '\n');
  put('report.json', JSON.stringify(input.report, null, 2) + '\n');
  put('README.txt', README);
  return { state, tree: { files: [...output.files, ...extra], dirs: output.dirs, nameEncoding: 'utf8', root: '' } };
}

export async function writeWorkdir(target: string, input: WorkdirInput): Promise<WorkState> {
  const { state, tree } = buildWorkdir(input);
  await writeFolder(tree, target);
  return state;
}

const README = `cabinet-merge working folder state. Do not edit; "pack" never puts this folder into the archive.
Служебная папка cabinet-merge. Не редактируйте; команда "pack" не помещает её в архив.

  cabinet-merge status WORK            what is left to resolve / что осталось решить
  cabinet-merge resolve WORK PATH --mine|--theirs|--base
  cabinet-merge pack WORK -o MERGED.zip

sides/base, sides/mine, sides/theirs: the three versions of each conflicted file / три версии каждого файла с конфликтом.
`;
