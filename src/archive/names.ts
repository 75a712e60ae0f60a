/**
 * Entry names: decoding the bytes a zip stores (UTF-8 flag, Info-ZIP Unicode Path field, legacy code page),
 * normalising them to '/'-separated relative paths, and refusing names that could escape the output folder.
 */
import { crc32 } from 'zlib';
import { CabinetError, Message } from '../errors';
import { lazy } from '../lazy';
import { EXTRA_UNICODE_PATH, FLAG_UTF8, RawEntry } from './zipformat';

const iconv = lazy(() => require('iconv-lite') as typeof import('iconv-lite'));

/** How a name was stored; decides Tree.nameEncoding. */
export type NameOrigin = 'ascii' | 'utf8-flag' | 'unicode-extra' | 'utf8-guess' | 'legacy';

export interface DecodedName {
  name: string;
  origin: NameOrigin;
}

/** Host systems (high byte of "version made by") whose tools store UTF-8 names without setting the flag. */
const UTF8_HOSTS = new Set([3 /* Unix */, 19 /* OS X */]);

/** Names without the UTF-8 flag from Windows tools on Russian systems use the OEM code page, CP866. */
const LEGACY_ENCODING = 'cp866';

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes an entry name. Order: the Unicode Path extra field 0x7075 (version 1, and only if its CRC matches the
 * stored name, i.e. no later tool renamed the entry without updating it); then the UTF-8 flag; then, for names
 * from Unix/macOS tools that are valid UTF-8, UTF-8; otherwise the legacy code page (CP866 for Russian Windows:
 * Explorer, 7-Zip, 1C). JSZip applies 0x7075 only when the flag is clear; we apply it first, as Info-ZIP unzip does.
 */
export function decodeEntryName(entry: RawEntry): DecodedName {
  const bytes = entry.nameBytes;
  const flagged = (entry.flags & FLAG_UTF8) !== 0;
  const unicode = unicodePathField(entry);
  if (isAscii(bytes)) return { name: unicode ?? Buffer.from(bytes).toString('latin1'), origin: 'ascii' };
  if (flagged) return { name: unicode ?? Buffer.from(bytes).toString('utf8'), origin: 'utf8-flag' };
  if (unicode !== undefined) return { name: unicode, origin: 'unicode-extra' };
  if (UTF8_HOSTS.has(entry.versionMadeBy >> 8)) {
    const guess = strictUtf8(bytes);
    if (guess !== undefined) return { name: guess, origin: 'utf8-guess' };
  }
  return { name: iconv().decode(Buffer.from(bytes), LEGACY_ENCODING), origin: 'legacy' };
}

/** True for names stored in the legacy code page without the flag: these make a tree's nameEncoding 'cp866'. */
export function storedAsLegacy(origin: NameOrigin): boolean {
  return origin === 'legacy' || origin === 'unicode-extra';
}

/** True for non-ASCII names stored as UTF-8. */
export function storedAsUtf8(origin: NameOrigin): boolean {
  return origin === 'utf8-flag' || origin === 'utf8-guess';
}

/** The 0x7075 field's name when it is present, version 1, and its CRC matches the stored name bytes. */
function unicodePathField(entry: RawEntry): string | undefined {
  const field = entry.extra.get(EXTRA_UNICODE_PATH);
  if (!field || field.length < 5 || field[0] !== 1) return undefined;
  const view = Buffer.from(field.buffer, field.byteOffset, field.byteLength);
  if (view.readUInt32LE(1) !== crc32(entry.nameBytes)) return undefined;
  return strictUtf8(view.subarray(5));
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return undefined;
  }
}

export function isAscii(bytes: Uint8Array): boolean {
  return bytes.every((b) => b < 0x80);
}

/** True when `name` survives a CP866 round trip (iconv-lite replaces what it cannot encode). */
export function cp866Representable(name: string): boolean {
  return iconv().decode(iconv().encode(name, 'cp866'), 'cp866') === name;
}

/** The place an error is about ("entry 'css/a.css'"), in both languages; the archive name is added by the caller. */
export type Where = Message;

export function entryWhere(name: string): Where {
  const shown = printable(name);
  return { en: `entry '${shown}'`, ru: `запись '${shown}'` };
}

/**
 * A name as it may appear in a message: control characters (C0, DEL, C1) as \xNN, so a hostile name cannot clear the
 * screen, colour the terminal or break the one-line message (ESC [2J, a newline).
 */
export function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export interface NormalisedName {
  path: string;
  isDir: boolean;
}

/**
 * Turns a stored name into a relative '/'-separated path: '\' becomes '/', '.' and empty segments are dropped, a
 * trailing '/' marks a directory. Throws 'input-unsafe' for absolute paths, drive letters, '..', ':' (drive or NTFS
 * stream) and control characters. `where` names the archive and entry for the message.
 */
export function normaliseEntryName(raw: string, where: Where): NormalisedName {
  const slashed = raw.replace(/\\/g, '/');
  const isDir = slashed.endsWith('/');
  if (slashed.startsWith('/')) throw unsafeName(where, 'it is an absolute path', 'это абсолютный путь');
  if (/^[A-Za-z]:/.test(slashed)) {
    throw unsafeName(where, 'it starts with a drive letter', 'имя начинается с буквы диска');
  }
  const segments = slashed.split('/').filter((s) => s !== '' && s !== '.');
  for (const segment of segments) checkSegment(segment, where);
  return { path: segments.join('/'), isDir };
}

