/** io/read-regular.ts and io/own-files.ts: the checks for what the tool reads back from its own files. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { firstLink, realPathOf } from '../../../src/io/links';
import { NotRegularFile, readRegularFile } from '../../../src/io/read-regular';
import { isHexDigest, nestingDepth, parseOwnJson, relativePathProblem, ShapeError } from '../../../src/io/own-files';
import { cleanTempDirs, tempDir } from '../../helpers/tmp';

afterAll(cleanTempDirs);

test('readRegularFile refuses a FIFO at once instead of blocking in open()', async () => {
  const dir = tempDir('unit-fifo');
  const fifo = path.join(dir, 'p');
  execFileSync('mkfifo', [fifo]);
  await expect(readRegularFile(fifo)).rejects.toBeInstanceOf(NotRegularFile);
  await expect(readRegularFile(dir)).rejects.toBeInstanceOf(NotRegularFile);
  writeFileSync(path.join(dir, 'f'), 'abc');
  expect((await readRegularFile(path.join(dir, 'f'))).toString()).toBe('abc');
});

test.each([
  ['css/a.css', true],
  ['a', true],
  ['../x', false],
  ['a/../../x', false],
  ['/etc/passwd', false],
  ['C:/x', false],
  ['c:x', false],
  ['a\\..\\x', false],
  ['a//b', false],
  ['./a', false],
  ['', false],
  ['a/\u001b[2Jb', false],
])('relativePathProblem(%j) is ok: %s', (p, ok) => {
  expect(relativePathProblem(p) === undefined).toBe(ok);
});

test('isHexDigest takes only lower-case hex of the given length', () => {
  expect(isHexDigest('a'.repeat(64))).toBe(true);
  expect(isHexDigest('A'.repeat(64))).toBe(false);
  expect(isHexDigest('../../escaped')).toBe(false);
  expect(isHexDigest('ab'.repeat(6), 12)).toBe(true);
  expect(isHexDigest(5)).toBe(false);
});

test('nestingDepth ignores brackets in strings; parseOwnJson refuses deep input with a ShapeError', () => {
  expect(nestingDepth('{"a":[1,{"b":"[[[[\\"["}]}')).toBe(3);
  expect(() => parseOwnJson('['.repeat(100_000) + ']'.repeat(100_000))).toThrow(ShapeError);
  expect(() => parseOwnJson('{')).toThrow(/not valid JSON/);
  expect(parseOwnJson('{"a":[1]}')).toEqual({ a: [1] });
});

test('firstLink finds a link on the way; realPathOf resolves links above a path that does not exist', async () => {
  const dir = tempDir('unit-links');
  mkdirSync(path.join(dir, 'real', 'sub'), { recursive: true });
  symlinkSync(path.join(dir, 'real'), path.join(dir, 'lnk'));
  expect(await firstLink(dir, 'lnk/sub/x')).toBe(path.join(dir, 'lnk'));
  expect(await firstLink(dir, 'real/sub/x')).toBeUndefined();
  const real = await realPathOf(path.join(dir, 'lnk', 'sub', 'new', 'deeper'));
  expect(real).toBe(path.join(await realPathOf(path.join(dir, 'real')), 'sub', 'new', 'deeper'));
});
