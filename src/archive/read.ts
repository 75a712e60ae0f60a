/**
 * readTree: the one entry point that turns what the user named (a zip or a folder) into a Tree. Every error is a
 * CabinetError whose message starts with that name.
 */
import { statSync, Stats } from 'fs';
import { CabinetError } from '../errors';
import { NotRegularFile, readRegularFile } from '../io/read-regular';
import { Limits, ReadOptions, limitError, resolveLimits } from './limits';
import { readFolder } from './read-folder';
import { readZipBuffer, type SameDataCache } from './read-zip';
import { Tree } from './tree';

/**
 * Slack over maxTotalBytes allowed for the zip file itself before it is loaded: headers and names of up to
 * maxEntries entries. A stored (uncompressed) zip is slightly larger than its content.
 */
const ZIP_OVERHEAD_BYTES = 64 * 1024 * 1024;

/**
 * Reads a zip file or a folder into a Tree, applying the limits in `options` (see ReadOptions for defaults).
 * Throws CabinetError: 'input-missing', 'input-unreadable', 'input-not-archive', 'input-corrupt', 'input-unsafe',
 * 'input-limit'. `same`: shared by the reads of one merge, so that zip entries stored alike in several inputs are
 * inflated once (read-zip.ts SameDataCache).
 */
export async function readTree(inputPath: string, options: ReadOptions = {}, same?: SameDataCache): Promise<Tree> {
  const limits = resolveLimits(options);
  try {
    const stat = await statInput(inputPath);
    if (stat.isDirectory()) return await readFolder(inputPath, inputPath, limits);
    if (!stat.isFile()) throw notFileOrFolder();
    return await readZipFile(inputPath, stat, limits, same);
  } catch (e) {
    throw e instanceof CabinetError ? e.withContext(inputPath) : e;
  }
}

async function readZipFile(inputPath: string, stat: Stats, limits: Limits, same?: SameDataCache): Promise<Tree> {
  if (stat.size > limits.maxTotalBytes + ZIP_OVERHEAD_BYTES) {
    throw limitError(
      'maxTotalBytes',
      { en: `the file is ${stat.size} bytes`, ru: `размер файла ${stat.size} байт` },
      limits.maxTotalBytes,
    );
  }
  let buf: Buffer;
  try {
    buf = await readRegularFile(inputPath);
  } catch (e) {
    if (e instanceof NotRegularFile) throw notFileOrFolder();
    throw unreadable(e);
  }
  return readZipBuffer(buf, inputPath, limits, same);
}

async function statInput(inputPath: string): Promise<Stats> {
  try {
    // Synchronous: one stat (it opens nothing), and a small merge loads no fs.promises at all (docs/performance.md).
    return statSync(inputPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' && /[\\/]$/.test(inputPath)) {
      throw new CabinetError(
        'input-missing',
        {
          en: 'this is a file, not a folder; remove the trailing slash to read it as a zip',
          ru: 'это файл, а не папка; уберите косую черту в конце, чтобы прочитать его как zip',
        },
        { cause: e },
      );
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new CabinetError(
        'input-missing',
        {
          en: 'no such file or folder; check the path (put it in quotes if it contains spaces)',
          ru: 'такого файла или папки нет; проверьте путь (если в нём есть пробелы, возьмите его в кавычки)',
        },
        { cause: e },
      );
    }
    throw unreadable(e);
  }
}

function unreadable(e: unknown): CabinetError {
  const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new CabinetError(
    'input-unreadable',
    {
      en: `cannot be read (${why}); check that you may read it and that no other program holds it open`,
      ru: `не удаётся прочитать (${why}); проверьте права на чтение и что файл не открыт в другой программе`,
    },
    { cause: e },
  );
}

function notFileOrFolder(): CabinetError {
  return new CabinetError('input-unreadable', {
    en: 'is neither a file nor a folder; pass a .zip export or a folder',
    ru: 'не является ни файлом, ни папкой; укажите выгрузку .zip или папку',
  });
}