/** Why a path segment is unsafe ('..', '\\', ':' or a control character), or undefined when it is fine. */
export function segmentProblem(segment: string): Message | undefined {
  if (segment === '..') {
    return {
      en: "it contains '..' and would be written outside the folder",
      ru: "в имени есть '..', и запись попала бы за пределы папки",
    };
  }
  if (segment.includes('\\')) {
    return {
      en: 'it contains a backslash, a folder separator on Windows',
      ru: 'в имени есть обратная косая черта, разделитель папок в Windows',
    };
  }
  if (segment.includes(':')) {
    return { en: "it contains ':' (a drive or an NTFS stream)", ru: "в имени есть ':' (диск или поток NTFS)" };
  }
  if (/[\u0000-\u001f\u007f]/.test(segment)) {
    return { en: 'it contains control characters', ru: 'в имени есть управляющие символы' };
  }
  return undefined;
}

/** Throws 'input-unsafe' for `where` when `segment` has a segmentProblem. */
export function checkSegment(segment: string, where: Where, advice?: Message): void {
  const problem = segmentProblem(segment);
  if (problem) throw unsafeName(where, problem.en, problem.ru, advice);
}

const ARCHIVE_ADVICE: Message = {
  en: 'The archive may be damaged or malicious; export it from 1C again',
  ru: 'Архив может быть повреждён или подделан; выгрузите его из 1С заново',
};

/** An 'input-unsafe' error for `where`, with the reason and what to do (by default: export the archive again). */
export function unsafeName(where: Where, whyEn: string, whyRu: string, advice: Message = ARCHIVE_ADVICE): CabinetError {
  return new CabinetError('input-unsafe', {
    en: `${where.en}: refused because ${whyEn}. ${advice.en}`,
    ru: `${where.ru}: отклонено, потому что ${whyRu}. ${advice.ru}`,
  });
}

/** Every ancestor folder of a '/'-separated path, nearest last ('a/b/c' → ['a', 'a/b']). */
export function ancestors(path: string): string[] {
  const parts = path.split('/');
  const result: string[] = [];
  for (let i = 1; i < parts.length; i++) result.push(parts.slice(0, i).join('/'));
  return result;
}

/** The longest file or folder name Windows (NTFS, and Linux file systems: 255 bytes) can create, in UTF-16 units. */
const WINDOWS_NAME_MAX = 255;

/**
 * Names Windows cannot create: the DOS device names (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, also with an
 * extension such as 'aux.html' and in any letter case; the superscript digits ¹²³ count too), names ending in a dot
 * or a space, which Windows silently strips ('theme.css.' would become 'theme.css'), and names longer than 255
 * characters. Explorer refuses to extract such an entry, so the merge keeps it out of the archive
 * (tree/merge-tree.ts keepClashesAside).
 */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9\u00b9\u00b2\u00b3]|lpt[1-9\u00b9\u00b2\u00b3])(\.|$)/i;

/** Why Windows cannot create a file or folder named `segment`, or undefined when it can. */
export function windowsNameProblem(segment: string): Message | undefined {
  const device = WINDOWS_DEVICE.exec(segment);
  if (device) {
    return {
      en: `'${device[1]}' is a device name on Windows`,
      ru: `'${device[1]}' — имя устройства в Windows`,
    };
  }
  if (segment.length > WINDOWS_NAME_MAX) {
    return {
      en: `it is ${segment.length} characters long, more than the ${WINDOWS_NAME_MAX} Windows allows in a name`,
      ru: `его длина ${segment.length} символов, больше ${WINDOWS_NAME_MAX}, допустимых в Windows для имени`,
    };
  }
  if (/[. ]$/.test(segment)) {
    return {
      en: 'it ends in a dot or a space, which Windows drops',
      ru: 'имя оканчивается точкой или пробелом, а Windows их отбрасывает',
    };
  }
  return undefined;
}

/** The first segment of `path` Windows cannot create, with the reason, or undefined. */
export function windowsPathProblem(path: string): { segment: string; why: Message } | undefined {
  for (const segment of path.split('/')) {
    const why = windowsNameProblem(segment);
    if (why) return { segment, why };
  }
  return undefined;
}

/**
 * A name Windows can create for `path`, each bad segment changed as little as possible: '_' after a device name
 * ('aux.html' → 'aux_.html', 'CON' → 'CON_'), each trailing dot or space → '_' ('theme.css.' → 'theme.css_').
 * Other paths are returned unchanged.
 */
export function windowsSafePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      if (!windowsNameProblem(segment)) return segment;
      const device = WINDOWS_DEVICE.exec(segment);
      let s = device ? `${device[1]}_${segment.slice(device[1].length)}` : segment;
      s = s.replace(/[. ]+$/, (tail) => '_'.repeat(tail.length));
      // Too long: the start and the extension, with '~' between (at most 100 characters: fits in bytes too).
      if (s.length > WINDOWS_NAME_MAX) {
        const ext = /\.[^.]{1,16}$/.exec(s)?.[0] ?? '';
        s = `${s.slice(0, 80)}~${ext}`;
      }
      return s;
    })
    .join('/');
}
