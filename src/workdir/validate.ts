/**
 * The working folder's state.json, checked field by field before anything uses it (io/own-files.ts says why): every
 * path — the keys of `files` and `conflicts`, `layout.root`, `layout.dirs` — is a safe relative path, so `resolve`
 * and `pack` can never write, read or delete outside WORK through a planted state; every conflict-block key is a
 * SHA-256 in hex, because `pack` uses it as a file name in the resolution store; every other field has its type.
 */

import type { KeptOutKind, WorkState } from './state';
import { STATUS_LABELS, CONFLICT_LABELS } from '../tree/status';
import {
  describeField as at,
  expectArray,
  expectBoolean,
  expectDate,
  expectHex,
  expectNumber,
  expectObject,
  expectOneOf,
  expectPathKeys,
  expectRelativePath,
  expectString,
  expectStrings,
} from '../io/own-files';

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251'] as const;
const EOLS = ['lf', 'crlf', 'mixed', 'none'] as const;
const STYLES = ['merge', 'diff3', 'zdiff3'] as const;
const NAME_ENCODINGS = ['utf8', 'cp866'] as const;
const SIDE_NAMES = ['base', 'mine', 'theirs'] as const;

function checkText(v: unknown, field: string): void {
  if (v === undefined) return;
  const t = expectObject(v, field);
  expectOneOf(t.encoding, at(field, 'encoding'), ENCODINGS);
  expectBoolean(t.bom, at(field, 'bom'));
  expectOneOf(t.eol, at(field, 'eol'), EOLS);
}

function checkConflict(v: unknown, field: string): void {
  const c = expectObject(v, field);
  expectOneOf(c.status, at(field, 'status'), Object.keys(STATUS_LABELS));
  if (c.kind !== undefined) expectOneOf(c.kind, at(field, 'kind'), Object.keys(CONFLICT_LABELS));
  expectOneOf(c.settle, at(field, 'settle'), ['markers', 'decision']);
  const sides = expectObject(c.sides, at(field, 'sides'));
  for (const [side, s] of Object.entries(sides)) {
    const f = at(at(field, 'sides'), side);
    expectOneOf(side, f, SIDE_NAMES);
    const o = expectObject(s, f);
    expectDate(o.date, at(f, 'date'));
    checkText(o.text, at(f, 'text'));
  }
  if (c.blocks !== undefined) {
    expectArray(c.blocks, at(field, 'blocks')).forEach((b, i) => {
      const f = at(at(field, 'blocks'), i);
      const o = expectObject(b, f);
      expectHex(o.key, at(f, 'key'));
      expectNumber(o.startLine, at(f, 'startLine'));
      expectNumber(o.endLine, at(f, 'endLine'));
      expectStrings(o.mine, at(f, 'mine'));
      expectStrings(o.theirs, at(f, 'theirs'));
    });
  }
  if (c.reused !== undefined) {
    expectArray(c.reused, at(field, 'reused')).forEach((r, i) => {
      const f = at(at(field, 'reused'), i);
      const o = expectObject(r, f);
      expectHex(o.key, at(f, 'key'));
      expectNumber(o.startLine, at(f, 'startLine'));
      expectNumber(o.length, at(f, 'length'));
      expectString(o.recorded, at(f, 'recorded'));
      expectString(o.recordedPath, at(f, 'recordedPath'));
    });
  }
  if (c.decision !== undefined) {
    const d = expectObject(c.decision, at(field, 'decision'));
    expectOneOf(d.side, at(at(field, 'decision'), 'side'), SIDE_NAMES);
    expectString(d.at, at(at(field, 'decision'), 'at'));
  }
}

const KEPT_OUT: readonly KeptOutKind[] = ['case-clash', 'windows-name', 'file-folder'];

/** The state as parsed JSON → WorkState, or a ShapeError naming the first bad field. `schema` is checked by the caller. */
export function checkState(raw: unknown): WorkState {
  const s = expectObject(raw, '');
  expectString(expectObject(s.tool, 'tool').version, 'tool.version');
  expectString(s.created, 'created');
  const inputs = expectObject(s.inputs, 'inputs');
  if (inputs.base !== null) expectString(inputs.base, 'inputs.base');
  expectString(inputs.mine, 'inputs.mine');
  expectString(inputs.theirs, 'inputs.theirs');
  expectOneOf(s.conflictStyle, 'conflictStyle', STYLES);
  const layout = expectObject(s.layout, 'layout');
  if (expectString(layout.root, 'layout.root') !== '') expectRelativePath(layout.root, 'layout.root');
  expectOneOf(layout.nameEncoding, 'layout.nameEncoding', NAME_ENCODINGS);
  expectStrings(layout.dirs, 'layout.dirs').forEach((d, i) => expectRelativePath(d, at('layout.dirs', i)));
  const files = expectObject(s.files, 'files');
  expectPathKeys(files, 'files');
  for (const [p, f] of Object.entries(files)) {
    const o = expectObject(f, at('files', p));
    expectDate(o.date, at(at('files', p), 'date'));
    expectHex(o.sha256, at(at('files', p), 'sha256'));
    checkText(o.text, at(at('files', p), 'text'));
  }
  const conflicts = expectObject(s.conflicts, 'conflicts');
  expectPathKeys(conflicts, 'conflicts');
  for (const [p, c] of Object.entries(conflicts)) checkConflict(c, at('conflicts', p));
  if (s.packed !== undefined) expectStrings(s.packed, 'packed');
  if (s.keptOut !== undefined) {
    const kept = expectObject(s.keptOut, 'keptOut');
    expectPathKeys(kept, 'keptOut');
    for (const [p, k] of Object.entries(kept)) {
      const o = expectObject(k, at('keptOut', p));
      expectOneOf(o.as, at(at('keptOut', p), 'as'), KEPT_OUT);
      expectRelativePath(expectString(o.saved, at(at('keptOut', p), 'saved')), at(at('keptOut', p), 'saved'));
    }
  }
  return raw as WorkState;
}
