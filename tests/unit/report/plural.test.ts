import { enCount, FILES_GEN_RU, FILES_RU, ruCount } from '../../../src/report/plural';

test('Russian counts follow CLDR plural rules', () => {
  expect([1, 2, 5, 11, 21, 22, 31, 100, 111].map((n) => ruCount(n, FILES_RU))).toEqual([
    '1 файл', '2 файла', '5 файлов', '11 файлов', '21 файл', '22 файла', '31 файл', '100 файлов', '111 файлов',
  ]);
  expect([1, 3, 21, 50000].map((n) => ruCount(n, FILES_GEN_RU))).toEqual(['1 файла', '3 файлов', '21 файла', '50000 файлов']);
  expect([0, 1, 2].map((n) => enCount(n, 'file', 'files'))).toEqual(['0 files', '1 file', '2 files']);
});
